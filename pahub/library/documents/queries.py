"""Reads for the document pages, scoped to the person asking."""

from django.db.models import QuerySet

from pahub.accounts.models import User
from pahub.jobs.models import Job
from pahub.jobs.permissions import jobs_user_may_manage


def load_job_for_documents(job: Job) -> Job:
    """The job with everything `values_for_job` reads, in one query (and one for its tasks)."""
    return (
        Job.objects.select_related(
            "employer__employer_profile",
            "hired_pa__pa_profile",
            "district",
            "local_authority",
            "required_language",
        )
        .prefetch_related("tasks", "required_skills")
        .get(pk=job.pk)
    )


def jobs_to_fill(user: User) -> QuerySet[Job]:
    """Every job of every employer this person may act for (the jobs app's own rule)."""
    return (
        jobs_user_may_manage(user)
        .select_related("employer__employer_profile", "district", "local_authority")
        .order_by("employer__full_name", "employer_id", "-created_at")
    )
