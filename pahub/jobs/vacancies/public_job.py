"""A job as the public sees it: the one shape the vacancy pages, the feed, JSON-LD and the
public API are built from.

Pages and exports never get the `Job` row itself, only a `PublicJob` made here, so nothing
about the employer (name, account, postcode, profile) can reach the public by accident: it is
simply not in the object. The job's district (outcode) and local authority are the only
places shown.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from pahub.core.hours_and_pay import hours_number
from pahub.jobs.matches.needs import job_must_haves
from pahub.jobs.models import Job
from pahub.matching.must_haves import Wording, must_haves_in_words
from pahub.places.distance import miles_for_display
from pahub.register.availability import describe
from pahub.taxonomy.models import Interest, Skill

# The employer's own reason for a gender requirement may describe their body or health, so
# the public page states the lawful ground in fixed words and never shows the reason text
# (`Wording.ADVERT` leaves it out).
GENDER_GROUND = (
    "This is an occupational requirement the Equality Act 2010 (Schedule 9) allows for "
    "intimate personal care."
)


@dataclass(frozen=True)
class PublicTask:
    code: str
    name: str


@dataclass(frozen=True)
class PublicJob:
    id: int
    title: str
    description: str
    district: str
    local_authority: str
    hours_per_week: Decimal | None
    hours_grid: int
    hours_lines: tuple[str, ...]
    kind: str
    kind_label: str
    start_date: date | None
    hourly_pay: Decimal | None
    is_apprenticeship: bool
    tasks: tuple[PublicTask, ...]
    must_haves: tuple[str, ...]
    nice_to_haves: tuple[str, ...]
    posted_by_organisation: str
    published_at: datetime | None
    requires_gender: bool = False
    # Set when the search was from a place: unrounded miles, and the district searched from.
    miles: float | None = None
    searched_from: str = ""

    @property
    def hours_label(self) -> str:
        return hours_for_display(self.hours_per_week)

    @property
    def pay_label(self) -> str:
        if self.hourly_pay is None:
            return "Pay not given"
        return f"£{self.hourly_pay:,.2f} an hour"

    @property
    def distance_label(self) -> str:
        """ "3.2 miles from NE1", or "" when the search was not from a place."""
        if not self.searched_from:
            return ""
        return f"{miles_for_display(self.miles)} from {self.searched_from}"

    @property
    def place_label(self) -> str:
        if self.local_authority:
            return f"{self.district}, {self.local_authority}"
        return self.district or "Place not given"

    @property
    def posted_by_label(self) -> str:
        if self.posted_by_organisation:
            return f"Posted by {self.posted_by_organisation} for the employer"
        return ""

    @property
    def gender_ground(self) -> str:
        """Why a gender requirement is lawful, when the job has one."""
        return GENDER_GROUND if self.requires_gender else ""


def hours_for_display(hours: Decimal | None) -> str:
    """ "15 hours a week", "7.5 hours a week", "1 hour a week"."""
    if hours is None:
        return "Hours not given"
    number = hours_number(hours)
    return f"{number} hour{'' if number == '1' else 's'} a week"


def with_public_data(jobs: QuerySet[Job]) -> QuerySet[Job]:
    """Everything `public_job` reads, in a fixed number of queries however many jobs."""
    skills = Skill.objects.only("pk", "code", "name", "category_id", "position")
    return jobs.select_related(
        "district", "local_authority", "required_language", "posted_by_organisation"
    ).prefetch_related(
        Prefetch("tasks", queryset=skills),
        Prefetch("required_skills", queryset=skills),
        Prefetch("nice_skills", queryset=skills),
        Prefetch("nice_interests", queryset=Interest.objects.only("pk", "name")),
    )


def nice_to_haves_in_words(job: Job) -> list[str]:
    lines = []
    if job.nice_years_experience:
        years = job.nice_years_experience
        lines.append(f"At least {years} year{'s' if years != 1 else ''} of experience as a PA")
    skills = [skill.name for skill in job.nice_skills.all()]
    if skills:
        lines.append(f"Knows about: {', '.join(skills)}")
    interests = [interest.name.lower() for interest in job.nice_interests.all()]
    if interests:
        lines.append(f"Shares interests: {', '.join(interests)}")
    return lines


def public_job(job: Job, *, miles: float | None = None, searched_from: str = "") -> PublicJob:
    return PublicJob(
        id=job.pk,
        title=job.title,
        description=job.description,
        district=job.district_id or "",
        local_authority=job.local_authority.name if job.local_authority_id else "",
        hours_per_week=job.hours_per_week,
        hours_grid=job.hours_grid,
        hours_lines=tuple(describe(job.hours_grid)),
        kind=job.kind,
        kind_label=job.get_kind_display(),
        start_date=job.start_date,
        hourly_pay=job.hourly_pay,
        is_apprenticeship=job.is_apprenticeship,
        tasks=tuple(PublicTask(skill.code, skill.name) for skill in job.tasks.all()),
        must_haves=tuple(must_haves_in_words(job_must_haves(job), wording=Wording.ADVERT)),
        nice_to_haves=tuple(nice_to_haves_in_words(job)),
        posted_by_organisation=(
            job.posted_by_organisation.name if job.posted_by_organisation_id else ""
        ),
        published_at=job.published_at,
        requires_gender=bool(job.required_gender),
        miles=miles,
        searched_from=searched_from,
    )
