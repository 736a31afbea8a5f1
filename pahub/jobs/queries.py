"""Reads for the employer's own list of jobs."""

from django.db.models import Count

from pahub.accounts.models import User
from pahub.jobs.models import Job

# Reads for the employer's own pages --------------------------------------------------------

STATUS_ORDER = (
    Job.Status.DRAFT,
    Job.Status.PUBLISHED,
    Job.Status.PAUSED,
    Job.Status.CLOSED,
    Job.Status.FILLED,
)


def jobs_by_status(employer: User) -> dict[str, list[Job]]:
    """The employer's jobs grouped by status, in the order above, from one query; each job
    carries `applicant_count`."""
    jobs = (
        Job.objects.filter(employer=employer)
        .select_related("district", "local_authority", "hired_pa", "posted_by_organisation")
        .annotate(applicant_count=Count("applications"))
        .order_by("-updated_at")
    )
    grouped: dict[str, list[Job]] = {status: [] for status in STATUS_ORDER}
    for job in jobs:
        grouped[job.status].append(job)
    return grouped


def open_job_count_in_area(local_authority_id: str) -> int:
    """How many jobs in a council's area are open for applications (a number, for the spoke)."""
    return Job.objects.filter(
        status=Job.Status.PUBLISHED, local_authority_id=local_authority_id
    ).count()
