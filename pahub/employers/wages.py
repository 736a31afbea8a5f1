"""The legal minimum hourly pay for a job, and the tax year's rates, from the one rates table
(`TaxYearRates`, one row per tax year).

Age is never asked for or filtered on, so a job must pay at least the rate for workers aged
21 and over (the National Living Wage): any adult may be the one hired. Only an
apprenticeship may pay the apprentice rate. The cost calculator reads the same table for
every other figure (National Insurance, pensions, sick pay).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pahub.employers.models import TaxYearRates, WageBand


@dataclass(frozen=True)
class MinimumPay:
    hourly_rate: Decimal
    band_label: str
    tax_year: str
    source: str

    def explain(self) -> str:
        return (
            f"£{self.hourly_rate} an hour is the legal minimum ({self.band_label}) "
            f"for {self.tax_year}. Source: {self.source}."
        )


def tax_year_start(day: date) -> date:
    """The day the tax year holding `day` starts: 6 April."""
    april_sixth = date(day.year, 4, 6)
    return april_sixth if day >= april_sixth else date(day.year - 1, 4, 6)


def band_for_job(*, is_apprenticeship: bool) -> str:
    return WageBand.APPRENTICE if is_apprenticeship else WageBand.AGED_21_AND_OVER


def minimum_wage_rates_on(day: date) -> TaxYearRates | None:
    """The row whose minimum wage is in force on `day` (it starts on 1 April), or the latest
    known if next year's is not yet set; None before the table starts."""
    return (
        TaxYearRates.objects.filter(minimum_wage_from__lte=day)
        .order_by("-minimum_wage_from")
        .first()
    )


def tax_year_rates_on(day: date) -> TaxYearRates | None:
    """The row for the tax year holding `day` (from 6 April), or the latest known."""
    return (
        TaxYearRates.objects.filter(tax_year_starts__lte=day).order_by("-tax_year_starts").first()
    )


def minimum_pay_on(day: date, *, is_apprenticeship: bool = False) -> MinimumPay | None:
    """The rate in force on `day`: that year's, or the latest known if it is not yet set."""
    return minimum_pay_for_band(day, band_for_job(is_apprenticeship=is_apprenticeship))


def minimum_pay_for_band(day: date, band: str) -> MinimumPay | None:
    rates = minimum_wage_rates_on(day)
    if rates is None:
        return None
    return MinimumPay(
        hourly_rate=rates.minimum_wage_for(band),
        band_label=WageBand(band).label,
        tax_year=rates.tax_year_label,
        source=rates.minimum_wage_source,
    )
