"""The document pages: choose a job, the filled page, the .docx download, and the job page's
"Documents for this job" section. The same people every time: Amira (employer), Sara (her
representative), Jordan (a PA), another employer, and someone signed out."""

import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pahub.accounts.models import Role
from pahub.jobs.models import Job
from tests.factories import UserFactory, make_employer_profile, make_job

SLUG = "contract-of-employment"


def fill_url(job, slug=SLUG) -> str:
    return reverse("library:fill", kwargs={"slug": slug, "job_id": job.pk})


def docx_url(job, slug=SLUG) -> str:
    return reverse("library:fill_docx", kwargs={"slug": slug, "job_id": job.pk})


def choose_url(slug=SLUG) -> str:
    return reverse("library:fill_choose", kwargs={"slug": slug})


def docx_text(response) -> str:
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


@pytest.fixture
def other_employer(db):
    user = UserFactory(
        email="other.employer@example.org", full_name="Bea Other", roles=[Role.EMPLOYER]
    )
    make_employer_profile(user)
    return user


# Signed out


@pytest.mark.parametrize("url", ["fill", "docx", "choose"])
def test_signed_out_people_are_sent_to_sign_in(client, hired_job, url):
    target = {"fill": fill_url(hired_job), "docx": docx_url(hired_job), "choose": choose_url()}[url]
    response = client.get(target)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# Who may see a job's documents


@pytest.mark.parametrize("url", [fill_url, docx_url])
def test_a_pa_gets_404_even_for_the_job_they_were_hired_for(client_for, pa, hired_job, url):
    assert client_for(pa).get(url(hired_job)).status_code == 404


@pytest.mark.parametrize("url", [fill_url, docx_url])
def test_another_employer_gets_404(client_for, other_employer, hired_job, url):
    assert client_for(other_employer).get(url(hired_job)).status_code == 404


def test_a_bad_job_id_is_404(client_for, employer, employer_profile):
    response = client_for(employer).get(f"/library/{SLUG}/fill/999999/")
    assert response.status_code == 404


def test_an_unknown_template_is_404(client_for, employer, hired_job):
    assert client_for(employer).get(fill_url(hired_job, "no-such-template")).status_code == 404
    assert client_for(employer).get(choose_url("no-such-template")).status_code == 404


def test_a_pa_gets_404_for_the_job_chooser(client_for, pa):
    assert client_for(pa).get(choose_url()).status_code == 404


def test_the_representative_fills_the_employers_job(client_for, representative, hired_job):
    response = client_for(representative).get(fill_url(hired_job))
    assert response.status_code == 200
    assert "Jordan Reed" in response.content.decode()


# The job chooser


def test_the_chooser_lists_only_the_employers_own_jobs(
    client_for, employer, hired_job, other_employer
):
    other = make_job(other_employer, title="Someone else's job")
    response = client_for(employer).get(choose_url())
    page = response.content.decode()
    assert fill_url(hired_job) in page
    assert fill_url(other) not in page


def test_the_representative_sees_the_jobs_of_who_they_act_for(
    client_for, representative, hired_job
):
    page = client_for(representative).get(choose_url()).content.decode()
    assert fill_url(hired_job) in page
    assert "for Amira Khan" in page


def test_an_employer_with_no_jobs_is_told_to_write_one(client_for, employer, employer_profile):
    page = client_for(employer).get(choose_url()).content.decode()
    assert "There are no jobs to fill it from yet" in page
    assert reverse("employer:home") in page


def test_the_chooser_query_count_does_not_grow_with_jobs(client_for, employer, employer_profile):
    client = client_for(employer)
    make_job(employer)
    with_one = count_queries(client)
    for _ in range(5):
        make_job(employer)
    assert count_queries(client) == with_one


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(choose_url()).status_code == 200
    return len(context.captured_queries)


# The filled page


def test_the_filled_page_shows_the_job_district_only(client_for, employer, hired_job):
    page = client_for(employer).get(fill_url(hired_job)).content.decode()
    assert "Newcastle upon Tyne (NE1)" in page
    assert "£13.50" in page
    assert "28 days (84 hours) a year" in page
    assert "[pay day]" in page
    # The sources are linked, and the document heading sits under the page's h1.
    assert "https://www.gov.uk/employment-contracts-and-conditions" in page


