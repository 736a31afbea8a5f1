"""A PA's rota in plain functions: hours per week, rest between shifts, and the words for both.

Everything here works on anything with aware `starts_at` and `ends_at` (bookings, slots,
`times.Span`), so the pages, the calendar feed and the tests share one set of rules.

Lengths are measured between real instants, never between wall clocks: a night shift across
the October clock change is ten real hours, and it is those hours the Working Time
Regulations count. A week is Monday 00:00 to the next Monday 00:00 in Europe/London; a shift
that crosses into the next week counts the part in each week.

Two warnings, neither of them a block (a PA may have agreed to opt out of the weekly limit,
and only they know their other work): more than 48 hours in a week (the legal limit is an
average of 48, so one long week is worth a look, not a refusal), and less than 11 hours
between the end of one shift and the start of the next (the minimum daily rest).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from pahub.cover.times import (
    clock_span,
    duration_words,
    local_instant,
    real_length,
    to_local,
)

WEEKLY_LIMIT_HOURS = 48
MINIMUM_REST = timedelta(hours=11)


class Shift(Protocol):
    starts_at: datetime
    ends_at: datetime


def week_start_for(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def week_bounds(week_start: date) -> tuple[datetime, datetime]:
    """Local midnight on the Monday to local midnight a week later, as real instants (a week
    with a clock change is 167 or 169 real hours long). Midnight always exists in London: the
    clocks change at 01:00 and 02:00."""
    return local_instant(week_start, time(0)), local_instant(week_start + timedelta(7), time(0))


def hours_of(length: timedelta) -> float:
    return length.total_seconds() / 3600


def week_hours(bookings: Iterable[Shift], week_start: date) -> float:
    """Real hours worked in the week starting on Monday `week_start`, counting only the part
    of each shift that falls inside the week."""
    week_from, week_to = week_bounds(week_start)
    total = timedelta()
    for booking in bookings:
        start = max(booking.starts_at.astimezone(UTC), week_from)
        end = min(booking.ends_at.astimezone(UTC), week_to)
        if end > start:
            total += end - start
    return hours_of(total)


def weeks_touched(bookings: Iterable[Shift]) -> list[date]:
    """The Mondays of every week any of the shifts falls in, in order."""
    mondays: set[date] = set()
    for booking in bookings:
        monday = week_start_for(to_local(booking.starts_at).date())
        # An end exactly at midnight belongs to the day before, not the next week.
        last_moment = booking.ends_at - timedelta(microseconds=1)
        last_monday = week_start_for(to_local(last_moment).date())
        while monday <= last_monday:
            mondays.add(monday)
            monday += timedelta(7)
    return sorted(mondays)


@dataclass(frozen=True)
class RestGap:
    """Too little rest between one shift (`before`) and the next (`after`)."""

    before: Shift
    after: Shift
    rest: timedelta

    @property
    def hours(self) -> float:
        return hours_of(self.rest)

    @property
    def words(self) -> str:
        return rest_warning(self)


def rest_gaps(bookings: Iterable[Shift], *, minimum: timedelta = MINIMUM_REST) -> list[RestGap]:
    """Each shift that starts less than `minimum` after the end of the shift before it.

    Bookings never overlap, so the shift before is simply the previous one by start time; the
    latest end so far is used all the same, so the answer stays right whatever it is given.
    """
    ordered = sorted(bookings, key=lambda booking: booking.starts_at)
    gaps = []
    latest: Shift | None = None
    for booking in ordered:
        if latest is not None:
            rest = max(real_length(latest.ends_at, booking.starts_at), timedelta())
            if rest < minimum:
                gaps.append(RestGap(before=latest, after=booking, rest=rest))
        if latest is None or booking.ends_at > latest.ends_at:
            latest = booking
    return gaps


# Words


def part_of_day(hour: int) -> str:
    """The name people give a shift by when it starts (as in the weekly availability grid)."""
    if 6 <= hour < 9:
        return "early"
    if 9 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


def shift_label(shift: Shift) -> str:
    """ "Tuesday's evening shift"."""
    start = to_local(shift.starts_at)
    return f"{start:%A}'s {part_of_day(start.hour)} shift"


def possessive(words: str) -> str:
    """ "9 hours'" and "1 hour's", as in "9 hours' rest"."""
    return f"{words}'" if words.endswith("s") else f"{words}'s"


def clock_range(shift: Shift) -> str:
    return clock_span(shift.starts_at, shift.ends_at)


def rest_warning(gap: RestGap) -> str:
    """ "Only 9 hours' rest between Tuesday's evening shift and Wednesday's early shift (11
    hours is the legal minimum daily rest)"."""
    before, after = shift_label(gap.before), shift_label(gap.after)
    if before == after:
        # Two early shifts on one Tuesday: the times tell them apart.
        before = f"{before} ({clock_range(gap.before)})"
        after = f"{after} ({clock_range(gap.after)})"
    minimum = duration_words(MINIMUM_REST)
    if gap.rest < timedelta(minutes=1):
        opening = "No rest"
    else:
        opening = f"Only {possessive(duration_words(gap.rest))} rest"
    return f"{opening} between {before} and {after} ({minimum} is the legal minimum daily rest)"


def week_warning(week_start: date, hours: float) -> str | None:
    """ "Week of 7 December: 52 hours — more than the 48-hour average limit (Working Time
    Regulations)", or None when the week is within the limit."""
    if hours <= WEEKLY_LIMIT_HOURS:
        return None
    worked = duration_words(timedelta(hours=hours))
    return (
        f"Week of {week_start:%-d %B}: {worked} — more than the {WEEKLY_LIMIT_HOURS}-hour "
        "average limit (Working Time Regulations)"
    )


@dataclass(frozen=True)
class RotaWarnings:
    long_weeks: list[str]
    short_rests: list[RestGap]

    def __bool__(self) -> bool:
        return bool(self.long_weeks or self.short_rests)

    def rest_before(self, shift: Shift) -> RestGap | None:
        """The short rest that ends with this shift, to show beside it."""
        return next((gap for gap in self.short_rests if gap.after is shift), None)


def rota_warnings(
    bookings: Sequence[Shift], *, weeks: Iterable[date], shown: Iterable[Shift] | None = None
) -> RotaWarnings:
    """Warnings for the given weeks, and for short rests that end with a shift being shown.

    Pass every booking near the weeks in `bookings` (a day or so either side), so a short
    rest between last Sunday night and this Monday morning is still found.
    """
    long_weeks = [
        words
        for monday in weeks
        if (words := week_warning(monday, week_hours(bookings, monday))) is not None
    ]
    shown_ids = {id(shift) for shift in (bookings if shown is None else shown)}
    short_rests = [
        gap
        for gap in rest_gaps(bookings)
        if id(gap.after) in shown_ids or id(gap.before) in shown_ids
    ]
    return RotaWarnings(long_weeks=long_weeks, short_rests=short_rests)
