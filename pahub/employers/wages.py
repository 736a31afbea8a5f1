"""The legal minimum hourly pay for a job, from the rates table (one row per band per tax year).

Age is never asked for or filtered on, so a job must pay at least the rate for workers aged
21 and over (the National Living Wage): any adult may be the one hired. Only an
apprenticeship may pay the apprentice rate.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pahub.employers.models import MinimumWageRate, WageBand


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
    april_first = date(day.year, 4, 1)
    return april_first if day >= april_first else date(day.year - 1, 4, 1)


def band_for_job(*, is_apprenticeship: bool) -> str:
    return WageBand.APPRENTICE if is_apprenticeship else WageBand.AGED_21_AND_OVER


def minimum_pay_on(day: date, *, is_apprenticeship: bool = False) -> MinimumPay | None:
    """The rate in force on `day`: that tax year's, or the latest known if it is not yet set."""
    band = band_for_job(is_apprenticeship=is_apprenticeship)
    rate = (
        MinimumWageRate.objects.filter(band=band, tax_year_starts__lte=tax_year_start(day))
        .order_by("-tax_year_starts")
        .first()
    )
    if rate is None:
        return None
    return MinimumPay(
        hourly_rate=rate.hourly_rate,
        band_label=rate.get_band_display(),
        tax_year=rate.tax_year_label,
        source=rate.source,
    )
