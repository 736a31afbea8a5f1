"""Given an employer asking for cover without JavaScript, when they press "Add another shift"
or "Remove shift N", then the page reloads with focus on the shift, not at the top."""

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from tests.e2e.helpers import sign_in
from tests.factories import PASSWORD, UserFactory, make_employer_profile


@pytest.mark.django_db(transaction=True)
def test_adding_and_removing_a_shift_keeps_focus_on_the_shifts(
    browser, live_server, reference_data_loaded
):
    amira = UserFactory(email="amira@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])
    make_employer_profile(amira, display_name="Amira")
    # No JavaScript: the buttons reload the page, which is where focus used to be lost.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"/cover/requests/new/{amira.pk}/")

    page.get_by_role("button", name="Add another shift").click()
    expect(page.locator("#shift-2")).to_be_focused()
    page.get_by_role("button", name="Add another shift").click()
    expect(page.locator("#shift-3")).to_be_focused()

    page.get_by_role("button", name="Remove shift 3").click()
    expect(page.locator("#shift-2")).to_be_focused()
    page.get_by_role("button", name="Remove shift 1").click()
    expect(page.locator("#shift-1")).to_be_focused()
    context.close()
