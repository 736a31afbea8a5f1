"""The published figures, typed in by hand from GOV.UK (docs/costs.md lists the pages), so the
calculator's tests do not read the figures from the code they test."""

from decimal import Decimal as D

from pahub.costs.calculator import Rates

RATES_2026_27 = Rates(
    tax_year="2026/27",
    minimum_wage_tax_year="2026/27",
    national_living_wage=D("12.71"),
    wage_18_to_20=D("10.85"),
    wage_under_18=D("8.00"),
    wage_apprentice=D("8.00"),
    minimum_wage_source="GOV.UK, National Minimum Wage and National Living Wage rates",
    holiday_weeks=D("5.6"),
    irregular_hours_holiday_percent=D("12.07"),
    holiday_source="GOV.UK, Holiday entitlement",
    ni_lower_earnings_limit_weekly=D("129"),
    ni_secondary_threshold_weekly=D("96"),
    ni_upper_secondary_threshold_weekly=D("967"),
    ni_employer_percent=D("15"),
    national_insurance_source="GOV.UK, Rates and thresholds for employers 2026 to 2027",
    employment_allowance=D("10500"),
    employment_allowance_source="GOV.UK, Employers of care and support workers",
    pension_trigger_weekly=D("192"),
    pension_lower_qualifying_weekly=D("120"),
    pension_upper_qualifying_weekly=D("967"),
    pension_employer_percent=D("3"),
    pension_source="GOV.UK (DWP), automatic enrolment thresholds 2026/27",
    ssp_weekly_rate=D("123.25"),
    ssp_earnings_percent=D("80"),
    ssp_from_first_day=True,
    ssp_needs_lower_earnings_limit=False,
    sick_pay_source="GOV.UK, Statutory Sick Pay",
)

RATES_2025_26 = Rates(
    **{
        **RATES_2026_27.__dict__,
        "tax_year": "2025/26",
        "minimum_wage_tax_year": "2025/26",
        "national_living_wage": D("12.21"),
        "wage_18_to_20": D("10.00"),
        "wage_under_18": D("7.55"),
        "wage_apprentice": D("7.55"),
        "ni_lower_earnings_limit_weekly": D("125"),
        "ssp_weekly_rate": D("118.75"),
        "ssp_earnings_percent": None,
        "ssp_from_first_day": False,
        "ssp_needs_lower_earnings_limit": True,
    }
)
