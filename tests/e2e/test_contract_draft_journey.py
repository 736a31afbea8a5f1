"""Given Amira, an employer in Newcastle who has hired Jordan for her weekday-morning job
(15 hours a week at £13.50), when she opens the job and follows "Download the contract draft",
she gets a .docx with Jordan's and her names, the hours, the pay and 28 days' holiday. Then she
opens the printable contract, first types an address too long and is told so by the box with
the rest kept, then types her address and downloads the contract with it; the address is not
saved anywhere. She also finds the template's job chooser. Every page has an empty axe scan."""

import re

import docx
import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.jobs.models import Job
from tests.e2e.helpers import sign_in
from tests.factories import PASSWORD, UserFactory, make_employer_profile, make_job

ADDRESS = "12 Grey Street, Newcastle upon Tyne NE1 6AE"


def docx_text(download) -> str:
    document = docx.Document(str(download.path()))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


@pytest.mark.django_db(transaction=True)
def test_an_employer_downloads_the_contract_draft_for_her_job(page, axe, live_server):
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    jordan = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    job = make_job(amira, status=Job.Status.FILLED, hired_pa=jordan)

    # Given Amira is signed in and opens her job
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"{live_server.url}/employer/jobs/{job.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Morning PA for a busy mum")
    expect(page.get_by_role("heading", name="Documents for this job")).to_be_visible()
    axe.check(page, "the job page")

    # When she follows "Download the contract draft"
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download the contract draft (.docx)").click()
    download = downloading.value

    # Then the .docx holds the names, hours, pay and holiday
    assert download.suggested_filename == f"contract-of-employment-job-{job.pk}.docx"
    text = docx_text(download)
    for expected in (
        "Amira Khan",
        "Jordan Reed",
        "15 hours a week",
        "£13.50 an hour",
        "28 days (84 hours) a year",
        "Newcastle upon Tyne (NE1)",
        "4 January 2027",
    ):
        assert expected in text, expected

    # When she opens the printable contract
    page.get_by_role("link", name="print the contract draft").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contract of employment")
    expect(page.locator(".pahub-document")).to_contain_text("Jordan Reed")
    axe.check(page, "the printable contract")

    # And types an address that is too long
    page.get_by_label("Address where the PA will work").fill(ADDRESS)
    page.get_by_label("Employer's address").fill("x" * 201)
    page.get_by_role("button", name="Show the document with these answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Employer's address must be 200 characters or fewer"
    )
    expect(page.get_by_label("Address where the PA will work")).to_have_value(ADDRESS)
    axe.check(page, "the printable contract with an error")

    # Then, with it corrected, the page and the download carry her address
    page.get_by_label("Employer's address").fill(ADDRESS)
    page.get_by_label("Pay day").fill("every Friday")
    page.get_by_role("button", name="Show the document with these answers").click()
    expect(page.locator(".pahub-document")).to_contain_text(ADDRESS)
    axe.check(page, "the printable contract with her answers")
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download with these answers (.docx)").click()
    text = docx_text(downloading.value)
    assert ADDRESS in text
    assert "every Friday" in text
    assert "Jordan Reed" in text

    # And the address is not saved on the job
    job.refresh_from_db()
    assert ADDRESS not in str(Job.objects.filter(pk=job.pk).values().get())

    # And the template's own job chooser lists her job
    page.goto(f"{live_server.url}/library/contract-of-employment/fill/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Which job is it for?")
    expect(page.get_by_role("link", name=re.compile("Morning PA for a busy mum"))).to_be_visible()
    axe.check(page, "the job chooser")
