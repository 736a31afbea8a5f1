"""Match pages: a job's PAs (employer side), a PA's jobs, and the employer's talent search.

Thin views: permission first (`access_*` helpers or role checks), then the engine, then
`presenters` shapes each result for the template.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from pahub.accounts.models import User
from pahub.core import audit
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import EmployerSide, employer_side_role
from pahub.jobs.permissions import access_job_for_employer_side
from pahub.register.models import PAProfile

from . import engine
from .filters import TalentFilters, TalentSearchForm
from .permissions import (
    acts_as_employer,
    may_search_talent,
    may_see_own_matches,
    staff_without_two_factor,
)
from .presenters import job_card, optional_url, pa_card
from .scoring import DESCRIPTIONS, LABELS, WEIGHTS

TALENT_LIMIT = 50


def two_factor_first(request: HttpRequest) -> HttpResponse:
    messages.warning(
        request,
        "Staff must set up two-factor authentication before looking at PAs' details. "
        "Set it up now with an authenticator app.",
    )
    return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.path})}")


@login_required
@require_GET
def job_matches(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job_for_employer_side(request.user, job_id)
    role = employer_side_role(request.user, job.employer)
    if role not in (EmployerSide.EMPLOYER, EmployerSide.REPRESENTATIVE):
        if staff_without_two_factor(request.user):
            return two_factor_first(request)
        # Staff looking at another person's job and the PAs who match it: keep a note.
        audit.record_view(request.user, job, request=request)
    results = engine.matches_for_job(job, viewer=request.user)
    invite_url = optional_url("jobs:invite", job_id=job.pk) if job.is_open else None
    return render(
        request,
        "matching/job_matches.html",
        {
            "job": job,
            "cards": [pa_card(result) for result in results],
            "invite_url": invite_url,
            "job_url": optional_url("employer:job", job_id=job.pk),
        },
    )


@login_required
@require_GET
def for_me(request: HttpRequest) -> HttpResponse:
    if not may_see_own_matches(request.user):
        raise PermissionDenied("Matched jobs are for Personal Assistants.")
    profile = PAProfile.objects.select_related("user__district").filter(user=request.user).first()
    results = engine.matches_for_pa(profile) if profile else []
    return render(
        request,
        "matching/for_me.html",
        {
            "profile": profile,
            "cards": [job_card(result) for result in results],
            "hidden": profile is not None
            and (profile.is_paused or profile.visibility == PAProfile.Visibility.HIDDEN),
        },
    )


def default_outcode(user: User) -> str:
    """Where a search starts: the searcher's employer district, else their own."""
    district = (
        EmployerProfile.objects.filter(user=user).values_list("district_id", flat=True).first()
    )
    return district or user.district_id or ""


@login_required
@require_GET
def talent(request: HttpRequest) -> HttpResponse:
    if not may_search_talent(request.user):
        raise PermissionDenied("The talent search is for employers and the people helping them.")
    if not acts_as_employer(request.user) and staff_without_two_factor(request.user):
        return two_factor_first(request)
    searched = bool(request.GET)
    if searched:
        form = TalentSearchForm(request.GET)
        filters = form.filters() if form.is_valid() else None
    else:
        outcode = default_outcode(request.user)
        form = TalentSearchForm(initial={"outcode": outcode, "miles": 10})
        filters = TalentFilters(outcode=outcode) if outcode else None
    results, total = [], 0
    if filters is not None:
        results, total = engine.search_talent_with_count(
            viewer=request.user, filters=filters, limit=TALENT_LIMIT
        )
    return render(
        request,
        "matching/talent.html",
        {
            "form": form,
            "filters": filters,
            "searched": searched,
            "cards": [pa_card(result) for result in results],
            "total": total,
            "limit": TALENT_LIMIT,
            "save_url": optional_url("jobs:saved_search_create"),
            "saved_query": urlencode(filters.to_query(), doseq=True) if filters else "",
            "suggested_name": suggested_name(filters) if filters else "",
        },
    )


def suggested_name(filters: TalentFilters) -> str:
    return f"PAs within {filters.miles} miles of {filters.outcode}"


@require_GET
def how_matching_works(request: HttpRequest) -> HttpResponse:
    """The score's parts and weights, from the same constants the score uses."""
    parts = [
        {"label": LABELS[key], "how": DESCRIPTIONS[key], "weight": weight}
        for key, weight in WEIGHTS.items()
    ]
    return render(request, "matching/how_matching_works.html", {"parts": parts})
