"""Given Amira, an employer in Newcastle who has hired Jordan, using only a keyboard: from her
account she Tabs to the help bar's link to her area, from her spoke to the contract template,
from there to filling it from her job, and to the download, each reached by Tab in the page's
focus order and followed with Enter. Every page has an empty axe scan."""

import re

import docx
import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.jobs.models import Job
from tests.e2e.helpers import sign_in, tab_to
from tests.factories import PASSWORD, UserFactory, make_employer_profile, make_job


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_user_goes_from_her_spoke_to_the_contract_for_her_job(page, axe, live_server):
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    make_job(amira, status=Job.Status.FILLED, hired_pa=jordan)
    sign_in(page, email="amira@example.org", password=PASSWORD)

    tab_to(page, "Help in Newcastle upon Tyne")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Newcastle upon Tyne")
    axe.check(page, "her spoke, by keyboard")

    tab_to(page, "Contract of employment")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contract of employment")
    axe.check(page, "the contract template, by keyboard")

    tab_to(page, "fill this template in from one of your jobs")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Which job is it for?")
    axe.check(page, "the job chooser, by keyboard")

    tab_to(page, re.compile("Morning PA for a busy mum"))
    page.keyboard.press("Enter")
    expect(page.locator(".pahub-document")).to_contain_text("Jordan Reed")
    axe.check(page, "the filled contract, by keyboard")

    tab_to(page, "Download as a Word document (.docx)")
    with page.expect_download() as downloading:
        page.keyboard.press("Enter")
    text = "\n".join(p.text for p in docx.Document(str(downloading.value.path())).paragraphs)
    assert "Amira Khan" in text and "Jordan Reed" in text
