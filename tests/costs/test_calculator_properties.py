"""Properties of the arithmetic that hold for any plan: never negative, never cheaper for
more hours or a higher rate, and thresholds applied to each PA's pay in each week."""

from dataclasses import replace
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from pahub.costs.calculator import (
    PA,
    AgeBand,
    Plan,
    cost_plan,
    weekly_employer_ni,
    weekly_employer_pension,
    weekly_pay,
)
from tests.costs.published_rates import RATES_2025_26, RATES_2026_27

money = st.decimals(min_value=D("0"), max_value=D("60"), places=2)
hours = st.decimals(min_value=D("0"), max_value=D("80"), places=1)
rates = st.sampled_from([RATES_2025_26, RATES_2026_27])

pas = st.builds(
    PA,
    name=st.just("PA"),
    hourly_rate=money,
    weekly_hours=hours,
    night_hours=st.decimals(min_value=D("0"), max_value=D("40"), places=1),
    night_rate=money,
    irregular_hours=st.booleans(),
    age_band=st.sampled_from(
        [AgeBand.AGED_21_AND_OVER, AgeBand.AGED_18_TO_20, AgeBand.UNDER_18, AgeBand.APPRENTICE]
    ),
    pension_age=st.booleans(),
)
plans = st.builds(
    Plan,
    pas=st.lists(pas, min_size=1, max_size=4).map(tuple),
    direct_payment_weekly=st.decimals(min_value=D("0"), max_value=D("5000"), places=2),
    agency_weekly_hours=hours,
    agency_hourly_rate=money,
    insurance_yearly=st.decimals(min_value=D("0"), max_value=D("1000"), places=2),
    sick_weeks_per_pa=st.decimals(min_value=D("0"), max_value=D("28"), places=1),
    cover_hourly_rate=money,
    claims_employment_allowance=st.booleans(),
)


@given(plans, rates)
def test_no_cost_is_ever_negative(plan, year):
    costing = cost_plan(plan, year)

    for line in costing.lines:
        if line.kind != "employment_allowance":
            assert line.weekly >= 0, line.label
    ni = sum(line.weekly for line in costing.lines if line.kind == "national_insurance")
    allowance = sum(line.weekly for line in costing.lines if line.kind == "employment_allowance")
    assert ni + allowance >= 0  # the allowance never takes off more NI than there is
    assert costing.weekly_total >= 0


@given(plans, rates, st.integers(min_value=0, max_value=3), hours)
def test_more_hours_never_cost_less(plan, year, which, more):
    index = which % len(plan.pas)
    pa = plan.pas[index]
    longer = replace(pa, weekly_hours=pa.weekly_hours + more)
    bigger = replace(plan, pas=(*plan.pas[:index], longer, *plan.pas[index + 1 :]))

    assert cost_plan(bigger, year).weekly_total >= cost_plan(plan, year).weekly_total


@given(plans, rates, st.integers(min_value=0, max_value=3), money)
def test_a_higher_rate_never_costs_less(plan, year, which, raise_by):
    index = which % len(plan.pas)
    pa = plan.pas[index]
    dearer = replace(pa, hourly_rate=pa.hourly_rate + raise_by)
    bigger = replace(plan, pas=(*plan.pas[:index], dearer, *plan.pas[index + 1 :]))

    assert cost_plan(bigger, year).weekly_total >= cost_plan(plan, year).weekly_total


@given(plans, rates, money)
def test_a_higher_agency_rate_never_costs_less(plan, year, raise_by):
    dearer = replace(plan, agency_hourly_rate=plan.agency_hourly_rate + raise_by)

    assert cost_plan(dearer, year).weekly_total >= cost_plan(plan, year).weekly_total


@given(pas, rates)
def test_employer_ni_is_the_rate_on_each_weeks_pay_above_the_threshold(pa, year):
    threshold = (
        year.ni_upper_secondary_threshold_weekly
        if pa.age_band != AgeBand.AGED_21_AND_OVER
        else year.ni_secondary_threshold_weekly
    )

    expected = max(weekly_pay(pa, year) - threshold, D(0)) * D("0.15")

    assert weekly_employer_ni(pa, year) == expected


@given(pas, rates)
def test_splitting_a_pas_hours_between_two_pas_never_raises_employer_ni(pa, year):
    """Each PA's pay is measured against the threshold on its own, in its own pay period:
    two PAs under the threshold pay none, even when their pay together is over it."""
    half = replace(pa, weekly_hours=pa.weekly_hours / 2, night_hours=pa.night_hours / 2)

    assert weekly_employer_ni(half, year) * 2 <= weekly_employer_ni(pa, year)


def test_two_pas_each_under_the_threshold_pay_no_ni_though_together_they_are_over():
    # £12.71 x 6 hours = 76.26 + holiday 8.21 = 84.47 each, under £96; 168.95 together.
    small = PA(name="A", hourly_rate=D("12.71"), weekly_hours=D("6"))
    plan = Plan(pas=(small, replace(small, name="B")), direct_payment_weekly=D("0"))

    costing = cost_plan(plan, RATES_2026_27)

    assert [line.weekly for line in costing.lines if line.kind == "national_insurance"] == [
        D(0),
        D(0),
    ]


@given(pas, rates)
def test_pension_is_due_only_over_the_weekly_trigger(pa, year):
    if weekly_pay(pa, year) <= year.pension_trigger_weekly:
        assert weekly_employer_pension(pa, year) == 0
    assert weekly_employer_pension(pa, year) <= (
        year.pension_upper_qualifying_weekly - year.pension_lower_qualifying_weekly
    ) * D("0.03")
