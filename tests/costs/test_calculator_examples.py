"""Worked examples, written out by hand from the published 2026/27 rates (docs/costs.md has
the first one in full). Each figure below was worked on paper; the calculator must agree to
the penny."""

from decimal import Decimal as D

from pahub.costs.calculator import PA, AgeBand, NightKind, Plan, cost_plan, pounds
from tests.costs.published_rates import RATES_2025_26, RATES_2026_27

SAM = PA(name="Sam", hourly_rate=D("13.50"), weekly_hours=D("20"))
JO = PA(name="Jo", hourly_rate=D("12.71"), weekly_hours=D("10"), irregular_hours=True)
AMIRAS_PLAN = Plan(
    pas=(SAM, JO),
    direct_payment_weekly=D("550"),
    agency_weekly_hours=D("4"),
    agency_hourly_rate=D("25"),
    insurance_yearly=D("150"),
    sick_weeks_per_pa=D("1"),
    cover_hourly_rate=D("20"),
)


def weekly(costing, label: str) -> D:
    (line,) = [line for line in costing.lines if line.label == label]
    return pounds(line.weekly)


def test_amiras_plan_line_by_line():
    costing = cost_plan(AMIRAS_PLAN, RATES_2026_27)

    # Sam: 20 hours at £13.50 = £270. Holiday 5.6 weeks a year: 270 x 5.6 / 52 = 29.0769.
    assert weekly(costing, "Wages: Sam") == D("270.00")
    assert weekly(costing, "Holiday pay: Sam") == D("29.08")
    # Pay 299.0769 a week; NI 15% of (299.0769 - 96) = 30.4615.
    assert weekly(costing, "Employer National Insurance: Sam") == D("30.46")
    # Over the £192 trigger: 3% of (299.0769 - 120) = 5.3723.
    assert weekly(costing, "Workplace pension: Sam") == D("5.37")
    # Jo: 10 hours at £12.71 = £127.10; irregular hours, 12.07% = 15.3410.
    assert weekly(costing, "Wages: Jo") == D("127.10")
    assert weekly(costing, "Holiday pay: Jo") == D("15.34")
    # Pay 142.4410; NI 15% of 46.4410 = 6.9661. Under the £192 trigger: no pension.
    assert weekly(costing, "Employer National Insurance: Jo") == D("6.97")
    assert weekly(costing, "Workplace pension: Jo") == D("0.00")
    # NI for both, 37.4277 a week, is 1,946.24 a year: under £10,500, so all of it goes.
    assert weekly(costing, "Employment Allowance") == D("-37.43")
    # Agency 4 x £25; insurance 150 / 52 = 2.8846.
    assert weekly(costing, "Agency hours") == D("100.00")
    assert weekly(costing, "Employer's liability insurance") == D("2.88")
    # SSP for 1 week each: Sam £123.25; Jo 80% of 142.4410 = 113.9528 (less than £123.25).
    # 237.2028 a year / 52 = 4.5616.
    assert weekly(costing, "Contingency: sick pay") == D("4.56")
    # Cover at £20 for 6.6 weeks (5.6 holiday + 1 sick): Sam 6.50 x 20 x 6.6 = 858;
    # Jo 7.29 x 10 x 6.6 = 481.14. 1,339.14 a year / 52 = 25.7527.
    assert weekly(costing, "Contingency: cover") == D("25.75")


def test_amiras_plan_totals_and_shortfall():
    costing = cost_plan(AMIRAS_PLAN, RATES_2026_27)

    # 270 + 29.0769 + 30.4615 + 5.3723 + 127.10 + 15.3410 + 6.9661 - 37.4277 + 100
    # + 2.8846 + 4.5616 + 25.7527 = 580.0891
    assert pounds(costing.weekly_total) == D("580.09")
    assert pounds(costing.four_weekly_total) == D("2320.36")
    assert pounds(costing.yearly_total) == D("30164.63")
    assert costing.is_short
    assert costing.summary == "£30.09 a week short"


def test_a_direct_payment_above_the_cost_leaves_money():
    plan = Plan(pas=(SAM,), direct_payment_weekly=D("400"))

    costing = cost_plan(plan, RATES_2026_27)

    # 270 + 29.0769 + 30.4615 + 5.3723 - 30.4615 (allowance) = 304.4492
    assert pounds(costing.weekly_total) == D("304.45")
    assert costing.summary == "£95.55 a week left"


