"""The job builder's rules: its steps, the limits on each answer, and the checks that forms,
pages and the API all use, so the builder and the API give the same messages.

Nothing here writes; the writes are in `pahub.jobs.services`.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from pahub.core.hours_and_pay import AmountError, hours_number, read_amount
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.models import Job
from pahub.places.models import District
from pahub.register.availability import DAYS, FULL_WEEK, PARTS, Slot
from pahub.taxonomy.dbs import DbsLevel

# The builder's steps, in the order "Save and continue" walks them, with the answers each
# one gives. `includes_intimate_care` is asked but not stored: a gender requirement can only
# be saved with it ticked, so a saved requirement means it was.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "description": ("description",),
    "tasks": ("tasks",),
    "hours": ("hours_grid", "hours_per_week"),
    "start": ("start_date",),
    "kind": ("kind",),
    "where": ("district",),
    "pay": ("hourly_pay", "is_apprenticeship", "paid_by_direct_payment"),
    "must_haves": ("required_dbs", "requires_driver", "required_language", "required_skills"),
    "gender": ("required_gender", "gender_reason", "includes_intimate_care"),
    "nice_to_haves": ("nice_interests", "nice_years_experience", "nice_skills"),
}
STEPS = tuple(STEP_FIELDS)
STEP_TITLES: dict[str, str] = {
    "title": "Job title",
    "description": "What the job is about",
    "tasks": "Tasks",
    "hours": "Hours",
    "start": "Start date",
    "kind": "Regular work or cover",
    "where": "Where the work is",
    "pay": "Pay",
    "must_haves": "Must-haves",
    "gender": "A woman or a man for intimate care",
    "nice_to_haves": "Nice-to-haves",
}
# A job cannot be published until these are answered; the others have sensible defaults
# (regular work, the employer's own district, no must-haves, no nice-to-haves).
REQUIRED_STEPS = ("title", "description", "tasks", "hours", "start", "pay")
FIELD_STEP = {field: step for step, fields in STEP_FIELDS.items() for field in fields}

SIMPLE_FIELDS = frozenset(
    {
        "title",
        "description",
        "hours_grid",
        "hours_per_week",
        "start_date",
        "kind",
        "hourly_pay",
        "is_apprenticeship",
        "paid_by_direct_payment",
        "required_dbs",
        "requires_driver",
        "required_language",
        "required_gender",
        "gender_reason",
        "nice_years_experience",
    }
)
RELATED_FIELDS = frozenset({"tasks", "required_skills", "nice_interests", "nice_skills"})
INPUT_ONLY_FIELDS = frozenset({"district", "includes_intimate_care"})

MAX_TITLE = 120
MAX_DESCRIPTION = 5000
MAX_GENDER_REASON = 1000
MAX_HOURLY_PAY = Decimal("999.99")
# There are 168 hours in a week (the model refuses more too).
MAX_HOURS_PER_WEEK = 168
MAX_YEARS_EXPERIENCE = 50
# A start date further ahead than this is almost certainly a typing slip (2062 for 2026).
LATEST_START = timedelta(days=2 * 366)

# How long each part of the day on the weekly grid lasts (see PARTS in
# pahub.register.availability). A waking night and a sleep-in cover the same 8 hours, so a
# night with both ticked counts once. The hours per week may not exceed the sum: a job
# cannot ask for more hours than the times it ticked can hold.
PART_HOURS: dict[str, int] = {
    "early": 3,  # 6am to 9am
    "morning": 3,  # 9am to 12pm
    "afternoon": 5,  # 12pm to 5pm
    "evening": 5,  # 5pm to 10pm
    "night": 8,  # 10pm to 6am, awake
    "sleep_in": 8,  # 10pm to 6am, asleep on site
}
OVERNIGHT_PARTS = frozenset({"night", "sleep_in"})
OVERNIGHT_HOURS = 8


class JobInputError(ValueError):
    """An answer breaks a job rule; `field` says which answer to fix, `step` on which page."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.step = FIELD_STEP.get(field, "")


