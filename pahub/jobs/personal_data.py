"""Jobs' part of a person's data: the jobs an employer posted (with who applied), a PA's
applications, and saved searches.

On deletion an employer's advertised jobs are closed and drafts deleted, and a PA's pending
applications are withdrawn, through the jobs services (which tell the other side). A job
someone applied to stays, without its description, because the PA's application (perhaps
their hiring) points at it.
"""

from typing import Any

from django.utils import timezone

from pahub.core.personal_data import Fate, Step, register
from pahub.employers.queries import employer_name
from pahub.jobs import services as job_services
from pahub.jobs.applications import services as application_services
from pahub.jobs.models import Application, Job, SavedSearch
from pahub.jobs.vacancies.caching import public_job_changed
from pahub.register.queries import pa_name

EMPLOYER_LEFT = "The employer deleted their PA Hub account."
REMOVED = "Removed when the employer deleted their PA Hub account."


def iso(value) -> str | None:
    return value.isoformat() if value else None


def job_export(job: Job) -> dict[str, Any]:
    return {
        "title": job.title,
        "status": job.status,
        "description": job.description,
        "hours_per_week": str(job.hours_per_week) if job.hours_per_week else None,
        "hourly_pay": str(job.hourly_pay) if job.hourly_pay else None,
        "start_date": iso(job.start_date),
        "district": job.district.outcode if job.district else None,
        "required_gender": job.required_gender,
        "gender_reason": job.gender_reason,
        "created_at": iso(job.created_at),
        "published_at": iso(job.published_at),
        "closed_at": iso(job.closed_at),
        # Who applied, by the name they show employers: their own details stay theirs.
        "applications": [
            {"pa": pa_name(a.pa), "status": a.status, "at": iso(a.created_at)}
            for a in job.applications.all()
        ],
    }


def application_export(application: Application) -> dict[str, Any]:
    return {
        "job": application.job.title,
        "employer": employer_name(application.job.employer),
        "origin": application.origin,
        "status": application.status,
        "message": application.message,
        "applied_at": iso(application.created_at),
        "decided_at": iso(application.decided_at),
    }


def export_jobs(user) -> dict[str, Any] | None:
    jobs = (
        Job.objects.filter(employer=user)
        .select_related("district")
        .prefetch_related("applications__pa__pa_profile")
    )
    applications = Application.objects.filter(pa=user).select_related(
        "job__employer__employer_profile"
    )
    searches = SavedSearch.objects.filter(user=user)
    exported = {
        "jobs": [job_export(job) for job in jobs],
        "applications": [application_export(a) for a in applications],
        "saved_searches": [
            {"name": s.name, "kind": s.kind, "query": s.query, "alerts": s.alerts_enabled}
            for s in searches
        ],
    }
    return exported if any(exported.values()) else None


def end_jobs_and_applications(user) -> None:
    for job in Job.objects.filter(
        employer=user, status__in=[Job.Status.PUBLISHED, Job.Status.PAUSED]
    ):
        job_services.job_close(job=job, by=user, reason=EMPLOYER_LEFT)
    pending = Application.objects.filter(
        job__employer=user, status__in=application_services.ACTIVE_STATUSES
    )
    for application in pending:
        application_services.application_decline(application=application, by=user)
    for draft in Job.objects.filter(employer=user, status=Job.Status.DRAFT):
        job_services.job_delete_draft(job=draft, by=user)
    for application in Application.objects.filter(
        pa=user, status__in=application_services.ACTIVE_STATUSES
    ):
        application_services.application_withdraw(application=application, by=user)


def remove_their_words(user) -> None:
    # A job nobody applied to or wrote about is the employer's alone.
    Job.objects.filter(
        employer=user, applications__isnull=True, conversations__isnull=True
    ).delete()
    # A queryset update sends no signal, so each job's cached page is made stale here.
    now = timezone.now()
    Job.objects.filter(employer=user).update(description="", updated_at=now)
    Job.objects.filter(employer=user).exclude(gender_reason="").update(
        gender_reason=REMOVED, updated_at=now
    )
    for job_id in Job.objects.filter(employer=user).values_list("pk", flat=True):
        public_job_changed(job_id)
    Application.objects.filter(pa=user).update(message="")
    SavedSearch.objects.filter(user=user).delete()
    SavedSearch.objects.filter(employer=user).delete()


register(
    "jobs",
    models={
        "jobs.Job": Fate.KEPT_ANONYMISED,
        "jobs.Application": Fate.KEPT_ANONYMISED,
        "jobs.SavedSearch": Fate.DELETED,
    },
    export=export_jobs,
    erase={Step.COMMITMENTS: end_jobs_and_applications, Step.RECORDS: remove_their_words},
)