def test_typed_answers_fill_the_page_and_are_kept(client_for, employer, hired_job):
    response = client_for(employer).post(
        fill_url(hired_job),
        {"place_of_work": "12 Grey Street, Newcastle NE1 6AE", "pay_day": "every Friday"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("12 Grey Street, Newcastle NE1 6AE") == 2  # in the form and the document
    assert "on every Friday, by bank transfer" in page


def test_a_too_long_answer_is_shown_by_its_field_and_everything_kept(
    client_for, employer, hired_job
):
    response = client_for(employer).post(
        fill_url(hired_job), {"pay_day": "Friday", "employer_address": "x" * 201}
    )
    page = response.content.decode()
    assert "Error: " in page
    assert "Employer&#x27;s address must be 200 characters or fewer" in page
    assert 'value="Friday"' in page
    assert 'id="employer_address-error"' in page or "govuk-error-message" in page


def test_a_line_break_in_a_one_line_answer_is_refused(client_for, employer, hired_job):
    response = client_for(employer).post(fill_url(hired_job), {"pay_day": "Friday\nSaturday"})
    assert "Enter this on one line" in response.content.decode()


def test_nothing_typed_is_stored(client_for, employer, hired_job):
    before = Job.objects.values().get(pk=hired_job.pk)
    client_for(employer).post(fill_url(hired_job), {"place_of_work": "12 Grey Street"})
    assert Job.objects.values().get(pk=hired_job.pk) == before


# The .docx


def test_the_docx_downloads_with_the_jobs_facts_and_names(client_for, employer, hired_job):
    response = client_for(employer).get(docx_url(hired_job))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert f'filename="{SLUG}-job-{hired_job.pk}.docx"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = docx_text(response)
    for expected in ("Amira Khan", "Jordan Reed", "15 hours a week", "£13.50", "28 days"):
        assert expected in text
    assert "Newcastle upon Tyne (NE1)" in text


def test_the_docx_takes_typed_answers_by_get_and_post(client_for, employer, hired_job):
    client = client_for(employer)
    by_get = client.get(docx_url(hired_job), {"place_of_work": "12 Grey Street"})
    by_post = client.post(docx_url(hired_job), {"place_of_work": "3 Elm Road"})
    assert "12 Grey Street" in docx_text(by_get)
    assert "3 Elm Road" in docx_text(by_post)


def test_bad_docx_input_shows_the_page_with_the_error(client_for, employer, hired_job):
    response = client_for(employer).post(docx_url(hired_job), {"pay_day": "x" * 201})
    assert response["Content-Type"].startswith("text/html")
    assert "Pay day must be 200 characters or fewer" in response.content.decode()


@pytest.mark.parametrize("slug", ["job-description", "job-advert", "timesheet", "holiday-request"])
def test_other_templates_download_too(client_for, employer, hired_job, slug):
    response = client_for(employer).get(docx_url(hired_job, slug))
    assert response.status_code == 200
    assert "£13.50" in docx_text(response)


# The job page


def test_the_job_page_links_to_its_documents(client_for, employer, hired_job):
    page = client_for(employer).get(reverse("employer:job", args=[hired_job.pk])).content.decode()
    assert "Documents for this job" in page
    assert "Download the contract draft (.docx)" in page
    assert docx_url(hired_job) in page
    assert fill_url(hired_job) in page
    for slug in ("job-description", "job-advert", "timesheet"):
        assert docx_url(hired_job, slug) in page
        assert fill_url(hired_job, slug) in page


def test_every_link_in_the_documents_section_works(client_for, employer, hired_job):
    import re

    client = client_for(employer)
    page = client.get(reverse("employer:job", args=[hired_job.pk])).content.decode()
    links = set(re.findall(r'href="(/library/[^"]+)"', page))
    assert len(links) == 16  # 4 downloads, 4 printable, 8 more templates
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_representative_downloads_the_employers_contract(client_for, representative, hired_job):
    response = client_for(representative).get(docx_url(hired_job))
    assert response.status_code == 200
    assert "Amira Khan" in docx_text(response)


@pytest.mark.parametrize("url", [fill_url, docx_url])
def test_staff_without_the_employers_consent_get_404(client_for, verifier, hired_job, url):
    assert client_for(verifier).get(url(hired_job)).status_code == 404


def test_staff_without_consent_have_no_jobs_to_choose(client_for, verifier, hired_job):
    assert client_for(verifier).get(choose_url()).status_code == 404
