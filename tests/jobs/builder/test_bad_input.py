"""Bad answers on the builder: a clear message next to the question, on the same page,
with what was typed kept, and nothing saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.core.text_rules import ONE_LINE_MESSAGE
from pahub.jobs.models import Job
from tests.hostile import BAD_LONG_TEXT, BAD_ONE_LINE, HOSTILE_NUMBERS


def step_url(job: Job, step: str) -> str:
    return reverse("employer:job_step", kwargs={"job_id": job.pk, "step": step})


def post(client, job: Job, step: str, data: dict):
    return client.post(step_url(job, step), {**data, "then": "continue"})


def snapshot(job: Job) -> dict:
    fresh = Job.objects.get(pk=job.pk)
    return {
        "fields": {
            field.attname: getattr(fresh, field.attname)
            for field in Job._meta.concrete_fields
            if field.attname != "updated_at"
        },
        "tasks": set(fresh.tasks.values_list("pk", flat=True)),
    }


def date_parts(day) -> dict:
    return {
        "start_date_day": str(day.day),
        "start_date_month": str(day.month),
        "start_date_year": str(day.year),
    }


def assert_error_shown(response, message: str, *, kept: list[str]) -> None:
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert content.count(message) >= 2, "in the error summary and next to the question"
    assert "govuk-form-group--error" in content
    assert "<title>Error: " in content
    for value in kept:
        assert value in content, value


def test_pay_below_the_minimum_quotes_the_figure_and_its_source(client_for, employer, draft_job):
    before = snapshot(draft_job)

    response = post(
        client_for(employer), draft_job, "pay", {"hourly_pay": "11.50", "is_apprenticeship": "no"}
    )

    message = "The pay must be at least £12.71 an hour for a job starting on 4 January 2027."
    assert_error_shown(response, message, kept=['value="11.50"', 'value="no" checked'])
    content = response.content.decode()
    assert "National Living Wage (21 and over)" in content
    assert "GOV.UK, &quot;National Minimum Wage and National Living Wage rates&quot;" in content
    assert "does not ask anyone&#x27;s age" in content
    assert snapshot(draft_job) == before


def test_an_apprenticeship_may_pay_the_apprentice_rate_but_no_less(client_for, employer, draft_job):
    client = client_for(employer)

    too_low = post(client, draft_job, "pay", {"hourly_pay": "7.99", "is_apprenticeship": "yes"})
    lawful = post(client, draft_job, "pay", {"hourly_pay": "8.00", "is_apprenticeship": "yes"})

    assert_error_shown(too_low, "at least £8.00 an hour", kept=['value="7.99"'])
    assert lawful.status_code == 302
    draft_job.refresh_from_db()
    assert (str(draft_job.hourly_pay), draft_job.is_apprenticeship) == ("8.00", True)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "Enter the hourly pay as an amount in pounds, like 13.50"),
        ("0", "The hourly pay must be more than £0"),
        ("13.505", "Enter the hourly pay in pounds and pence, like 13.50"),
        ("1000", "The hourly pay must be £999.99 or less"),
        ("", "Enter the hourly pay"),
    ],
)
def test_pay_that_is_not_an_amount_is_refused(client_for, employer, draft_job, typed, message):
    response = post(
        client_for(employer), draft_job, "pay", {"hourly_pay": typed, "is_apprenticeship": "no"}
    )

    assert_error_shown(response, message, kept=[f'value="{typed}"' if typed else ""])


def test_zero_hours_a_week_is_refused(client_for, employer, draft_job):
    before = snapshot(draft_job)

    response = post(
        client_for(employer),
        draft_job,
        "hours",
        {"hours_grid": ["monday_morning", "friday_evening"], "hours_per_week": "0"},
    )

    assert_error_shown(
        response,
        "The hours per week must be more than 0",
        kept=['value="monday_morning" checked', 'value="friday_evening" checked', 'value="0"'],
    )
    assert snapshot(draft_job) == before


def test_more_hours_than_the_ticked_times_can_hold_is_refused(client_for, employer, draft_job):
    # Monday morning (3 hours) and Friday evening (5 hours) hold 8 hours a week.
    response = post(
        client_for(employer),
        draft_job,
        "hours",
        {"hours_grid": ["monday_morning", "friday_evening"], "hours_per_week": "9"},
    )

    assert_error_shown(
        response,
        "9 hours is more than the times you ticked can hold (8 hours a week)",
        kept=['value="9"', 'value="monday_morning" checked'],
    )


def test_no_times_ticked_is_refused(client_for, employer, draft_job):
    response = post(client_for(employer), draft_job, "hours", {"hours_per_week": "12"})

    assert_error_shown(
        response,
        "Select at least one time in the week when the PA will work",
        kept=['value="12"'],
    )
    assert 'href="#id_hours_grid_0"' in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("lots", "Enter the hours per week as a number, like 15 or 7.5"), ("", "Enter the total")],
)
def test_hours_that_are_not_a_number_are_refused(client_for, employer, draft_job, typed, message):
    response = post(
        client_for(employer),
        draft_job,
        "hours",
        {"hours_grid": ["monday_morning"], "hours_per_week": typed},
    )

    assert_error_shown(response, message, kept=['value="monday_morning" checked'])


def test_a_start_date_in_the_past_is_refused(client_for, employer, draft_job):
    yesterday = timezone.localdate() - timedelta(days=1)
    before = snapshot(draft_job)

    response = post(client_for(employer), draft_job, "start", date_parts(yesterday))

    assert_error_shown(
        response,
        "The start date must be today or in the future",
        kept=[f'value="{yesterday.year}"', f'value="{yesterday.day}"'],
    )
    assert snapshot(draft_job) == before


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"start_date_day": "31", "start_date_month": "2", "start_date_year": "2027"}, "real date"),
        ({"start_date_day": "4", "start_date_month": "1", "start_date_year": ""}, "a year"),
        ({}, "Enter the date the job starts"),
    ],
)
def test_a_start_date_that_is_not_a_date_is_refused(
    client_for, employer, draft_job, parts, message
):
    response = post(client_for(employer), draft_job, "start", parts)

    assert_error_shown(response, message, kept=list(f'value="{v}"' for v in parts.values() if v))


def test_a_start_date_years_ahead_is_taken_for_a_typing_slip(client_for, employer, draft_job):
    far = timezone.localdate().replace(year=timezone.localdate().year + 30)

    response = post(client_for(employer), draft_job, "start", date_parts(far))

    assert_error_shown(response, "The start date must be within the next 2 years", kept=[])


def test_a_gender_requirement_without_the_personal_care_tick_is_refused(
    client_for, employer, draft_job
):
    before = snapshot(draft_job)

    response = post(
        client_for(employer),
        draft_job,
        "gender",
        {"required_gender": "woman", "gender_reason": "I would prefer a woman."},
    )

    assert_error_shown(
        response,
        "You can only ask for a woman or a man if the job includes intimate personal care",
        kept=['value="woman" checked', "I would prefer a woman.</textarea>"],
    )
    assert snapshot(draft_job) == before


def test_a_gender_requirement_without_a_reason_is_refused(client_for, employer, draft_job):
    response = post(
        client_for(employer),
        draft_job,
        "gender",
        {"required_gender": "man", "includes_intimate_care": "on", "gender_reason": "  "},
    )

    assert_error_shown(
        response,
        "Say in your own words why the job needs a woman or a man",
        kept=[
            'value="man" checked',
            'name="includes_intimate_care" class="govuk-checkboxes__input"',
        ],
    )
    assert Job.objects.get(pk=draft_job.pk).required_gender == ""


def test_choosing_no_gender_clears_any_reason(client_for, employer, draft_job):
    client = client_for(employer)
    post(
        client,
        draft_job,
        "gender",
        {"required_gender": "woman", "includes_intimate_care": "on", "gender_reason": "Washing."},
    )

    post(client, draft_job, "gender", {"required_gender": "", "gender_reason": "Washing."})

    draft_job.refresh_from_db()
    assert (draft_job.required_gender, draft_job.gender_reason) == ("", "")
    assert "gender" in draft_job.completed_steps


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("xx1", "We do not recognise the postcode district XX1"),
        ("banana", "Enter a postcode district, like NE1 or DH1"),
        ("BN91", "BN91 is not a place people live or work"),
    ],
)
def test_a_nonsense_district_for_the_work_is_refused(
    client_for, employer, draft_job, typed, message
):
    response = post(client_for(employer), draft_job, "where", {"district": typed})

    assert_error_shown(response, message, kept=[f'value="{typed}"'])
    assert Job.objects.get(pk=draft_job.pk).district_id == "NE1"


def test_an_empty_title_or_description_is_refused(client_for, employer, draft_job):
    client = client_for(employer)

    title = post(client, draft_job, "title", {"title": "   "})
    description = post(client, draft_job, "description", {"description": ""})

    assert_error_shown(title, "Enter a title for the job", kept=[])
    assert_error_shown(description, "Say what the job is about, in your own words", kept=[])
    assert Job.objects.get(pk=draft_job.pk).title == "Evening PA"


def test_a_job_with_no_tasks_is_refused(client_for, employer, draft_job):
    response = post(client_for(employer), draft_job, "tasks", {})

    assert_error_shown(response, "Select at least one task the PA will help with", kept=[])
    assert draft_job.tasks.count() == 2


def test_too_many_years_of_experience_is_refused_with_the_rest_kept(
    client_for, employer, draft_job
):
    response = post(
        client_for(employer),
        draft_job,
        "nice_to_haves",
        {"nice_years_experience": "99", "nice_interests": []},
    )

    assert_error_shown(response, "Years of experience must be 50 or fewer", kept=['value="99"'])


def test_an_answer_that_would_make_an_open_job_unlawful_is_refused(client_for, employer, open_job):
    response = post(
        client_for(employer), open_job, "pay", {"hourly_pay": "10", "is_apprenticeship": "no"}
    )

    assert_error_shown(response, "at least £12.71 an hour", kept=['value="10"'])
    open_job.refresh_from_db()
    assert str(open_job.hourly_pay) == "13.50"


def test_hostile_hours_and_pay_are_refused_beside_the_question(client_for, employer, draft_job):
    client = client_for(employer)
    before = snapshot(draft_job)

    for typed in HOSTILE_NUMBERS:
        hours = post(
            client, draft_job, "hours", {"hours_grid": ["monday_morning"], "hours_per_week": typed}
        )
        pay = post(client, draft_job, "pay", {"hourly_pay": typed, "is_apprenticeship": "no"})

        for response in (hours, pay):
            assert response.status_code == 200, typed[:20]
            assert "govuk-form-group--error" in response.content.decode(), typed[:20]
    assert snapshot(draft_job) == before


def test_more_hours_than_a_week_holds_says_so(client_for, employer, draft_job):
    response = post(
        client_for(employer),
        draft_job,
        "hours",
        {"hours_grid": ["monday_morning"], "hours_per_week": "1e30"},
    )

    assert_error_shown(response, "The hours per week must be 168 or fewer", kept=['value="1e30"'])


def test_a_title_must_be_one_line_of_ordinary_text(client_for, employer, draft_job):
    client = client_for(employer)

    for typed in BAD_ONE_LINE:
        response = post(client, draft_job, "title", {"title": typed})

        assert response.status_code == 200
        assert "govuk-form-group--error" in response.content.decode(), repr(typed)
    assert Job.objects.get(pk=draft_job.pk).title == "Evening PA"
    line_break = post(client, draft_job, "title", {"title": "Evening\r\nPA"})
    assert_error_shown(line_break, ONE_LINE_MESSAGE, kept=[])


def test_a_description_keeps_its_line_breaks_but_not_hidden_characters(
    client_for, employer, draft_job
):
    client = client_for(employer)

    for typed in BAD_LONG_TEXT:
        response = post(client, draft_job, "description", {"description": typed})
        assert "govuk-form-group--error" in response.content.decode(), repr(typed)
    kept = post(client, draft_job, "description", {"description": "Mornings.\r\nSome evenings."})

    assert kept.status_code == 302
    assert Job.objects.get(pk=draft_job.pk).description == "Mornings.\r\nSome evenings."