def test_without_the_allowance_the_ni_is_paid():
    plan = Plan(pas=(SAM,), direct_payment_weekly=D("400"), claims_employment_allowance=False)

    costing = cost_plan(plan, RATES_2026_27)

    assert weekly(costing, "Employment Allowance") == D("0.00")
    # 270 + 29.0769 + 30.4615 + 5.3723 = 334.9107
    assert pounds(costing.weekly_total) == D("334.91")


def test_the_allowance_stops_at_10500_a_year():
    # Five PAs of 40 hours at £20: pay 800 + 86.1538 = 886.1538 each; NI 15% of 790.1538
    # = 118.5231 a week each, 592.6154 for five, 30,816 a year. The allowance takes £10,500,
    # 201.9231 a week.
    big = tuple(PA(name=f"PA {n}", hourly_rate=D("20"), weekly_hours=D("40")) for n in range(1, 6))

    costing = cost_plan(Plan(pas=big, direct_payment_weekly=D("0")), RATES_2026_27)

    assert weekly(costing, "Employer National Insurance: PA 1") == D("118.52")
    assert weekly(costing, "Employment Allowance") == D("-201.92")


def test_an_under_21_pays_no_employer_ni_below_the_upper_threshold():
    young = PA(
        name="Lee",
        hourly_rate=D("11"),
        weekly_hours=D("30"),
        age_band=AgeBand.AGED_18_TO_20,
        pension_age=False,
    )

    costing = cost_plan(Plan(pas=(young,), direct_payment_weekly=D("0")), RATES_2026_27)

    # Pay 330 + 35.5385 = 365.54, under £967: 0%. Not 22 or over: no pension duty.
    assert weekly(costing, "Employer National Insurance: Lee") == D("0.00")
    assert weekly(costing, "Workplace pension: Lee") == D("0.00")
    assert "not aged between 22 and State Pension age" in costing.lines[3].explanation


def test_pension_stops_at_the_upper_qualifying_earnings():
    # 50 hours at £25: pay 1,250 + 134.6154 = 1,384.6154, over £967. 3% of (967 - 120) = 25.41.
    high = PA(name="Max", hourly_rate=D("25"), weekly_hours=D("50"))

    costing = cost_plan(Plan(pas=(high,), direct_payment_weekly=D("0")), RATES_2026_27)

    assert weekly(costing, "Workplace pension: Max") == D("25.41")


def test_minimum_wage_checks_each_rate_for_the_pas_age():
    night = PA(
        name="Ola",
        hourly_rate=D("12.70"),
        weekly_hours=D("10"),
        night_hours=D("8"),
        night_rate=D("13"),
        night_kind=NightKind.WAKING,
    )
    sleeper = PA(
        name="Bea",
        hourly_rate=D("10.85"),
        weekly_hours=D("10"),
        night_hours=D("9"),
        night_rate=D("5"),
        night_kind=NightKind.SLEEP_IN,
        age_band=AgeBand.AGED_18_TO_20,
    )

    costing = cost_plan(Plan(pas=(night, sleeper), direct_payment_weekly=D("0")), RATES_2026_27)

    results = [
        (check.pa_name, check.rate_label, check.minimum, check.checked, check.lawful)
        for check in costing.wage_checks
    ]
    assert results == [
        ("Ola", "Day rate", D("12.71"), True, False),
        ("Ola", "Waking night rate", D("12.71"), True, True),
        ("Bea", "Day rate", D("10.85"), True, True),
        ("Bea", "Sleep-in rate", D("10.85"), False, True),
    ]
    assert not costing.all_pay_lawful
    assert "below the minimum" in costing.wage_checks[0].explanation


def test_2025_26_sick_pay_had_waiting_days_and_a_lower_earnings_limit():
    # Sam's pay 299.08 is over the £125 lower earnings limit: £118.75 a week, less 3 waiting
    # days of 5 (0.6 weeks): 2 weeks off cost 118.75 x 1.4 = 166.25 a year, 3.1971 a week.
    # Amy's pay, 5 hours at £12.21 + holiday = 67.62, is under it: no SSP in 2025/26.
    amy = PA(name="Amy", hourly_rate=D("12.21"), weekly_hours=D("5"))
    plan = Plan(pas=(SAM, amy), direct_payment_weekly=D("0"), sick_weeks_per_pa=D("2"))

    costing = cost_plan(plan, RATES_2025_26)

    assert weekly(costing, "Contingency: sick pay") == D("3.20")
    assert costing.tax_year == "2025/26"


def test_every_line_names_its_source_and_tax_year():
    costing = cost_plan(AMIRAS_PLAN, RATES_2026_27)

    for line in costing.lines:
        assert line.source
        assert line.tax_year == "2026/27"
        assert line.explanation
