"""The printable job description and the short advert: everything a PA needs to know,
only the district of where the work is, never the employer's postcode."""

import re

import pytest
from django.urls import reverse

from pahub.employers.services import employer_profile_update
from pahub.jobs.models import Job
from pahub.jobs.printing import advert_summary
from pahub.jobs.services import job_create_draft, job_update
from pahub.taxonomy.models import Interest, Language, Skill
from tests.factories import make_job

FULL_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")


def description(client, job: Job) -> str:
    return client.get(reverse("employer:job_description", args=[job.pk])).content.decode()


def advert(client, job: Job) -> str:
    return client.get(reverse("employer:job_advert", args=[job.pk])).content.decode()


@pytest.fixture
def full_job(employer_profile):
    employer_profile_update(
        profile=employer_profile,
        changes={"postcode": "NE2 1AA", "what_matters": "Someone who loves dogs and jazz."},
        by=employer_profile.user,
    )
    job = make_job(
        employer_profile.user,
        outcode="NE2",
        required_dbs="enhanced",
        requires_driver=True,
        required_language=Language.objects.get(code="bfi"),
        required_gender="woman",
        gender_reason="Help with showering.",
        nice_years_experience=2,
        required_skills=["personal_care.dressing"],
        nice_skills=["mobility.hoist"],
    )
    job.nice_interests.set(Interest.objects.filter(name="Gardening"))
    return job


def test_the_description_has_every_part_of_the_job(client_for, employer, full_job):
    content = description(client_for(employer), full_job)

    for expected in [
        "Morning PA for a busy mum",
        "Help getting up, washed and dressed before the school run.",
        "Personal care",
        Skill.objects.get(code="personal_care.dressing").description,
        "15 hours a week",
        "£13.50 an hour",
        "4 January 2027",
        "Regular work",
        "NE2, Newcastle upon Tyne",
        "A DBS check: enhanced or higher",
        "A driver with their own car",
        "Uses British Sign Language (BSL)",
        "A woman, because the job includes intimate personal care: Help with showering.",
        "Can already do: Dressing and undressing",
        "Shares interests: Gardening",
        "At least 2 years of experience",
        "Also: Hoist use (specialist manual handling)",
        "Someone who loves dogs and jazz.",
        "£12.71 an hour is the legal minimum",
    ]:
        assert expected.replace("'", "&#x27;") in content, expected


def test_the_description_shows_the_weekly_grid_as_a_table_in_words(client_for, employer, full_job):
    content = description(client_for(employer), full_job)

    assert "<caption" in content and "the times the PA works" in content
    assert '<th scope="row" class="govuk-table__header">Monday</th>' in content
    assert content.count(">Yes</td>") == 5


@pytest.mark.parametrize("page", [description, advert])
def test_printable_pages_never_show_a_full_postcode(client_for, employer, full_job, page):
    content = page(client_for(employer), full_job)

    assert "NE2 1AA" not in content
    assert "NE1 4ST" not in content
    assert not FULL_POSTCODE.search(re.sub(r"<[^>]+>", " ", content))


@pytest.mark.parametrize("page", [description, advert])
def test_printable_pages_have_a_print_button_and_work_without_javascript(
    client_for, employer, full_job, page
):
    content = page(client_for(employer), full_job)

    assert 'id="print-page" hidden>Print this page</button>' in content
    assert "use your browser’s Print command" in content
    assert '<script nonce="' in content
    assert 'class="pahub-no-print"' in content


def test_the_advert_is_short_names_no_employer_and_says_where_to_apply(
    client_for, employer, full_job
):
    content = advert(client_for(employer), full_job)
    main = re.search(r"<main.*?</main>", content, re.S).group(0)
    words = re.sub(r"<[^>]+>", " ", main)
    words = re.sub(r"Back to the job|To print,.*?not printed\.|Print this page", " ", words)

    assert "Amira" not in main
    assert "Khan" not in main
    assert "NE2, Newcastle upon Tyne" in main
    assert "Apply on PA Hub" in main
    assert f"http://testserver/jobs/{full_job.pk}/" in main
    assert len(words.split()) <= 170


def test_a_job_posted_by_staff_says_so_on_both_pages(client_for, helping_staff, employer_profile):
    job = job_create_draft(employer=employer_profile.user, by=helping_staff, title="Days out PA")
    client = client_for(helping_staff)

    for page in (description, advert):
        assert "Posted by Newcastle Independent Living for the employer" in page(client, job)


def test_a_long_description_is_cut_for_the_advert():
    long = " ".join(f"word{number}" for number in range(100))

    cut = advert_summary(long)

    assert len(cut.split()) == 45
    assert cut.endswith("word44…")
    assert advert_summary("Short and sweet.") == "Short and sweet."


def test_an_unpublished_advert_warns_the_link_works_once_published(client_for, employer, draft_job):
    assert "the link works once it is published" in advert(client_for(employer), draft_job)


def test_a_draft_with_few_answers_still_prints(client_for, employer_profile):
    job = job_create_draft(employer=employer_profile.user, by=employer_profile.user, title="PA")
    job_update(job=job, changes={"description": "Help at home."}, by=employer_profile.user)
    client = client_for(employer_profile.user)

    assert "Not chosen yet." in description(client, job)
    assert "Help at home." in advert(client, job)
