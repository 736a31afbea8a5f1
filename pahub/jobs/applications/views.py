"""Applying, inviting and deciding: thin views over application_services.

PAs apply on /jobs/<id>/apply/ and follow their applications on /jobs/my-applications/.
The employer side (the employer, a representative with an active grant, staff with the
employer's recorded consent) invites PAs and decides on /jobs/<id>/applicants/; staff who
oversee the job's area may read that page (audited) but not act.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Role
from pahub.core import audit
from pahub.jobs.applications.forms import ApplyForm, DeclineForm, InviteForm
from pahub.jobs.applications.queries import (
    access_application_for_manager,
    access_own_application,
    access_profile_to_invite,
    applicants_for,
    application_of,
    applications_of,
    conversation_url,
    url_or_none,
)
from pahub.jobs.applications.services import (
    ACTIVE_STATUSES,
    KIND_DECLINE,
    ApplicationError,
    already_message,
    application_decline,
    application_hire,
    application_invite,
    application_shortlist,
    application_submit,
    application_withdraw,
    may_move_on,
    must_have_check,
    pa_name,
    quoted,
)
from pahub.jobs.models import Application, Job
from pahub.jobs.permissions import (
    access_job_for_employer_side,
    access_job_for_manager,
    access_open_job,
    can_manage_job,
)
from pahub.jobs.vacancies.search import public_job_by_id
from pahub.messaging.queries import is_blocked_between
from pahub.register.models import PAProfile


def pa_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (or sent to sign in, and back) and holding the PA role (or a 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_role(Role.PA):
            raise PermissionDenied("Applying for jobs is for Personal Assistants.")
        return view(request, *args, **kwargs)

    return wrapped


# The PA's side


@pa_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_open_job(job_id)
    profile = PAProfile.objects.filter(user=request.user).first()
    application = application_of(request.user, job)
    form = ApplyForm(
        request.POST if request.method == "POST" else None,
        initial={"origin": Application.Origin.APPLIED},
    )
    refusal = refusal_before_applying(request, job, profile, application)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            application = application_submit(
                job=job,
                pa=request.user,
                origin=form.cleaned_data["origin"],
                message=form.cleaned_data["message"],
            )
        except ApplicationError as error:
            if error.application is None:
                form.add_error(None, error.message)
            else:
                application, refusal = error.application, error.message
        else:
            if application.status == Application.Status.APPLIED:
                messages.success(request, f"You have applied for “{job.title}”.")
            else:
                messages.success(
                    request, f"You have told the employer you are interested in “{job.title}”."
                )
            return redirect("jobs:my_applications")
    return render(
        request,
        "jobs/applications/apply.html",
        {
            "job": public_job_by_id(job),
            "form": form,
            "profile": profile,
            "application": application,
            "refusal": refusal,
            "conversation_url": conversation_url(application.conversation_id)
            if application
            else None,
            "unmet": must_have_check(job, profile).unmet if profile else (),
            "profile_hidden": profile is not None
            and (profile.is_paused or profile.visibility == PAProfile.Visibility.HIDDEN),
        },
    )


def refusal_before_applying(
    request: HttpRequest, job: Job, profile: PAProfile | None, application: Application | None
) -> str | None:
    """Why this PA cannot apply, shown instead of the form; None when they can."""
    if profile is None:
        return "Start your PA profile before you apply, so the employer can read about you."
    if job.employer_id == request.user.pk:
        return "This is your own job, so you cannot apply for it."
    if is_blocked_between(job.employer, request.user):
        return (
            "You and this employer cannot contact each other on PA Hub, so you cannot apply "
            "for this job."
        )
    if application is not None and not may_move_on(application, Application.Status.APPLIED):
        return already_message(application)
    return None


@pa_required
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "jobs/applications/my_applications.html",
        {"rows": applications_of(request.user)},
    )


@pa_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_own_application(request.user, application_id)
    error = None
    if application.status not in ACTIVE_STATUSES:
        error = "This application has already been decided, so it cannot be withdrawn."
    elif request.method == "POST":
        try:
            application_withdraw(application=application, by=request.user)
        except ApplicationError as problem:
            error = problem.message
        else:
            messages.success(request, f"You have withdrawn from “{application.job.title}”.")
            return redirect("jobs:my_applications")
    return render(
        request,
        "jobs/applications/withdraw.html",
        {"application": application, "error": error},
    )


# The employer's side


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job_for_manager(request.user, job_id)
    data = request.POST if request.method == "POST" else request.GET
    # The PA is part of the address of this page: without a valid one there is nothing here.
    try:
        profile_id = int(data.get("pa_profile", ""))
    except ValueError:
        raise Http404 from None
    profile = access_profile_to_invite(request.user, job, profile_id)
    problem = None
    existing = Application.objects.filter(job=job, pa=profile.user).first()
    if request.method == "POST":
        form = InviteForm(request.POST)
    else:
        form = InviteForm(initial={"pa_profile": profile.pk})
    if request.method == "POST" and form.is_valid():
        try:
            application_invite(
                job=job,
                profile=profile,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ApplicationError as error:
            problem = error.message
            existing = error.application or existing
        else:
            messages.success(
                request,
                f"You have invited {profile.shown_name} to apply. We have emailed them.",
            )
            return redirect("jobs:applicants", job_id=job.pk)
    return render(
        request,
        "jobs/applications/invite.html",
        {
            "job": job,
            "profile": profile,
            "form": form,
            "problem": problem,
            "existing": existing,
            "conversation_url": conversation_url(existing.conversation_id) if existing else None,
            "profile_url": url_or_none("register:profile_detail", profile.pk),
        },
    )


@login_required
@require_GET
def applicants(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job_for_employer_side(request.user, job_id)
    may_decide = can_manage_job(request.user, job)
    if not may_decide:
        # Staff overseeing the area, without the employer's consent to act: a record of
        # who looked, since this page lists people.
        audit.record_view(request.user, job)
    rows = applicants_for(job, request.user)
    return render(
        request,
        "jobs/applications/applicants.html",
        {
            "job": job,
            "rows": rows,
            "may_decide": may_decide and job.status in (Job.Status.PUBLISHED, Job.Status.PAUSED),
            "may_act": may_decide,
            "public_url": url_or_none("jobs:detail", job.pk) if job.is_open else None,
            "matches_url": url_or_none("job_matches:for_job", job.pk),
            # The employer's own page for the job opens only for those who may manage it
            # (`access_job_for_manager`): staff overseeing the area get no link to a 404.
            "manage_url": url_or_none("employer:job", job.pk) if may_decide else None,
            "active_count": sum(1 for row in rows if row.is_active),
        },
    )


@login_required
@require_POST
def shortlist(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application_for_manager(request.user, application_id)
    try:
        application_shortlist(application=application, by=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{pa_name(application.pa)} is on your shortlist.")
    return redirect("jobs:applicants", job_id=application.job_id)


@login_required
@require_http_methods(["GET", "POST"])
def decline(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application_for_manager(request.user, application_id)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    problem = None
    if application.status not in ACTIVE_STATUSES:
        problem = "This application has already been decided."
    elif request.method == "POST" and form.is_valid():
        try:
            application_decline(
                application=application,
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ApplicationError as error:
            problem = error.message
        else:
            messages.success(
                request,
                f"We have told {pa_name(application.pa)}, kindly, that you are not taking "
                "their application further.",
            )
            return redirect("jobs:applicants", job_id=application.job_id)
    return render(
        request,
        "jobs/applications/decline.html",
        {
            "application": application,
            "name": pa_name(application.pa),
            "form": form,
            "problem": problem,
            "kind_words": KIND_DECLINE.format(job=quoted(application.job)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def hire(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application_for_manager(request.user, application_id)
    job = application.job
    problem = None
    if application.status not in ACTIVE_STATUSES:
        problem = "This application has already been decided."
    elif job.status not in (Job.Status.PUBLISHED, Job.Status.PAUSED):
        problem = "This job is already closed or filled."
    elif request.method == "POST":
        try:
            application_hire(application=application, by=request.user)
        except ApplicationError as error:
            problem = error.message
        else:
            messages.success(
                request,
                f"{pa_name(application.pa)} is hired, and “{job.title}” is now filled. "
                "We have told everyone else who was waiting, kindly.",
            )
            return redirect("jobs:applicants", job_id=job.pk)
    others = (
        Application.objects.filter(job=job, status__in=ACTIVE_STATUSES)
        .exclude(pk=application.pk)
        .count()
    )
    return render(
        request,
        "jobs/applications/hire.html",
        {
            "application": application,
            "job": job,
            "name": pa_name(application.pa),
            "others": others,
            "problem": problem,
        },
    )