class JobStateError(Exception):
    """The action is not possible in the job's current status (publishing a closed job)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class JobProblem:
    step: str
    message: str

    @property
    def step_title(self) -> str:
        return STEP_TITLES.get(self.step, self.step)


class JobNotReady(Exception):
    """The job cannot be opened to applications yet; `problems` says what to fix, by step."""

    def __init__(self, problems: list[JobProblem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


class EmployerProfileMissing(Exception):
    """A job is placed in the employer's district, so their employer profile must exist."""


# Rules shared by the builder's pages and the API --------------------------------------------


def most_hours_in(grid: int) -> Decimal:
    """The most hours a week the ticked parts of the week can hold."""
    total = 0
    for day in range(len(DAYS)):
        parts = {PARTS[part][0] for part in range(len(PARTS)) if grid & Slot(day, part).bit}
        total += sum(PART_HOURS[part] for part in parts - OVERNIGHT_PARTS)
        if parts & OVERNIGHT_PARTS:
            total += OVERNIGHT_HOURS
    return Decimal(total)


def hours_label(hours: Decimal | None) -> str:
    """15.0 as "15", 7.5 as "7.5"."""
    if hours is None:
        return ""
    return hours_number(hours)


def parse_money(raw: str | Decimal | None, *, field: str, what: str) -> Decimal | None:
    """What a person typed, like "£13.50", as pounds and pence; blank means not given."""
    if raw is None:
        return None
    messages = {
        "not_a_number": f"Enter {what} as an amount in pounds, like 13.50",
        "too_small": f"{what.capitalize()} must be more than £0",
        "too_big": f"{what.capitalize()} must be £{MAX_HOURLY_PAY} or less",
        "too_precise": f"Enter {what} in pounds and pence, like 13.50",
    }
    try:
        return read_amount(
            raw, places=2, minimum=Decimal(0), maximum=MAX_HOURLY_PAY, above_minimum=True
        )
    except AmountError as error:
        raise JobInputError(field, messages[error.reason]) from None


def parse_hours(raw: str | Decimal | None) -> Decimal | None:
    """Hours per week, like "15" or "7.5"; blank means not given."""
    if raw is None:
        return None
    if not isinstance(raw, Decimal):
        raw = str(raw).strip().lower().removesuffix("hours")
    messages = {
        "not_a_number": "Enter the hours per week as a number, like 15 or 7.5",
        "too_small": "The hours per week must be more than 0",
        "too_big": f"The hours per week must be {MAX_HOURS_PER_WEEK} or fewer",
        "too_precise": "Enter the hours per week to one decimal place at most, like 7.5",
    }
    try:
        return read_amount(
            raw, places=1, minimum=Decimal(0), maximum=MAX_HOURS_PER_WEEK, above_minimum=True
        )
    except AmountError as error:
        raise JobInputError("hours_per_week", messages[error.reason]) from None


def check_hours(*, grid: int, hours_per_week: Decimal | None) -> None:
    if not 0 <= grid <= FULL_WEEK:
        raise JobInputError("hours_grid", "Choose times from the weekly grid")
    if grid == 0:
        raise JobInputError(
            "hours_grid", "Select at least one time in the week when the PA will work"
        )
    if hours_per_week is None:
        raise JobInputError("hours_per_week", "Enter the total hours per week")
    if hours_per_week <= 0:
        raise JobInputError("hours_per_week", "The hours per week must be more than 0")
    most = most_hours_in(grid)
    if hours_per_week > most:
        raise JobInputError(
            "hours_per_week",
            f"{hours_label(hours_per_week)} hours is more than the times you ticked can hold "
            f"({hours_label(most)} hours a week). Tick more times or enter fewer hours",
        )


def check_start_date(start: date | None, *, today: date) -> None:
    if start is None:
        raise JobInputError("start_date", "Enter the date the job starts")
    if start < today:
        raise JobInputError("start_date", "The start date must be today or in the future")
    if start > today + LATEST_START:
        raise JobInputError("start_date", "The start date must be within the next 2 years")


