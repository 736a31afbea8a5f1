"""The calculator reads the one rates table (employers.TaxYearRates) for the date asked about."""

from datetime import date
from decimal import Decimal

import pytest

from pahub.costs.rates import NoRatesError, rates_on
from pahub.employers.models import TaxYearRates


def test_the_2026_27_figures_are_the_published_ones(db):
    rates = rates_on(date(2026, 5, 1))

    assert rates.tax_year == "2026/27"
    assert rates.national_living_wage == Decimal("12.71")
    assert rates.ni_secondary_threshold_weekly == Decimal("96")
    assert rates.ni_employer_percent == Decimal("15")
    assert rates.employment_allowance == Decimal("10500")
    assert rates.pension_trigger_weekly == Decimal("192")
    assert rates.ssp_weekly_rate == Decimal("123.25")
    assert rates.ssp_from_first_day
    assert rates.national_insurance_source.startswith("GOV.UK")


def test_every_figure_in_the_table_has_a_source(db):
    for row in TaxYearRates.objects.all():
        for field in TaxYearRates._meta.concrete_fields:
            if field.name.endswith("_source"):
                assert getattr(row, field.name).startswith("GOV.UK"), field.name


def test_between_1_and_5_april_the_new_minimum_wage_meets_the_old_tax_year(db):
    rates = rates_on(date(2026, 4, 3))

    assert (rates.tax_year, rates.minimum_wage_tax_year) == ("2025/26", "2026/27")
    assert rates.national_living_wage == Decimal("12.71")
    assert rates.ssp_weekly_rate == Decimal("118.75")


def test_the_new_tax_year_starts_on_6_april(db):
    assert rates_on(date(2026, 4, 5)).tax_year == "2025/26"
    assert rates_on(date(2026, 4, 6)).tax_year == "2026/27"


def test_before_the_table_there_are_no_rates(db):
    with pytest.raises(NoRatesError):
        rates_on(date(2025, 4, 5))
