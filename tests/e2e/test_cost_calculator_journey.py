"""Given Amira, an employer with a direct payment of £550 a week: she opens the cost
calculator from the home page, costs Sam (20 hours at £13.50) and, after "Add another PA",
Jo (10 irregular hours at £12.71), with agency hours, insurance and cover; she first forgets
her direct payment and is told next to the box, with everything she typed kept; then she sees
the plan is £30.09 a week short, with every line explained, saves it, and opens its printable
page and her list of plans. Every page has an empty axe scan.
"""

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.costs.models import CostPlan
from tests.e2e.helpers import sign_in
from tests.factories import PASSWORD, UserFactory, make_employer_profile


def fill(page, name: str, value: str) -> None:
    page.locator(f'[name="{name}"]').fill(value)


@pytest.mark.django_db(transaction=True)
def test_an_employer_costs_a_plan_with_two_pas_and_sees_the_shortfall(page, axe, live_server):
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")

    # Given Amira is signed in and opens the calculator from the home page
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="work out what it really costs to employ a PA").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What employing PAs really costs")
    axe.check(page, "cost calculator")

    # When she costs Sam, adds another PA and costs Jo
    fill(page, "costed_on_day", "1")
    fill(page, "costed_on_month", "5")
    fill(page, "costed_on_year", "2026")
    fill(page, "pa-0-name", "Sam")
    fill(page, "pa-0-hourly_rate", "13.50")
    fill(page, "pa-0-weekly_hours", "20")
    page.get_by_role("button", name="Add another PA").click()
    expect(page.get_by_role("heading", name="PA 2")).to_be_visible()
    expect(page.locator('[name="pa-0-name"]')).to_have_value("Sam")
    axe.check(page, "cost calculator with two PAs")
    fill(page, "pa-1-name", "Jo")
    fill(page, "pa-1-hourly_rate", "12.71")
    fill(page, "pa-1-weekly_hours", "10")
    page.locator("#id_pa-1-irregular_hours_0").check()
    fill(page, "agency_weekly_hours", "4")
    fill(page, "agency_hourly_rate", "25")
    fill(page, "insurance_yearly", "150")
    fill(page, "cover_hourly_rate", "20")

    # And forgets her direct payment
    page.get_by_role("button", name="Work out the cost").last.click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your direct payment a week")
    expect(page.locator('[name="pa-1-name"]')).to_have_value("Jo")
    axe.check(page, "cost calculator with an error")

    # Then, with it given, she sees the shortfall and why
    fill(page, "direct_payment_weekly", "550")
    page.get_by_role("button", name="Work out the cost").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What your plan costs")
    expect(page.locator(".govuk-warning-text").first).to_contain_text("£30.09 a week short")
    expect(page.get_by_role("heading", name="Employment Allowance: −£37.43 a week")).to_be_visible()
    expect(
        page.get_by_text("Rates and thresholds for employers 2026 to 2027").first
    ).to_be_visible()
    axe.check(page, "cost results")

    # And she saves the plan, prints it and finds it in her list
    fill(page, "name", "Support from May")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Support from May")
    assert CostPlan.objects.get().employer == amira
    axe.check(page, "saved plan")
    page.get_by_role("link", name="Print the plan").click()
    expect(page.locator("#print-instructions")).to_be_visible()
    axe.check(page, "printable plan")
    page.goto(live_server.url + "/costs/plans/")
    expect(page.get_by_role("link", name="Support from May")).to_be_visible()
    axe.check(page, "saved plans")
