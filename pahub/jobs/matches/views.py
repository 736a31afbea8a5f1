"""Match pages from the job side: a job's PAs (its employer side) and a PA's jobs.

Thin views: permission first (`access_*` helpers or role checks), then the queries, then the
presenters shape each result for the template. The talent search and "How matching works"
are `pahub.matching.views`.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from pahub.core import audit
from pahub.employers.permissions import EmployerSide, employer_side_role
from pahub.jobs.permissions import access_job_for_employer_side, can_manage_job
from pahub.matching.presenters import pa_cards
from pahub.register.models import PAProfile

from .permissions import may_see_own_matches
from .presenters import job_cards
from .queries import matches_for_job, matches_for_pa


@login_required
@require_GET
def job_matches(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job_for_employer_side(request.user, job_id)
    role = employer_side_role(request.user, job.employer)
    if role not in (EmployerSide.EMPLOYER, EmployerSide.REPRESENTATIVE):
        # Staff looking at another person's job and the PAs who match it: keep a note.
        audit.record_view(request.user, job)
    results = matches_for_job(job, viewer=request.user)
    # Staff overseeing the area may read this page but not manage the job
    # (`access_job_for_manager`), so they get no links to the job's own page or to inviting.
    may_manage = can_manage_job(request.user, job)
    invite_url = (
        reverse("jobs:invite", kwargs={"job_id": job.pk}) if job.is_open and may_manage else None
    )
    return render(
        request,
        "jobs/matches/job_matches.html",
        {
            "job": job,
            "cards": pa_cards(results),
            "invite_url": invite_url,
            "job_url": reverse("employer:job", kwargs={"job_id": job.pk}) if may_manage else None,
        },
    )


@login_required
@require_GET
def for_me(request: HttpRequest) -> HttpResponse:
    if not may_see_own_matches(request.user):
        raise PermissionDenied("Matched jobs are for Personal Assistants.")
    profile = PAProfile.objects.select_related("user__district").filter(user=request.user).first()
    results = matches_for_pa(profile) if profile else []
    return render(
        request,
        "jobs/matches/for_me.html",
        {
            "profile": profile,
            "cards": job_cards(results),
            "hidden": profile is not None
            and (profile.is_paused or profile.visibility == PAProfile.Visibility.HIDDEN),
        },
    )
