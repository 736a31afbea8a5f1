"""Weekly availability: 7 days x 6 parts of the day, stored as one 42-bit integer.

Bit (day * 6 + part) is set when the PA is free then, so the overlap of two grids is a
bitwise AND and its size a popcount: fast in Python and in SQL prefilters alike.
"""

from collections.abc import Iterable
from dataclasses import dataclass

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS = (
    ("early", "Early morning", "6am to 9am"),
    ("morning", "Morning", "9am to 12pm"),
    ("afternoon", "Afternoon", "12pm to 5pm"),
    ("evening", "Evening", "5pm to 10pm"),
    ("night", "Waking night", "10pm to 6am, awake"),
    ("sleep_in", "Sleep-in", "10pm to 6am, asleep on site"),
)
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
