"""Hours worked and the pay due for them: the one place this arithmetic lives.

Pure functions over plain values (no ORM), in `Decimal`, never float: money must be exact to
the penny, and a float can turn 45.50 into 45.499999. Lengths are measured between real
instants in UTC, so a night across a clock change is 8 or 10 hours, not 9. Pay is rounded half
up to the penny, as payroll does.
"""

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
SECONDS_IN_AN_HOUR = Decimal(3600)


def worked_hours(started_at: datetime, ended_at: datetime, *, break_minutes: int = 0) -> Decimal:
    """Real time between two instants, less breaks, in exact hours; never below nothing.
    Whole seconds count; a part of a second does not."""
    length = ended_at.astimezone(UTC) - started_at.astimezone(UTC)
    seconds = length.total_seconds() - break_minutes * 60
    return Decimal(max(int(seconds), 0)) / SECONDS_IN_AN_HOUR


def hours_to_hundredths(hours: Decimal) -> Decimal:
    """Hours as people read them beside a shift: 3.25, 8, 10.5."""
    return hours.quantize(PENNY, rounding=ROUND_HALF_UP)


def pay_for_hours(hours: Decimal, hourly_pay: Decimal) -> Decimal:
    """Hours times the hourly pay, to the penny."""
    return (hours * hourly_pay).quantize(PENNY, rounding=ROUND_HALF_UP)


def hours_number(hours: Decimal) -> str:
    """A number of hours without trailing zeros: 15.0 as "15", 7.50 as "7.5"."""
    return f"{hours.normalize():f}"
