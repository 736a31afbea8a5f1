"""Reads for applications: the only loaders of an application or a PA to invite, and the
lists on the applicants and "My applications" pages, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from pahub.accounts.models import User
from pahub.jobs.applications.services import ACTIVE_STATUSES
from pahub.jobs.models import Application, Job
from pahub.jobs.permissions import can_manage_job
from pahub.matching.candidates import visible_profiles_q
from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile


def access_application_for_manager(user: User, application_id: int) -> Application:
    """An application to decide on: only the employer side of its job; 404 for anyone else
    (staff who oversee the area may look at the applicants page, but not decide)."""
    application = get_object_or_404(
        Application.objects.select_related(
            "job__employer", "job__district", "job__local_authority", "pa", "conversation"
        ),
        pk=application_id,
    )
    if not can_manage_job(user, application.job):
        raise Http404
    return application


def access_own_application(user: User, application_id: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("job__district", "pa", "conversation"),
        pk=application_id,
    )
    if application.pa_id != user.pk:
        raise Http404
    return application


def access_profile_to_invite(user: User, job: Job, profile_id: int) -> PAProfile:
    """A PA the person may invite to this job: one whose profile both they and the employer
    may see (the PA's own choice of who sees them decides); 404 otherwise."""
    profile = get_object_or_404(
        PAProfile.objects.select_related("user", "user__district", "user__local_authority"),
        pk=profile_id,
    )
    if not can_view_profile(user, profile):
        raise Http404
    if user.pk != job.employer_id and not can_view_profile(job.employer, profile):
        raise Http404
    return profile


def profile_ids_viewer_may_open(viewer: User, profiles: list[PAProfile]) -> set[int]:
    """`can_view_profile` for many profiles at once: the matching engine's query form of the
    same rule (tested to agree with it), in a fixed number of queries."""
    if not profiles:
        return set()
    return set(
        PAProfile.objects.filter(
            visible_profiles_q(viewer), pk__in=[profile.pk for profile in profiles]
        ).values_list("pk", flat=True)
    )


def url_or_none(name: str, *args) -> str:
    """A page's address; a missing page is a broken link and fails loudly."""
    return reverse(name, args=args)


def conversation_url(conversation_id: int | None) -> str | None:
    if conversation_id is None:
        return None
    return url_or_none("messaging:conversation", conversation_id) or url_or_none("messaging:inbox")


STATUS_TAGS = {
    Application.Status.INVITED: "govuk-tag--light-blue",
    Application.Status.APPLIED: "govuk-tag--blue",
    Application.Status.INTERESTED: "govuk-tag--blue",
    Application.Status.SHORTLISTED: "govuk-tag--green",
    Application.Status.DECLINED: "govuk-tag--grey",
    Application.Status.HIRED: "govuk-tag--green",
    Application.Status.UNSUCCESSFUL: "govuk-tag--grey",
    Application.Status.WITHDRAWN: "govuk-tag--grey",
}


@dataclass(frozen=True)
class ApplicantRow:
    application: Application
    name: str
    district: str
    profile_url: str | None
    conversation_url: str | None
    status_label: str
    status_tag: str
    is_active: bool
    can_shortlist: bool


def applications_with_people(applications: QuerySet[Application]) -> QuerySet[Application]:
    return applications.select_related(
        "pa__pa_profile", "pa__district", "pa__local_authority", "conversation"
    )


def applicants_for(job: Job, viewer: User) -> list[ApplicantRow]:
    """Everyone who applied, said they were interested or was invited, newest first."""
    applications = list(applications_with_people(job.applications.order_by("-created_at", "-pk")))
    profiles = [
        application.pa.pa_profile
        for application in applications
        if hasattr(application.pa, "pa_profile")
    ]
    may_open = profile_ids_viewer_may_open(viewer, profiles)
    rows = []
    for application in applications:
        profile = getattr(application.pa, "pa_profile", None)
        is_active = application.status in ACTIVE_STATUSES
        rows.append(
            ApplicantRow(
                application=application,
                name=(profile.shown_name if profile else application.pa.display_name),
                district=application.pa.district_id or "",
                profile_url=(
                    url_or_none("register:profile_detail", profile.pk)
                    if profile and profile.pk in may_open
                    else None
                ),
                conversation_url=conversation_url(application.conversation_id),
                status_label=application.get_status_display(),
                status_tag=STATUS_TAGS[application.status],
                is_active=is_active,
                can_shortlist=is_active and application.status != Application.Status.SHORTLISTED,
            )
        )
    return rows


# What each status means to the PA, in words.
PA_STATUS_WORDS = {
    Application.Status.INVITED: (
        "The employer invited you to apply. Apply or say you are interested if you would like "
        "the job."
    ),
    Application.Status.APPLIED: "You applied. The employer has not decided yet.",
    Application.Status.INTERESTED: (
        "You said you are interested. The employer has not decided yet."
    ),
    Application.Status.SHORTLISTED: "The employer has put you on their shortlist.",
    Application.Status.DECLINED: "The employer decided not to take your application further.",
    Application.Status.HIRED: "You were hired for this job. Congratulations!",
    Application.Status.UNSUCCESSFUL: "The job was filled by someone else.",
    Application.Status.WITHDRAWN: "You withdrew from this job.",
}


@dataclass(frozen=True)
class MyApplicationRow:
    application: Application
    job: Job
    status_label: str
    status_words: str
    status_tag: str
    job_url: str | None
    conversation_url: str | None
    may_withdraw: bool
    may_apply: bool


def applications_of(pa: User) -> list[MyApplicationRow]:
    applications = (
        Application.objects.filter(pa=pa)
        .select_related("job__district", "job__local_authority", "conversation")
        .order_by("-updated_at", "-pk")
    )
    rows = []
    for application in applications:
        job = application.job
        rows.append(
            MyApplicationRow(
                application=application,
                job=job,
                status_label=application.get_status_display(),
                status_words=PA_STATUS_WORDS[application.status],
                status_tag=STATUS_TAGS[application.status],
                job_url=reverse("jobs:detail", args=[job.pk]) if job.is_open else None,
                conversation_url=conversation_url(application.conversation_id),
                may_withdraw=application.status in ACTIVE_STATUSES,
                may_apply=application.status == Application.Status.INVITED and job.is_open,
            )
        )
    return rows


def application_of(pa: User, job: Job) -> Application | None:
    if not pa.is_authenticated:
        return None
    return Application.objects.filter(pa=pa, job=job).select_related("conversation").first()
