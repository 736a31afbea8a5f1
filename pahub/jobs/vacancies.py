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
from pahub.jobs.models import DbsLevel, Job
from pahub.places.distance import miles_for_display
from pahub.register.availability import describe
from pahub.register.models import Interest, Skill

# What each must-have DBS level asks for, in the words a PA reads.
DBS_WORDS = {
    DbsLevel.BASIC: "A basic DBS check",
    DbsLevel.STANDARD: "A standard DBS check",
    DbsLevel.ENHANCED: "An enhanced DBS check",
    DbsLevel.ENHANCED_ADULTS_BARRED: "An enhanced DBS check with the adults' barred list",
}
# The employer's own reason for a gender requirement may describe their body or health, so
# the public page states the lawful ground in fixed words and never shows the reason text.
GENDER_WORDS = {
    Job.RequiredGender.WOMAN: "A woman: the job includes intimate personal care",
    Job.RequiredGender.MAN: "A man: the job includes intimate personal care",
}
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


def must_haves_in_words(job: Job) -> list[str]:
    lines = []
    if job.required_dbs:
        lines.append(DBS_WORDS.get(job.required_dbs, "A DBS check"))
    if job.requires_driver:
        lines.append("A driver with their own car")
    if job.required_language_id:
        lines.append(f"Speaks or signs {job.required_language.name}")
    if job.required_gender:
        lines.append(GENDER_WORDS[job.required_gender])
    skills = [skill.name for skill in job.required_skills.all()]
    if skills:
        lines.append(f"Has done: {', '.join(skills)}")
    return lines


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
        must_haves=tuple(must_haves_in_words(job)),
        nice_to_haves=tuple(nice_to_haves_in_words(job)),
        posted_by_organisation=(
            job.posted_by_organisation.name if job.posted_by_organisation_id else ""
        ),
        published_at=job.published_at,
        requires_gender=bool(job.required_gender),
        miles=miles,
        searched_from=searched_from,
    )
