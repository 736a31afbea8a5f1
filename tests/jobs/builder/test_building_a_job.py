"""An employer builds a job one question at a time, can stop and come back, checks the
answers and publishes; nothing is lost along the way."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.jobs.builder.forms import BUILDER_STEPS
from pahub.jobs.builder.rules import STEP_FIELDS
from pahub.jobs.models import Job
from pahub.register.availability import mask_from_keys
from pahub.taxonomy.models import Interest, Language, Skill


def step_url(job: Job, step: str) -> str:
    return reverse("employer:job_step", kwargs={"job_id": job.pk, "step": step})


def start_date():
    return timezone.localdate() + timedelta(days=30)


def answers() -> dict[str, dict]:
    """A good answer to every step after the title."""
    day = start_date()
    washing = Skill.objects.get(code="personal_care.washing_bathing").pk
    dressing = Skill.objects.get(code="personal_care.dressing").pk
    return {
        "description": {"description": "Help getting up and out to the allotment."},
        "tasks": {"tasks": [washing, dressing]},
        "hours": {
            "hours_grid": ["monday_early", "tuesday_early", "saturday_afternoon"],
            "hours_per_week": "10.5",
        },
        "start": {
            "start_date_day": str(day.day),
            "start_date_month": str(day.month),
            "start_date_year": str(day.year),
        },
        "kind": {"kind": "regular"},
        "where": {"district": "ne2"},
        "pay": {"hourly_pay": "£13.75", "is_apprenticeship": "no"},
        "must_haves": {
            "required_dbs": "enhanced",
            "requires_driver": "yes",
            "required_language": Language.objects.get(code="bfi").pk,
            "required_skills": [dressing],
        },
        "gender": {
            "required_gender": "woman",
            "includes_intimate_care": "on",
            "gender_reason": "Help with washing and using the toilet.",
        },
        "nice_to_haves": {
            "nice_interests": [Interest.objects.get(name="Gardening").pk],
            "nice_years_experience": "2",
            "nice_skills": [Skill.objects.get(code="mobility.hoist").pk],
        },
    }


def test_the_builder_steps_are_the_services_steps_in_the_same_order():
    assert [step.name for step in BUILDER_STEPS] == list(STEP_FIELDS)


def test_an_employer_builds_and_publishes_a_job_step_by_step(client_for, employer_profile):
    client = client_for(employer_profile.user)
    response = client.post(
        reverse("employer:job_new", args=[employer_profile.user.pk]),
        {"title": "Morning PA", "then": "continue"},
    )
    job = Job.objects.get()
    assert response.url == step_url(job, "description")
    names = [step.name for step in BUILDER_STEPS]

    for position, (step, data) in enumerate(answers().items(), start=1):
        response = client.post(step_url(job, step), {**data, "then": "continue"})

        assert response.status_code == 302, (step, response.context["form"].errors)
        if position + 1 < len(names):
            assert response.url == step_url(job, names[position + 1])
        else:
            assert response.url == reverse("employer:job_check", args=[job.pk])

    check = client.get(reverse("employer:job_check", args=[job.pk]))
    assert check.status_code == 200
    assert "Publish the job" in check.content.decode()
    published = client.post(reverse("employer:job_publish", args=[job.pk]))

    assert published.url == reverse("employer:job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.PUBLISHED
    assert job.published_at is not None
    assert job.completed_steps == names
    assert job.hours_grid == mask_from_keys(["monday_early", "tuesday_early", "saturday_afternoon"])
    assert job.hours_per_week == Decimal("10.5")
    assert job.start_date == start_date()
    assert job.hourly_pay == Decimal("13.75")
    assert (job.district_id, job.local_authority.name) == ("NE2", "Newcastle upon Tyne")
    assert (job.required_dbs, job.required_dbs_rank) == ("enhanced", 3)
    assert job.requires_driver is True
    assert job.required_language.code == "bfi"
    assert (job.required_gender, job.gender_reason) == (
        "woman",
        "Help with washing and using the toilet.",
    )
    assert list(job.required_skills.values_list("code", flat=True)) == ["personal_care.dressing"]
    assert list(job.nice_interests.values_list("name", flat=True)) == ["Gardening"]
    assert job.nice_years_experience == 2
    assert list(job.nice_skills.values_list("code", flat=True)) == ["mobility.hoist"]
    assert job.posted_by == employer_profile.user
    assert job.posted_by_organisation is None
    events = AuditEvent.objects.filter(target_type="jobs.job", target_id=str(job.pk))
    actions = list(events.order_by("pk").values_list("action", flat=True))
    assert actions[0] == "job.created"
    assert actions[-1] == "job.published"


def test_a_new_job_is_placed_in_the_employers_district(client_for, employer_profile):
    client_for(employer_profile.user).post(
        reverse("employer:job_new", args=[employer_profile.user.pk]),
        {"title": "Evening PA", "then": "later"},
    )

    job = Job.objects.get()
    assert (job.district_id, job.local_authority_id) == ("NE1", employer_profile.local_authority_id)
    assert job.status == Job.Status.DRAFT
    assert job.completed_steps == ["title"]


def test_without_an_employer_profile_the_builder_sends_them_to_set_one_up(client_for, employer):
    response = client_for(employer).get(reverse("employer:job_new", args=[employer.pk]))

    assert response.url == reverse("employer:profile", args=[employer.pk])
    assert not Job.objects.exists()


def test_save_and_come_back_later_keeps_the_answer_and_returns_to_the_job(
    client_for, employer, draft_job
):
    client = client_for(employer)

    response = client.post(
        step_url(draft_job, "description"),
        {"description": "Cooking and a chat.", "then": "later"},
    )

    assert response.url == reverse("employer:job", args=[draft_job.pk])
    draft_job.refresh_from_db()
    assert draft_job.description == "Cooking and a chat."
    page = client.get(response.url).content.decode()
    assert "Your answers have been saved." in page


def test_coming_back_shows_every_answer_given_before(client_for, employer, draft_job):
    client = client_for(employer)
    for step, data in answers().items():
        response = client.post(step_url(draft_job, step), {**data, "then": "later"})
        assert response.status_code == 302, (step, response.context["form"].errors)

    later = client_for(employer)
    pages = {
        step.name: later.get(step_url(draft_job, step.name)).content.decode()
        for step in BUILDER_STEPS
    }

    assert 'value="Evening PA"' in pages["title"]
    assert "Help getting up and out to the allotment.</textarea>" in pages["description"]
    dressing = Skill.objects.get(code="personal_care.dressing").pk
    assert f'value="{dressing}" checked' in pages["tasks"]
    assert 'value="monday_early" checked' in pages["hours"]
    assert 'value="sunday_early" checked' not in pages["hours"]
    assert 'value="10.5"' in pages["hours"]
    assert f'value="{start_date().year}"' in pages["start"]
    assert 'value="regular" checked' in pages["kind"]
    assert 'value="NE2"' in pages["where"]
    assert 'value="13.75"' in pages["pay"]
    assert 'value="enhanced" checked' in pages["must_haves"]
    assert f'value="{dressing}" checked' in pages["must_haves"]
    assert 'value="woman" checked' in pages["gender"]
    assert "Help with washing and using the toilet.</textarea>" in pages["gender"]
    gardening = Interest.objects.get(name="Gardening").pk
    assert f'value="{gardening}" checked' in pages["nice_to_haves"]
    assert 'value="2"' in pages["nice_to_haves"]


def test_the_job_page_lists_each_step_as_completed_or_not_in_words(client_for, employer, draft_job):
    content = client_for(employer).get(reverse("employer:job", args=[draft_job.pk])).content
    content = content.decode()

    assert content.count("Completed") == len(draft_job.completed_steps)
    assert "Not started (optional)" in content
    assert "Check your answers and publish" in content


def test_the_hours_step_reuses_the_weekly_grid_with_a_label_for_every_cell(
    client_for, employer, draft_job
):
    content = client_for(employer).get(step_url(draft_job, "hours")).content.decode()

    assert content.count('type="checkbox"') == 42
    # Read as "Monday early morning" in both the table and the narrow per-day layout.
    assert (
        '<span class="govuk-visually-hidden">Monday </span>'
        '<span class="pahub-week-grid__part">early morning</span>'
    ) in content
    assert (
        '<span class="govuk-visually-hidden">Sunday </span>'
        '<span class="pahub-week-grid__part">sleep-in</span>'
    ) in content


def test_tasks_are_grouped_by_category_with_descriptions_as_hints(client_for, employer, draft_job):
    content = client_for(employer).get(step_url(draft_job, "tasks")).content.decode()

    assert '<h2 class="govuk-fieldset__heading">Personal care</h2>' in content
    hoist = Skill.objects.get(code="mobility.hoist")
    assert hoist.description.replace("'", "&#x27;") in content
    assert "govuk-checkboxes__hint" in content


def test_the_pay_page_says_the_legal_minimum_and_its_source(client_for, employer, draft_job):
    content = client_for(employer).get(step_url(draft_job, "pay")).content.decode()

    assert "£12.71 an hour" in content
    assert "National Minimum Wage and National Living Wage rates" in content
    assert "never asks anyone’s age" in content


def test_an_unknown_step_is_not_found(client_for, employer, draft_job):
    assert client_for(employer).get(step_url(draft_job, "age")).status_code == 404


def test_editing_an_open_job_saves_and_returns_to_its_page(client_for, employer, open_job):
    client = client_for(employer)

    response = client.post(
        step_url(open_job, "title"), {"title": "Morning PA, school days", "then": "later"}
    )

    assert response.url == reverse("employer:job", args=[open_job.pk])
    open_job.refresh_from_db()
    assert (open_job.title, open_job.status) == ("Morning PA, school days", "published")


@pytest.mark.parametrize("status", ["closed", "filled"])
def test_a_closed_or_filled_job_cannot_be_changed(client_for, employer, employer_profile, status):
    from tests.factories import make_job

    job = make_job(employer, status=status)

    response = client_for(employer).post(step_url(job, "title"), {"title": "Changed"})

    assert response.url == reverse("employer:job", args=[job.pk])
    job.refresh_from_db()
    assert job.title == "Morning PA for a busy mum"


def test_change_links_from_check_your_answers_come_back_to_it(client_for, employer, draft_job):
    client = client_for(employer)
    check = client.get(reverse("employer:job_check", args=[draft_job.pk])).content.decode()
    assert f"{step_url(draft_job, 'pay')}?from=check" in check

    page = client.get(f"{step_url(draft_job, 'pay')}?from=check").content.decode()
    response = client.post(
        step_url(draft_job, "pay"), {"hourly_pay": "14", "is_apprenticeship": "no", "then": "check"}
    )

    assert "Save and return to check your answers" in page
    assert response.url == reverse("employer:job_check", args=[draft_job.pk])


def test_the_optional_must_haves_step_sent_untouched_saves_no_must_haves(
    client_for, employer_profile
):
    """The step says "Optional": sending it as it came must save "no must-haves" and move on,
    never ask for an answer."""
    from tests.factories import make_job

    job = make_job(employer_profile.user, status="draft", completed_steps=[])
    client = client_for(employer_profile.user)

    response = client.post(step_url(job, "must_haves"), {"then": "continue"})

    assert response.status_code == 302, response.context["form"].errors
    assert response.url == step_url(job, "gender")
    job.refresh_from_db()
    assert "must_haves" in job.completed_steps
    assert (job.required_dbs, job.requires_driver, job.required_language) == ("", False, None)
    assert not job.required_skills.exists()
