"""The calculator's answers as a browser sends them: Amira's plan of two PAs (the worked
example in test_calculator_examples), costed for 1 May 2026."""


def plan_answers(**changes: str) -> dict[str, str]:
    answers = {
        "pa_count": "2",
        "costed_on_day": "1",
        "costed_on_month": "5",
        "costed_on_year": "2026",
        "pa-0-name": "Sam",
        "pa-0-hourly_rate": "13.50",
        "pa-0-weekly_hours": "20",
        "pa-0-night_hours": "",
        "pa-0-night_rate": "",
        "pa-0-night_kind": "waking",
        "pa-0-irregular_hours": "no",
        "pa-0-age_band": "21_and_over",
        "pa-0-pension_age": "yes",
        "pa-1-name": "Jo",
        "pa-1-hourly_rate": "12.71",
        "pa-1-weekly_hours": "10",
        "pa-1-night_hours": "",
        "pa-1-night_rate": "",
        "pa-1-night_kind": "waking",
        "pa-1-irregular_hours": "yes",
        "pa-1-age_band": "21_and_over",
        "pa-1-pension_age": "yes",
        "agency_weekly_hours": "4",
        "agency_hourly_rate": "25",
        "insurance_yearly": "150",
        "sick_weeks_per_pa": "1",
        "cover_hourly_rate": "20",
        "claims_employment_allowance": "yes",
        "direct_payment_weekly": "550",
        "action": "calculate",
    }
    answers.update(changes)
    return answers