def check_pay_is_lawful(pay: Decimal, *, on: date, is_apprenticeship: bool) -> None:
    """Refuse pay below the legal minimum in force on `on`, quoting the figure and source.

    PA Hub never asks anyone's age, so any adult may be hired: a job must pay at least the
    National Living Wage for people aged 21 and over. Only an apprenticeship may pay the
    apprentice rate.
    """
    minimum = minimum_pay_on(on, is_apprenticeship=is_apprenticeship)
    if minimum is None or pay >= minimum.hourly_rate:
        return
    why = (
        ""
        if is_apprenticeship
        else " PA Hub does not ask anyone's age, so every job must pay at least the rate "
        "for people aged 21 and over."
    )
    raise JobInputError(
        "hourly_pay",
        f"The pay must be at least £{minimum.hourly_rate} an hour for a job starting on "
        f"{on:%-d %B %Y}. {minimum.explain()}{why}",
    )


def check_gender(*, required_gender: str, gender_reason: str, includes_intimate_care: bool) -> None:
    """The Equality Act 2010 (Schedule 9) lets an employer require a woman or a man only
    where the job involves intimate personal care; PA Hub asks for that reason in words."""
    if required_gender not in Job.RequiredGender.values:
        raise JobInputError("required_gender", "Choose no, a woman or a man")
    if not required_gender:
        return
    if not includes_intimate_care:
        raise JobInputError(
            "includes_intimate_care",
            "You can only ask for a woman or a man if the job includes intimate personal care. "
            "Tick the box to say it does, or choose no",
        )
    if not gender_reason.strip():
        raise JobInputError(
            "gender_reason",
            "Say in your own words why the job needs a woman or a man, for example help with "
            "washing and using the toilet",
        )
    if len(gender_reason) > MAX_GENDER_REASON:
        raise JobInputError(
            "gender_reason", f"The reason must be {MAX_GENDER_REASON:,} characters or fewer"
        )


