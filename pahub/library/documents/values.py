"""What PA Hub knows for a job's documents: `values_for_job(job) -> {field name: text}`.

Values are plain text (one line, or one item a line for a block field); `filling` makes them
safe Markdown. A value PA Hub does not have is left out, so the template shows a labelled
blank ("[pa name]") for the employer to write in or type on the fill page.

Only the job's district is ever used for the place of work (as on every job page): an address
the employer types replaces it for that one document (`with_typed`) and is never stored.
"""

from collections.abc import Mapping
from datetime import date

from django.utils import timezone
from django.utils.dateformat import format as format_date

from pahub.core.hours_and_pay import hours_number, pay_for_hours
from pahub.employers.queries import employer_name
from pahub.employers.wages import tax_year_rates_on
from pahub.jobs.matches.needs import job_must_haves
from pahub.jobs.models import Job
from pahub.library.documents.fields import FIELD_BY_NAME, Origin
from pahub.library.documents.holiday import holiday_entitlement
from pahub.library.documents.notice import statutory_notice_in_words
from pahub.matching.must_haves import Wording, must_haves_in_words
from pahub.register.availability import DAYS, PARTS, Slot
from pahub.register.queries import pa_name
from pahub.taxonomy.dbs import DbsLevel

NO_MUST_HAVES = "Nothing in particular: everyone is welcome to apply."
NO_DBS_CHECK = "not needed for this job"


def long_date(day: date) -> str:
    """4 January 2027, as GOV.UK writes dates."""
    return format_date(day, "j F Y")


def days_worked(hours_grid: int) -> list[int]:
    """The days of the week (0 is Monday) with any time ticked on the job's weekly grid."""
    return [
        day
        for day in range(len(DAYS))
        if any(hours_grid & Slot(day, part).bit for part in range(len(PARTS)))
    ]


def days_in_words(days: list[int]) -> str:
    """ "Monday to Friday" for a run of three or more days, else "Monday, Wednesday and Friday"."""
    names = [DAYS[day] for day in days]
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def times_in_words(hours_grid: int) -> str:
    """One line a day: "Monday: early morning (6am to 9am)"."""
    lines = []
    for day, name in enumerate(DAYS):
        parts = [
            f"{label.lower()} ({hours})"
            for part, (_, label, hours) in enumerate(PARTS)
            if hours_grid & Slot(day, part).bit
        ]
        if parts:
            lines.append(f"{name}: {', '.join(parts)}")
    return "\n".join(lines)


def place_in_words(job: Job) -> str:
    """ "Gateshead (NE8)": the council area and postcode district, never an address."""
    if job.district_id is None:
        return ""
    if job.local_authority_id:
        return f"{job.local_authority.name} ({job.district_id})"
    return job.district_id


def holiday_in_words(job: Job, *, today: date) -> str:
    day = job.start_date if job.start_date and job.start_date > today else today
    rates = tax_year_rates_on(day)
    if rates is None:
        return ""
    days = days_worked(job.hours_grid)
    return holiday_entitlement(
        days_a_week=len(days) or None,
        hours_per_week=job.hours_per_week,
        # Cover is occasional work whose hours change week to week: irregular hours in law.
        irregular_hours=job.kind == Job.Kind.COVER,
        holiday_weeks=rates.holiday_weeks,
        irregular_percent=rates.irregular_hours_holiday_percent,
    ).in_words()


def name_on_documents(person, shown_name: str) -> str:
    """A contract names the parties in full: the account's full name, else the name PA Hub
    shows (which is "a former PA Hub user" once an account is deleted)."""
    if person.is_former or not person.full_name:
        return shown_name
    return person.full_name


def values_for_job(job: Job, *, today: date | None = None) -> dict[str, str]:
    """Every field PA Hub can fill for `job`, as text. Load the job with
    `documents.queries.load_job_for_documents` to keep the queries few."""
    today = today or timezone.localdate()
    values: dict[str, str] = {
        "employer_name": name_on_documents(job.employer, employer_name(job.employer)),
        "job_title": job.title,
        "job_summary": job.description.strip(),
        "duties": "\n".join(skill.name for skill in job.tasks.all()),
        "requirements": "\n".join(
            must_haves_in_words(job_must_haves(job, with_reason=True), wording=Wording.CHECKLIST)
        )
        or NO_MUST_HAVES,
        "dbs_check": DbsLevel(job.required_dbs).label if job.required_dbs else NO_DBS_CHECK,
        "kind_of_work": job.get_kind_display(),
        "place_of_work": place_in_words(job),
        "document_date": long_date(today),
        "holiday_entitlement": holiday_in_words(job, today=today),
    }
    if job.hired_pa_id is not None and job.status == Job.Status.FILLED:
        values["pa_name"] = name_on_documents(job.hired_pa, pa_name(job.hired_pa))
    if job.hours_per_week is not None:
        values["hours_per_week"] = hours_number(job.hours_per_week)
    days = days_worked(job.hours_grid)
    if days:
        values["working_days"] = days_in_words(days)
        values["working_times"] = times_in_words(job.hours_grid)
    if job.hourly_pay is not None:
        values["hourly_pay"] = f"£{job.hourly_pay:,.2f}"
        if job.hours_per_week is not None:
            values["weekly_pay"] = f"£{pay_for_hours(job.hours_per_week, job.hourly_pay):,.2f}"
    if job.start_date is not None:
        values["start_date"] = long_date(job.start_date)
        values["statutory_notice"] = statutory_notice_in_words(started=job.start_date, on=today)
    return {name: value for name, value in values.items() if value}


def with_typed(values: Mapping[str, str], typed: Mapping[str, str]) -> dict[str, str]:
    """PA Hub's values with what the employer typed for this document: a typed value fills a
    blank, or replaces a value the field allows (the place of work); it never replaces the
    job's own facts, which are changed on the job."""
    merged = dict(values)
    for name, value in typed.items():
        field = FIELD_BY_NAME.get(name)
        if field is None or not value:
            continue
        if name not in merged or field.typed_replaces or field.origin == Origin.TYPED:
            merged[name] = value
    return merged
