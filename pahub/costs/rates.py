"""The calculator's figures for a day, read from the one rates table in `employers`."""

from datetime import date

from pahub.costs.calculator import Rates
from pahub.employers.models import TaxYearRates
from pahub.employers.wages import minimum_wage_rates_on, tax_year_rates_on


class NoRatesError(LookupError):
    """The day is before the first tax year in the table."""


def earliest_tax_year() -> str | None:
    first = TaxYearRates.objects.order_by("tax_year_starts").first()
    return first.tax_year_label if first else None


def rates_on(day: date) -> Rates:
    """The tax year of `day` (or the latest known), with the minimum wage in force that day:
    between 1 and 5 April the new minimum wage applies before the new tax year does."""
    year = tax_year_rates_on(day)
    wages = minimum_wage_rates_on(day)
    if year is None or wages is None:
        raise NoRatesError(day)
    return Rates(
        tax_year=year.tax_year_label,
        minimum_wage_tax_year=wages.tax_year_label,
        national_living_wage=wages.national_living_wage,
        wage_18_to_20=wages.wage_18_to_20,
        wage_under_18=wages.wage_under_18,
        wage_apprentice=wages.wage_apprentice,
        minimum_wage_source=wages.minimum_wage_source,
        holiday_weeks=year.holiday_weeks,
        irregular_hours_holiday_percent=year.irregular_hours_holiday_percent,
        holiday_source=year.holiday_source,
        ni_lower_earnings_limit_weekly=year.ni_lower_earnings_limit_weekly,
        ni_secondary_threshold_weekly=year.ni_secondary_threshold_weekly,
        ni_upper_secondary_threshold_weekly=year.ni_upper_secondary_threshold_weekly,
        ni_employer_percent=year.ni_employer_percent,
        national_insurance_source=year.national_insurance_source,
        employment_allowance=year.employment_allowance,
        employment_allowance_source=year.employment_allowance_source,
        pension_trigger_weekly=year.pension_trigger_weekly,
        pension_lower_qualifying_weekly=year.pension_lower_qualifying_weekly,
        pension_upper_qualifying_weekly=year.pension_upper_qualifying_weekly,
        pension_employer_percent=year.pension_employer_percent,
        pension_source=year.pension_source,
        ssp_weekly_rate=year.ssp_weekly_rate,
        ssp_earnings_percent=year.ssp_earnings_percent,
        ssp_from_first_day=year.ssp_from_first_day,
        ssp_needs_lower_earnings_limit=year.ssp_needs_lower_earnings_limit,
        sick_pay_source=year.sick_pay_source,
    )