def check_text(field: str, value: str, *, limit: int, required_message: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise JobInputError(field, required_message)
    if len(value) > limit:
        raise JobInputError(field, f"{what} must be {limit:,} characters or fewer")
    return value


def place_of_work(district: District) -> District:
    if district.local_authority_id is None:
        raise JobInputError(
            "district",
            f"{district.outcode} is not a place people live or work (it is for PO boxes or "
            "bulk mail). Enter the postcode district where the work happens",
        )
    return district


def check_changes(changes: dict[str, Any], *, today: date) -> None:
    """Checks on single answers, normalising them in `changes`; the merged state's rules
    (hours against the grid, pay on the start date) are checked in `job_update`."""
    if "title" in changes:
        changes["title"] = check_text(
            "title",
            changes["title"] or "",
            limit=MAX_TITLE,
            required_message="Enter a title for the job",
            what="The job title",
        )
    if "description" in changes:
        changes["description"] = check_text(
            "description",
            changes["description"] or "",
            limit=MAX_DESCRIPTION,
            required_message="Say what the job is about, in your own words",
            what="What the job is about",
        )
    if "tasks" in changes:
        tasks = list(changes["tasks"])
        if not tasks:
            raise JobInputError("tasks", "Select at least one task the PA will help with")
        changes["tasks"] = tasks
    for name in ("tasks", "required_skills", "nice_skills"):
        inactive = [skill.name for skill in changes.get(name, ()) if not skill.is_active]
        if inactive:
            raise JobInputError(name, f"{inactive[0]} is no longer on the list: choose another")
    if "hours_per_week" in changes:
        changes["hours_per_week"] = parse_hours(changes["hours_per_week"])
    if "start_date" in changes:
        check_start_date(changes["start_date"], today=today)
    if "kind" in changes and changes["kind"] not in Job.Kind.values:
        raise JobInputError("kind", "Choose regular work or cover")
    if "district" in changes:
        changes["district"] = place_of_work(changes["district"])
    if "hourly_pay" in changes:
        changes["hourly_pay"] = parse_money(
            changes["hourly_pay"], field="hourly_pay", what="the hourly pay"
        )
        if changes["hourly_pay"] is None:
            raise JobInputError("hourly_pay", "Enter the hourly pay")
    if "required_dbs" in changes and changes["required_dbs"] not in DbsLevel.values:
        raise JobInputError("required_dbs", "Choose the DBS check the PA must have")
    if "nice_years_experience" in changes:
        years = changes["nice_years_experience"]
        if years is not None and not 0 <= years <= MAX_YEARS_EXPERIENCE:
            raise JobInputError(
                "nice_years_experience",
                f"Years of experience must be between 0 and {MAX_YEARS_EXPERIENCE}",
            )
    if "gender_reason" in changes:
        changes["gender_reason"] = (changes["gender_reason"] or "").strip()


# Reads that decide what a job still needs ---------------------------------------------------


def pay_check_date(job: Job, *, today: date) -> date:
    """The day the pay must be lawful on: the start date, or today once that has passed."""
    if job.start_date is None:
        return today
    return max(job.start_date, today)


def job_problems(
    job: Job, *, today: date | None = None, for_publishing: bool = True
) -> list[JobProblem]:
    """Everything that stops the job being open to applications, by step, in step order.

    `for_publishing=False` is for a job that has already been advertised (resume, reopen,
    changes to an open job): its start date may have passed, but its pay must still be
    lawful today.
    """
    today = today or timezone.localdate()
    done = set(job.completed_steps)
    problems = [
        JobProblem(step, f"{STEP_TITLES[step]}: not answered yet")
        for step in REQUIRED_STEPS
        if step not in done
    ]

    def check(step: str, rule) -> None:
        if step not in done:
            return
        try:
            rule()
        except JobInputError as error:
            problems.append(JobProblem(step, error.message))

    check(
        "title",
        lambda: check_text(
            "title",
            job.title,
            limit=MAX_TITLE,
            required_message="Enter a title for the job",
            what="The job title",
        ),
    )
    check(
        "description",
        lambda: check_text(
            "description",
            job.description,
            limit=MAX_DESCRIPTION,
            required_message="Say what the job is about, in your own words",
            what="What the job is about",
        ),
    )
    if "tasks" in done and not job.tasks.exists():
        problems.append(JobProblem("tasks", "Select at least one task the PA will help with"))
    check("hours", lambda: check_hours(grid=job.hours_grid, hours_per_week=job.hours_per_week))
    if for_publishing:
        check("start", lambda: check_start_date(job.start_date, today=today))
    if "pay" in done:
        if job.hourly_pay is None:
            problems.append(JobProblem("pay", "Enter the hourly pay"))
        else:
            try:
                check_pay_is_lawful(
                    job.hourly_pay,
                    on=pay_check_date(job, today=today),
                    is_apprenticeship=job.is_apprenticeship,
                )
            except JobInputError as error:
                problems.append(JobProblem("pay", error.message))
    if job.district_id is None:
        problems.append(JobProblem("where", "Enter the postcode district where the work is"))
    try:
        check_gender(
            required_gender=job.required_gender,
            gender_reason=job.gender_reason,
            includes_intimate_care=bool(job.required_gender),
        )
    except JobInputError as error:
        problems.append(JobProblem("gender", error.message))
    order = {step: position for position, step in enumerate(STEPS)}
    return sorted(problems, key=lambda problem: order.get(problem.step, len(order)))


def missing_steps(job: Job) -> list[str]:
    return [step for step in REQUIRED_STEPS if step not in job.completed_steps]


def posted_by_line(job: Job) -> str | None:
    """ "Posted by <organisation> for the employer" when staff posted the job for them."""
    if job.posted_by_organisation_id is None:
        return None
    return f"Posted by {job.posted_by_organisation.name} for the employer"
