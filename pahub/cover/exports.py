"""Approved hours as CSV, one pay period at a time, for the employer's payroll.

Only approved records are exported. Times are local (Europe/London), hours are real hours
less breaks (a night across a clock change is 8 or 10 hours, not 9), and the amount is
worked out from the exact minutes, then rounded to the penny once.

Spreadsheets run a cell that starts with =, +, - or @ as a formula, so such a cell (a note
or a name someone typed) gets a leading apostrophe: shown as text, never run.
"""

import csv
from collections.abc import Iterable, Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from typing import TextIO

from django.db.models import QuerySet
from django.utils.text import slugify

from pahub.accounts.models import User
from pahub.core.hours_and_pay import hours_to_hundredths, pay_for_hours, worked_hours
from pahub.cover.models import Timesheet
from pahub.cover.times import local_instant, to_local

HEADER = [
    "PA name",
    "Date",
    "Start",
    "End",
    "Break minutes",
    "Hours",
    "Hourly pay",
    "Amount",
    "Note",
    "Approved by",
    "Approved at",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PENNY = Decimal("0.01")


class PeriodError(ValueError):
    """The dates in an export link are missing or wrong, in words for the person."""


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as typed and never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def parse_period(start: str | None, end: str | None) -> tuple[date, date]:
    """The pay period from an export link, ?start=YYYY-MM-DD&end=YYYY-MM-DD."""
    if not start or not end:
        raise PeriodError("Choose the first and last day of the pay period.")
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise PeriodError("The dates must be real dates, written like 2026-11-02.") from None
    if last < first:
        raise PeriodError("The last day must be the same as or after the first day.")
    if last - first >= timedelta(days=366):
        raise PeriodError("A pay period can be a year at most.")
    return first, last


def approved_hours(employer: User, start: date, end: date) -> QuerySet[Timesheet]:
    """Approved hours whose work began on a day from `start` to `end`, London time."""
    return (
        Timesheet.objects.filter(
            booking__employer=employer,
            status=Timesheet.Status.APPROVED,
            started_at__gte=local_instant(start, time(0)),
            started_at__lt=local_instant(end + timedelta(days=1), time(0)),
        )
        .select_related("booking__pa", "booking__slot__request", "decided_by")
        .order_by("started_at", "pk")
    )


def person_name(user: User) -> str:
    """Payroll needs the full name; someone who deleted their account is a former user."""
    return user.full_name or user.display_name


def hours_worked_on(timesheet: Timesheet) -> Decimal:
    """Real time worked, less breaks, in exact hours (instants, so clock changes count)."""
    return worked_hours(
        timesheet.started_at, timesheet.ended_at, break_minutes=timesheet.break_minutes
    )


def hours_row(timesheet: Timesheet) -> list[str]:
    hours = hours_worked_on(timesheet)
    pay = timesheet.booking.slot.request.hourly_pay
    start, end = to_local(timesheet.started_at), to_local(timesheet.ended_at)
    approved_at = to_local(timesheet.decided_at) if timesheet.decided_at else None
    return [
        safe_cell(value)
        for value in (
            person_name(timesheet.booking.pa),
            start.date().isoformat(),
            f"{start:%H:%M}",
            f"{end:%H:%M}" if end.date() == start.date() else f"{end:%H:%M} next day",
            timesheet.break_minutes,
            hours_to_hundredths(hours),
            pay.quantize(PENNY),
            pay_for_hours(hours, pay),
            timesheet.note,
            person_name(timesheet.decided_by) if timesheet.decided_by else "",
            f"{approved_at:%Y-%m-%d %H:%M}" if approved_at else "",
        )
    ]


def hours_rows(timesheets: Iterable[Timesheet]) -> Iterator[list[str]]:
    yield HEADER
    for timesheet in timesheets:
        yield hours_row(timesheet)


def write_hours_csv(timesheets: Iterable[Timesheet], stream: TextIO) -> None:
    writer = csv.writer(stream)
    writer.writerows(hours_rows(timesheets))


def export_filename(employer_name: str, start: date, end: date) -> str:
    """ "pa-hub-hours-amira-2026-11-02-to-2026-11-29.csv": plain ASCII, safe in any browser."""
    name = slugify(employer_name) or "employer"
    return f"pa-hub-hours-{name}-{start.isoformat()}-to-{end.isoformat()}.csv"
