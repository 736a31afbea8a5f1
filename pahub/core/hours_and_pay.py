"""Hours worked and the pay due for them: the one place this arithmetic lives.

Pure functions over plain values (no ORM), in `Decimal`, never float: money must be exact to
the penny, and a float can turn 45.50 into 45.499999. Lengths are measured between real
instants in UTC, so a night across a clock change is 8 or 10 hours, not 9. Pay is rounded half
up to the penny, as payroll does.
"""

import re
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

PENNY = Decimal("0.01")
SECONDS_IN_AN_HOUR = Decimal(3600)
# Longer than any amount a person means ("£1,000,000.00" is 13); longer text is refused
# before Decimal reads it, so a million digits cost nothing.
LONGEST_AMOUNT = 40

# Digits with an optional point and exponent: Decimal would also read "1_000", "NaN" and
# "Infinity", which no one means as an amount.
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")

AmountReason = Literal["not_a_number", "too_small", "too_big", "too_precise"]


class AmountError(ValueError):
    """Why a typed amount cannot be used; each caller words the message for its question."""

    def __init__(self, reason: AmountReason) -> None:
        super().__init__(reason)
        self.reason: AmountReason = reason


def read_amount(
    raw: str | Decimal | int,
    *,
    places: int,
    minimum: Decimal,
    maximum: Decimal,
    above_minimum: bool = False,
) -> Decimal | None:
    """An amount typed by a person ("13.50", "£1,013.5", " 15 ") or sent to the API, checked
    for range and precision; None when blank.

    The one home for this check: range comes before any rounding, because
    `Decimal.quantize` raises on 1e30 (more digits than the context holds), and NaN,
    infinities and exponents like 1e309 are refused rather than reaching the database.
    """
    if isinstance(raw, Decimal | int):
        text = str(raw)
    else:
        text = str(raw).strip().removeprefix("£").replace(",", "").strip()
        if not text:
            return None
    if len(text) > LONGEST_AMOUNT or not NUMBER.fullmatch(text):
        raise AmountError("not_a_number")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise AmountError("not_a_number") from None
    if not amount.is_finite():
        raise AmountError("not_a_number")
    if amount < minimum or (above_minimum and amount == minimum):
        raise AmountError("too_small")
    if amount > maximum:
        raise AmountError("too_big")
    step = Decimal(1).scaleb(-places)
    # Safe now that the amount is in range: the result has few digits.
    rounded = amount.quantize(step)
    if rounded != amount:
        raise AmountError("too_precise")
    # "-0" is zero: never store or show a negative zero.
    return rounded.copy_abs() if rounded.is_zero() else rounded


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
