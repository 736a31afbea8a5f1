"""Local clock times in Europe/London to real instants, and back.

People say "tomorrow 22:00 to 07:00"; a shift like that crosses midnight, and twice a year it
crosses a clock change too, so it lasts 8 or 10 real hours rather than 9. Every slot is stored
as two aware instants, and every length is measured between instants in UTC: Python subtracts
two datetimes that share a tzinfo by their wall clocks, which would get those nights wrong.

A clock time that does not exist (the hour skipped when the clocks go forward) is refused with
a clear message. A clock time that happens twice (the hour repeated when they go back) means
the first of the two, which is what people mean by "1:30am" on that night; the slot's real
length shows the difference.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


class LocalTimeError(ValueError):
    """A time a person typed that cannot be a real moment in Europe/London."""


def local_instant(day: date, clock: time) -> datetime:
    """The real moment that `clock` on `day` names in Europe/London, in UTC."""
    wall = datetime.combine(day, clock, tzinfo=LONDON).replace(fold=0)
    instant = wall.astimezone(UTC)
    if instant.astimezone(LONDON).replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise LocalTimeError(
            f"{clock:%H:%M} on {day:%-d %B %Y} does not exist: the clocks go forward an hour "
            "that night. Choose a time after 02:00."
        )
    return instant


@dataclass(frozen=True)
class Span:
    starts_at: datetime
    ends_at: datetime

    @property
    def length(self) -> timedelta:
        return self.ends_at.astimezone(UTC) - self.starts_at.astimezone(UTC)

    @property
    def hours(self) -> float:
        return self.length.total_seconds() / 3600

    def overlaps(self, other: "Span") -> bool:
        """Half-open: a shift ending at 11:00 does not overlap one starting at 11:00."""
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


def span_from_local(day: date, start: time, end: time) -> Span:
    """A shift typed as a date and two clock times; an end at or before the start is the next
    day (22:00 to 07:00 is an overnight shift)."""
    end_day = day if end > start else day + timedelta(days=1)
    return Span(local_instant(day, start), local_instant(end_day, end))


def to_local(instant: datetime) -> datetime:
    return instant.astimezone(LONDON)


def describe_span(span: Span) -> str:
    """ "Fri 27 Nov, 08:00 to 11:00" or, overnight, "Sat 28 Nov, 22:00 to 07:00 (Sun)"."""
    start, end = to_local(span.starts_at), to_local(span.ends_at)
    text = f"{start:%a %-d %b}, {start:%H:%M} to {end:%H:%M}"
    if end.date() != start.date():
        text += f" ({end:%a})"
    return text


def hours_between(start: datetime, end: datetime, *, break_minutes: int = 0) -> float:
    worked = end.astimezone(UTC) - start.astimezone(UTC) - timedelta(minutes=break_minutes)
    return max(worked.total_seconds(), 0) / 3600
