"""Given Amira, an employer in Newcastle who has hired Jordan for her weekday-morning job, and
Newcastle City Council's rule that jobs paid by a direct payment need an enhanced DBS check with
the adults' barred list: Amira opens her spoke from the help bar, reads the council's rule with
its reason, follows the contract of employment from the spoke's templates to the library, has
PA Hub fill it from her job and downloads the .docx, which the test opens with python-docx.
Every page has an empty axe scan."""

import re
from datetime import date

import docx
import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.jobs.models import Job
from pahub.places.models import LocalAuthority
from pahub.rules.models import LocalRule
from pahub.rules.services import RuleInput, rule_add
from tests.e2e.helpers import sign_in
from tests.factories import (
    PASSWORD,
    UserFactory,
    make_council,
    make_employer_profile,
    make_job,
    make_staff,
)


def docx_text(path: str) -> str:
    document = docx.Document(path)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


@pytest.mark.django_db(transaction=True)
def test_an_employer_goes_from_her_spoke_to_the_contract_draft_for_her_job(page, axe, live_server):
    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne")
    council = make_council("Newcastle City Council", "Newcastle upon Tyne")
    rule_add(
        council=newcastle,
        answers=RuleInput(
            kind=LocalRule.Kind.DBS_CHECK,
            applies_to=LocalRule.AppliesTo.DIRECT_PAYMENT,
            dbs_level="enhanced_adults",
            explanation="The direct payment team pays for the check.",
            in_force_from=date(2026, 4, 1),
        ),
        by=make_staff(organisation=council, email="nadia@newcastle-council.example.org"),
        today=date(2026, 4, 1),
    )
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    job = make_job(amira, status=Job.Status.FILLED, hired_pa=jordan)

    # Given Amira signs in and opens her area's page from the help bar
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.get_by_role("complementary", name="Get help").get_by_role(
        "link", name="Help in Newcastle upon Tyne"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Newcastle upon Tyne")
    axe.check(page, "her spoke")

    # Then she reads the council's local rule with its reason
    rules = page.locator("section", has=page.get_by_role("heading", name=re.compile("Local rules")))
    expect(rules).to_contain_text("Required by Newcastle City Council")
    expect(rules).to_contain_text("for jobs paid by a direct payment")

    # When she follows the contract of employment from the spoke's templates
    page.get_by_role("link", name="Contract of employment", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contract of employment")
    expect(page.get_by_text("[employer name]").first).to_be_visible()
    axe.check(page, "the blank contract in the library")

    # And asks PA Hub to fill it from her job
    page.get_by_role("link", name="fill this template in from one of your jobs").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Which job is it for?")
    axe.check(page, "the job chooser")
    page.get_by_role("link", name=re.compile("Morning PA for a busy mum")).click()
    expect(page.locator(".pahub-document")).to_contain_text("Jordan Reed")
    axe.check(page, "the contract filled from her job")

    # Then the download is a Word document filled from her job
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download as a Word document (.docx)").click()
    assert downloading.value.suggested_filename == f"contract-of-employment-job-{job.pk}.docx"
    text = docx_text(str(downloading.value.path()))
    for expected in (
        "Amira Khan",
        "Jordan Reed",
        "15 hours a week",
        "£13.50 an hour",
        "28 days (84 hours) a year",
        "Newcastle upon Tyne (NE1)",
    ):
        assert expected in text, expected
