"""/costs/: the calculator, open to anyone; PAs added and removed without JavaScript; bad input
answered next to the field with everything typed kept."""

import pytest
from django.urls import reverse

from tests.costs.answers import plan_answers

CALCULATOR = reverse("costs:calculator")


def test_anyone_signed_out_may_use_the_calculator(client, db):
    response = client.get(CALCULATOR)

    assert response.status_code == 200
    assert "What employing PAs really costs" in response.content.decode()
    assert 'name="pa-0-hourly_rate"' in response.content.decode()


def test_the_home_page_links_to_the_calculator(client, db):
    assert f'href="{CALCULATOR}"' in client.get(reverse("core:home")).content.decode()


def test_a_signed_out_person_sees_the_shortfall_with_every_line_explained(client, db):
    response = client.post(CALCULATOR, plan_answers())

    content = response.content.decode()
    assert response.status_code == 200
    assert "£30.09 a week short" in content
    assert "£580.09" in content  # a week
    assert "£30,164.63" in content  # a year
    assert "Employer National Insurance: Sam" in content
    assert "−£37.43" in content  # the Employment Allowance
    assert "Rates and thresholds for employers 2026 to 2027" in content
    assert "Tax year 2026/27" in content
    assert "sign in" in content  # to save, not offered a save form
    assert 'action="/costs/save/"' not in content


def test_a_pa_may_use_the_calculator_but_not_save(client_for, pa):
    content = client_for(pa).post(CALCULATOR, plan_answers()).content.decode()

    assert "£30.09 a week short" in content
    assert "Only employers and people acting for them can save a plan" in content


def test_an_employer_is_offered_to_save_the_plan(client_for, employer):
    content = client_for(employer).post(CALCULATOR, plan_answers()).content.decode()

    assert 'action="/costs/save/"' in content
    assert 'name="name"' in content


def test_add_another_pa_keeps_every_answer_and_shows_no_errors(client, db):
    response = client.post(CALCULATOR, plan_answers(action="add", direct_payment_weekly=""))

    content = response.content.decode()
    assert "There is a problem" not in content
    assert 'name="pa_count" value="3"' in content
    assert 'value="Sam"' in content and 'value="Jo"' in content
    assert 'value="PA 3"' in content
    assert "Remove PA 3" in content


def test_removing_a_pa_moves_the_later_ones_up(client, db):
    response = client.post(CALCULATOR, {**plan_answers(), "remove": "0", "action": ""})

    content = response.content.decode()
    assert 'name="pa_count" value="1"' in content
    assert 'value="Jo"' in content
    assert 'value="Sam"' not in content
    assert "Remove PA 1" not in content  # the last PA cannot be removed


def test_change_your_answers_brings_them_back(client, db):
    content = client.post(CALCULATOR, plan_answers(action="change")).content.decode()

    assert 'value="13.50"' in content
    assert "Work out the cost" in content


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("pa-1-hourly_rate", "lots", "The hourly rate for PA 2 must be a number, like 12.50"),
        ("pa-0-weekly_hours", "200", "The day hours a week for PA 1 must be between 0 and 168"),
        ("pa-0-hourly_rate", "", "Enter the hourly rate for PA 1"),
        ("direct_payment_weekly", "", "Enter your direct payment a week"),
        ("insurance_yearly", "12.345", "The insurance a year can have at most 2 decimal places"),
        ("costed_on_month", "13", "Enter a real date"),
        ("costed_on_year", "2024", "Enter a date from 6 April 2025"),
    ],
)
def test_bad_input_is_answered_next_to_the_field_and_kept(client, db, field, typed, message):
    response = client.post(CALCULATOR, plan_answers(**{field: typed}))

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert message in content
    assert 'value="Sam"' in content  # everything else typed is kept
    if typed:
        assert f'value="{typed}"' in content


def test_a_night_without_a_rate_is_refused(client, db):
    content = client.post(CALCULATOR, plan_answers(**{"pa-0-night_hours": "8"})).content.decode()

    assert "Enter the night hourly rate for PA 1" in content


def test_a_rate_below_the_minimum_wage_is_flagged(client, db):
    content = client.post(
        CALCULATOR, plan_answers(**{"pa-1-hourly_rate": "12.00"})
    ).content.decode()

    assert "Below the minimum" in content
    assert "The legal minimum for a worker aged 21 and over (National Living Wage) is £12.71" in (
        content
    )


def test_a_date_in_march_2026_uses_2025_26_rates(client, db):
    content = client.post(
        CALCULATOR, plan_answers(costed_on_month="3", costed_on_day="31")
    ).content.decode()

    assert "The costs, for 2025/26" in content
    assert "£12.21" in content


def test_a_date_after_the_last_tax_year_says_which_rates_it_uses(client, db):
    content = client.post(CALCULATOR, plan_answers(costed_on_year="2028")).content.decode()

    assert "PA Hub does not have the rates for 2028/29 yet" in content
