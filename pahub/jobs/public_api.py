"""API: open jobs, for job sites and anyone else (no sign-in, no personal data).

`GET /api/v1/jobs` searches with the same filters and messages as the /jobs/ page;
`GET /api/v1/jobs/{id}` is one open job. Both are built from `PublicJob`, so they hold what
the public page shows: the district and local authority, never the employer.
"""

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema, Status

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_ID, InputSchema
from pahub.jobs.models import Job
from pahub.jobs.vacancies.forms import JobSearchForm
from pahub.jobs.vacancies.public_job import PublicJob
from pahub.jobs.vacancies.search import PAGE_SIZE, page_of_jobs, public_job_by_id, search_jobs
from pahub.register.availability import keys_from_mask

router = Router(tags=["public jobs"])


class PublicJobTaskOut(Schema):
    code: str
    name: str


class PublicJobOut(Schema):
    id: int
    title: str
    description: str
    url: str
    district: str = Field(description="Postcode district (outcode) of the work, like NE1")
    local_authority: str
    hours_per_week: Decimal | None
    hours: list[str] = Field(description="Slot keys of the weekly grid, like monday_early")
    hours_in_words: list[str]
    kind: str = Field(description="`regular` or `cover`")
    start_date: date | None
    hourly_pay: Decimal | None = Field(description="Pounds an hour")
    is_apprenticeship: bool
    tasks: list[PublicJobTaskOut]
    must_haves: list[str]
    nice_to_haves: list[str]
    posted_by_organisation: str | None = Field(
        description="Set when staff of a support organisation posted the job for the employer"
    )
    published_at: datetime | None
    miles: float | None = Field(
        None, description="Miles from the district searched from, when `where` was given"
    )


class JobPageOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[PublicJobOut]


class JobSearchQuery(InputSchema):
    """The /jobs/ page's filters. Every one is optional; bad values give 400 with messages."""

    where: str | None = Field(None, description="A postcode or district, like NE1 4ST or NE1")
    miles: str | None = Field(None, description="Whole miles from `where`, 1 to 100; default 10")
    min_hours: str | None = Field(None, description="Fewest hours a week")
    max_hours: str | None = Field(None, description="Most hours a week")
    min_pay: str | None = Field(None, description="Lowest hourly pay, in pounds, like 12.71")
    tasks: list[str] | None = Field(
        None, description="Task codes from /taxonomy/skills; jobs with any of them"
    )
    kind: str | None = Field(None, description="`regular` or `cover`")
    page: int = Field(1, ge=1, le=MAX_ID, description="Page number")


def job_out(job: PublicJob) -> PublicJobOut:
    return PublicJobOut(
        id=job.id,
        title=job.title,
        description=job.description,
        url=settings.SITE_URL + reverse("jobs:detail", args=[job.id]),
        district=job.district,
        local_authority=job.local_authority,
        hours_per_week=job.hours_per_week,
        hours=keys_from_mask(job.hours_grid),
        hours_in_words=list(job.hours_lines),
        kind=job.kind,
        start_date=job.start_date,
        hourly_pay=job.hourly_pay,
        is_apprenticeship=job.is_apprenticeship,
        tasks=[PublicJobTaskOut(code=task.code, name=task.name) for task in job.tasks],
        must_haves=list(job.must_haves),
        nice_to_haves=list(job.nice_to_haves),
        posted_by_organisation=job.posted_by_organisation or None,
        published_at=job.published_at,
        miles=round(job.miles, 2) if job.searched_from and job.miles is not None else None,
    )


@router.get(
    "/jobs",
    response={200: JobPageOut, 400: ErrorOut},
    auth=None,
    summary="Search open jobs",
    description=(
        f"Open jobs, {PAGE_SIZE} a page: nearest first when `where` is given, else newest "
        "first. Repeat `tasks` for several. Only the district of each job is given."
    ),
)
def jobs_search(request: HttpRequest, filters: Query[JobSearchQuery]):
    # The page's own form checks the raw query, so the API and the page say the same things.
    form = JobSearchForm(request.GET)
    if not form.is_valid():
        return Status(
            400,
            {
                "detail": "Some filters are not valid.",
                "errors": {name: list(errors) for name, errors in form.errors.items()},
            },
        )
    search = search_jobs(form.to_filters(), origin=form.origin)
    page = page_of_jobs(search, filters.page)
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "page_size": PAGE_SIZE,
            "results": [job_out(public) for _, public in page.object_list],
        },
    )


@router.get(
    "/jobs/{job_id}",
    response={200: PublicJobOut, 404: ErrorOut},
    auth=None,
    summary="One open job",
)
def job_detail(request: HttpRequest, job_id: int = Path(..., ge=1, le=MAX_ID)):
    job = Job.objects.filter(pk=job_id, status=Job.Status.PUBLISHED).first()
    if job is None:
        return Status(404, {"detail": "There is no open job with this number."})
    return Status(200, job_out(public_job_by_id(job)))
