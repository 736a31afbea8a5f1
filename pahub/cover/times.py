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


# A shift's time in words. Two lengths of the one format, both here so they cannot drift: the
# short one for lists, emails and the API (`describe_span`), the long one where a PA decides
# whether to take a shift (`when_words`: whole day names, the real length, clock changes).


def clock_span(starts_at: datetime, ends_at: datetime) -> str:
    """ "08:00 to 11:00", in London time."""
    return f"{to_local(starts_at):%H:%M} to {to_local(ends_at):%H:%M}"


def describe_span(span: Span) -> str:
    """ "Fri 27 Nov, 08:00 to 11:00" or, overnight, "Sat 28 Nov, 22:00 to 07:00 (Sun)"."""
    start, end = to_local(span.starts_at), to_local(span.ends_at)
    text = f"{start:%a %-d %b}, {clock_span(span.starts_at, span.ends_at)}"
    if end.date() != start.date():
        text += f" ({end:%a})"
    return text


def real_length(starts_at: datetime, ends_at: datetime) -> timedelta:
    return ends_at.astimezone(UTC) - starts_at.astimezone(UTC)


def duration_words(length: timedelta) -> str:
    """ "9 hours", "1 hour", "45 minutes", "10 hours 30 minutes" (whole minutes)."""
    minutes = int(length.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


def when_words(starts_at: datetime, ends_at: datetime) -> str:
    """A shift as people read it, in London time with day names: "Friday 27 November, 08:00
    to 11:00 (3 hours)", or "Saturday 24 October, 22:00 to 07:00 on Sunday (overnight, 10
    hours: the clocks go back during this shift)"."""
    start, end = to_local(starts_at), to_local(ends_at)
    length = duration_words(real_length(starts_at, ends_at))
    text = f"{start:%A %-d %B}, {start:%H:%M} to {end:%H:%M}"
    notes = []
    next_day = start.date() + timedelta(1)
    if end.date() == next_day and end.time() == time(0):
        text = f"{start:%A %-d %B}, {start:%H:%M} to midnight"
    elif end.date() == next_day:
        text += f" on {end:%A}"
        notes.append("overnight")
    elif end.date() != start.date():
        text += f" on {end:%A %-d %B}"
    notes.append(length)
    change = clock_change_words(start, end)
    return f"{text} ({', '.join(notes)}{': ' + change if change else ''})"


def clock_change_words(start: datetime, end: datetime) -> str:
    offset_start, offset_end = start.utcoffset(), end.astimezone(LONDON).utcoffset()
    if offset_start is None or offset_end is None or offset_start == offset_end:
        return ""
    if offset_end < offset_start:
        return "the clocks go back during this shift"
    return "the clocks go forward during this shift"
