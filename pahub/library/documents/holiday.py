"""A PA's paid holiday a year, in days and hours: pure arithmetic, Decimal only.

The weeks (5.6) and the irregular-hours rate (12.07%) are not written here: they come from the
tax year's row of the one rates table (`employers.TaxYearRates`), which the cost calculator
reads too. What is written here is how GOV.UK turns weeks into days ("Holiday entitlement"):

- Regular hours: 5.6 weeks of the days worked a week, so 5.6 x days a week, capped at 28
  days (someone working 6 days a week still gets 28). In hours, each day is the week's hours
  shared over the days worked.
- Irregular hours (cover and occasional work): holiday builds up at 12.07% of the hours
  worked in each pay period, so there is no fixed number of days to write down.

Figures are rounded up to a tenth, never down: an employer may give more than the minimum,
never less.
"""

from dataclasses import dataclass
from decimal import ROUND_UP, Decimal

STATUTORY_MAXIMUM_DAYS = Decimal(28)
TENTH = Decimal("0.1")


def tenths(amount: Decimal) -> Decimal:
    return amount.quantize(TENTH, rounding=ROUND_UP)


def number(amount: Decimal) -> str:
    """28.0 as "28", 16.8 as "16.8"."""
    return f"{amount.normalize():f}"


def plural(amount: Decimal | int, word: str) -> str:
    return f"{number(Decimal(amount))} {word}{'' if amount == 1 else 's'}"


@dataclass(frozen=True)
class HolidayEntitlement:
    weeks: Decimal
    irregular_percent: Decimal
    irregular: bool
    days_a_week: int | None = None
    days: Decimal | None = None
    hours: Decimal | None = None

    @property
    def capped(self) -> bool:
        return (
            self.days == STATUTORY_MAXIMUM_DAYS
            and self.days_a_week is not None
            and (self.weeks * self.days_a_week > STATUTORY_MAXIMUM_DAYS)
        )

    def in_words(self) -> str:
        """The sentence a contract, a job description or a holiday request shows."""
        weeks = number(self.weeks)
        if self.irregular:
            return (
                f"{number(self.irregular_percent)}% of the hours worked in each pay period: the "
                "hours are irregular, so holiday builds up as the PA works"
            )
        if self.days is not None and self.days_a_week is not None:
            amount = plural(self.days, "day")
            if self.hours is not None:
                amount += f" ({plural(self.hours, 'hour')})"
            basis = f"{weeks} weeks for {plural(self.days_a_week, 'day')} a week"
            if self.capped:
                basis = f"{weeks} weeks, capped at {number(STATUTORY_MAXIMUM_DAYS)} days by law"
            return f"{amount} a year, including bank holidays ({basis})"
        if self.hours is not None:
            return f"{weeks} weeks a year ({plural(self.hours, 'hour')}), including bank holidays"
        return f"{weeks} weeks a year, including bank holidays"


def holiday_entitlement(
    *,
    days_a_week: int | None,
    hours_per_week: Decimal | None,
    irregular_hours: bool,
    holiday_weeks: Decimal,
    irregular_percent: Decimal,
) -> HolidayEntitlement:
    """The statutory minimum for a PA who works `days_a_week` days and `hours_per_week` hours
    (either may be unknown), at the tax year's `holiday_weeks` and `irregular_percent`."""
    if irregular_hours:
        return HolidayEntitlement(
            weeks=holiday_weeks, irregular_percent=irregular_percent, irregular=True
        )
    if days_a_week:
        days = min(holiday_weeks * days_a_week, STATUTORY_MAXIMUM_DAYS)
        hours = tenths(hours_per_week * days / days_a_week) if hours_per_week is not None else None
        return HolidayEntitlement(
            weeks=holiday_weeks,
            irregular_percent=irregular_percent,
            irregular=False,
            days_a_week=days_a_week,
            days=tenths(days),
            hours=hours,
        )
    return HolidayEntitlement(
        weeks=holiday_weeks,
        irregular_percent=irregular_percent,
        irregular=False,
        hours=tenths(hours_per_week * holiday_weeks) if hours_per_week is not None else None,
    )
