"""Weekly availability: 7 days x 6 parts of the day, stored as one 42-bit integer.

Bit (day * 6 + part) is set when the PA is free then, so the overlap of two grids is a
bitwise AND and its size a popcount: fast in Python and in SQL prefilters alike.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS = (
    ("early", "Early morning", "6am to 9am"),
    ("morning", "Morning", "9am to 12pm"),
    ("afternoon", "Afternoon", "12pm to 5pm"),
    ("evening", "Evening", "5pm to 10pm"),
    ("night", "Waking night", "10pm to 6am, awake"),
    ("sleep_in", "Sleep-in", "10pm to 6am, asleep on site"),
)
# When each part starts and how long it is, in London wall-clock time (as the labels say).
PART_TIMES: tuple[tuple[time, timedelta], ...] = (
    (time(6), timedelta(hours=3)),
    (time(9), timedelta(hours=3)),
    (time(12), timedelta(hours=5)),
    (time(17), timedelta(hours=5)),
    (time(22), timedelta(hours=8)),
    (time(22), timedelta(hours=8)),
)
LONDON = ZoneInfo("Europe/London")
SLOTS = len(DAYS) * len(PARTS)
FULL_WEEK = (1 << SLOTS) - 1


@dataclass(frozen=True)
class Slot:
    day: int
    part: int

    @property
    def bit(self) -> int:
        return 1 << (self.day * len(PARTS) + self.part)

    @property
    def key(self) -> str:
        return f"{DAYS[self.day].lower()}_{PARTS[self.part][0]}"

    @property
    def label(self) -> str:
        return f"{DAYS[self.day]} {PARTS[self.part][1].lower()}"


ALL_SLOTS = tuple(Slot(day, part) for day in range(len(DAYS)) for part in range(len(PARTS)))
SLOT_BY_KEY = {slot.key: slot for slot in ALL_SLOTS}


def mask_from_keys(keys: Iterable[str]) -> int:
    """`["monday_morning", ...]` to a bitmask; unknown keys raise KeyError."""
    mask = 0
    for key in keys:
        mask |= SLOT_BY_KEY[key].bit
    return mask


def keys_from_mask(mask: int) -> list[str]:
    return [slot.key for slot in ALL_SLOTS if mask & slot.bit]


def count(mask: int) -> int:
    return (mask & FULL_WEEK).bit_count()


def overlap(a: int, b: int) -> int:
    return a & b & FULL_WEEK


def describe(mask: int) -> list[str]:
    """Readable lines, one per day with any availability: "Monday: morning, afternoon"."""
    lines = []
    for day, name in enumerate(DAYS):
        parts = [PARTS[part][1].lower() for part in range(len(PARTS)) if mask & Slot(day, part).bit]
        if parts:
            lines.append(f"{name}: {', '.join(parts)}")
    return lines


def weekly_occurrences(
    mask: int, *, starts: datetime, ends: datetime, first_day: date | None = None
) -> list[tuple[datetime, datetime]]:
    """Each ticked slot of a weekly grid as real (start, end) instants overlapping `starts`
    to `ends`, from `first_day` on. Wall-clock times in Europe/London, so a Monday morning
    is 9am to 12pm in summer and winter alike; a night runs to 6am the next day. Adjacent
    slots (early and morning) join into one span, as a shift would."""
    spans: list[tuple[datetime, datetime]] = []
    day = (starts.astimezone(LONDON) - timedelta(days=1)).date()
    last = ends.astimezone(LONDON).date()
    while day <= last:
        if first_day is None or day >= first_day:
            for part in range(len(PARTS)):
                if mask & Slot(day.weekday(), part).bit:
                    begins, length = PART_TIMES[part]
                    wall_start = datetime.combine(day, begins)
                    start = wall_start.replace(tzinfo=LONDON)
                    end = (wall_start + length).replace(tzinfo=LONDON)
                    if spans and spans[-1][1] >= start:
                        spans[-1] = (spans[-1][0], max(spans[-1][1], end))
                    else:
                        spans.append((start, end))
        day += timedelta(days=1)
    # In UTC: aware datetimes sharing a tzinfo compare by wall clock, which a caller in UTC
    # would not expect across a clock change.
    utc = [(start.astimezone(UTC), end.astimezone(UTC)) for start, end in spans]
    return [(start, end) for start, end in utc if start < ends and end > starts]
