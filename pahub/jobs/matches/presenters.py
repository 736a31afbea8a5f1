"""What a job's match card shows a PA: title, district, hours, pay and kind, never the
employer's name."""

from django.urls import reverse

from pahub.jobs.models import Job
from pahub.matching.presenters import how_matching_works_url, score_shown

from .queries import JobResult


def job_cards(results: list[JobResult]) -> list[dict]:
    """A card for each result, in order."""
    how_url = how_matching_works_url()
    return [job_card(result, how_url=how_url) for result in results]


def job_card(result: JobResult, *, how_url: str = "") -> dict:
    job: Job = result.job
    return {
        "job_id": job.pk,
        "title": job.title,
        "district": job.district_id or "",
        "hours_per_week": job.hours_per_week,
        "hourly_pay": job.hourly_pay,
        "kind": job.get_kind_display(),
        "job_url": reverse("jobs:detail", kwargs={"job_id": job.pk}),
        "score": score_shown(result.match, how_url=how_url),
    }
