"""Given Amira, an employer in Newcastle, and 24 PAs nearby, when she opens "Search for PAs
near NE1" from her jobs, she sees how many PAs were found and the best 20, each with why it
matches; she pages on to the other 4, which carry on the numbering; a district she mistypes
is an error next to the field, with what she typed kept; she narrows the search to a skill
and finds the one PA who has it, and with the keyboard skips past the open section of
skills to the results. Every page has an empty axe scan, and everything works
without JavaScript (a GET form and links)."""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill
from tests.e2e.helpers import sign_in
from tests.factories import PASSWORD, UserFactory, make_employer_profile

HOIST = "mobility.hoist"
PAS_NEARBY = 24


def make_pa(number: int, *, skills: tuple[str, ...] = ()) -> PAProfile:
    user = UserFactory(
        email=f"pa{number}@example.org",
        full_name=f"Pat{number} Example",
        postcode="NE2 1AA",
        roles=[Role.PA],
    )
    profile = PAProfile.objects.create(
        user=user,
        display_name=f"Pat{number}",
        availability=mask_from_keys(["monday_morning"]),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        travel_miles=10,
        level=number % 5,
    )
    profile.skills.set(Skill.objects.filter(code__in=skills))
    return profile


def card_headings(page):
    return page.locator("ol.pahub-match-list > li h2")


@pytest.mark.django_db(transaction=True)
def test_an_employer_searches_for_pas_pages_through_them_and_narrows_the_search(page, axe):
    amira = UserFactory(
        email="amira@example.org",
        full_name="Amira Khan",
        postcode="NE1 4ST",
        roles=[Role.EMPLOYER],
    )
    make_employer_profile(amira, display_name="Amira")
    for number in range(PAS_NEARBY - 1):
        make_pa(number)
    make_pa(PAS_NEARBY - 1, skills=(HOIST,))

    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/employer/")
    axe.check(page, "employer's jobs")
    page.get_by_role("link", name="Search for PAs near NE1").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Find a PA")
    expect(page.locator("#results")).to_contain_text(f"{PAS_NEARBY} PAs found")
    expect(page.get_by_text(f"Showing 1 to 20 of {PAS_NEARBY}")).to_be_visible()
    expect(card_headings(page)).to_have_count(20)
    expect(card_headings(page).first).to_contain_text("Number 1:")
    expect(page.get_by_text("Why it is a match").first).to_be_visible()
    axe.check(page, "talent search, page 1")

    page.get_by_role("navigation", name="Pages of PAs").get_by_role(
        "link", name=re.compile("Next")
    ).click()

    expect(page.get_by_text(f"Showing 21 to {PAS_NEARBY} of {PAS_NEARBY}")).to_be_visible()
    expect(card_headings(page)).to_have_count(PAS_NEARBY - 20)
    expect(card_headings(page).first).to_contain_text("Number 21:")
    expect(page.get_by_role("link", name="Page 2")).to_have_attribute("aria-current", "page")
    axe.check(page, "talent search, page 2")

    district = page.get_by_label("Postcode district")
    district.fill("QQ1")
    page.get_by_role("button", name="Search", exact=True).click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("We do not recognise the postcode district QQ1")
    expect(page.get_by_label("Postcode district")).to_have_value("QQ1")
    expect(page.locator("#results")).to_have_count(0)
    axe.check(page, "talent search, a district it does not know")

    page.get_by_label("Postcode district").fill("NE1")
    page.locator("summary", has_text="Skills they must have").click()
    page.get_by_label("Hoist use (specialist manual handling)").check()
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page.locator("#results")).to_contain_text("1 PA found")
    expect(card_headings(page)).to_have_count(1)
    expect(card_headings(page).first).to_contain_text(f"Pat{PAS_NEARBY - 1}")
    expect(page.get_by_role("navigation", name="Pages of PAs")).to_have_count(0)
    axe.check(page, "talent search with a skill")

    # The skill she chose keeps its section open: 96 checkboxes. She skips to the content;
    # two Tabs reach a link past the form, and the next Tab is in the results.
    expect(page.locator("details", has_text="Skills they must have (1 chosen)")).to_have_attribute(
        "open", ""
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to the results (1 PA found)")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("results")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_accessible_name("Name this search")
