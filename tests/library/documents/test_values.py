"""What PA Hub fills in for a job: its own data, the holiday worked out, the district only
unless an address is typed, the PA's name only once hired, and blanks for the rest."""

from datetime import date
from decimal import Decimal

from pahub.jobs.models import Job
from pahub.library.documents.filling import filled_html, filled_markdown, literal
from pahub.library.documents.queries import load_job_for_documents
from pahub.library.documents.sources import load_template
from pahub.library.documents.values import values_for_job, with_typed
from pahub.register.availability import mask_from_keys
from tests.factories import make_job

TODAY = date(2026, 12, 4)


def values(job) -> dict[str, str]:
    return values_for_job(load_job_for_documents(job), today=TODAY)


def test_a_hired_job_gives_every_value_pa_hub_holds(hired_job):
    filled = values(hired_job)
    assert filled["employer_name"] == "Amira Khan"
    assert filled["pa_name"] == "Jordan Reed"
    assert filled["job_title"] == "Morning PA for a busy mum"
    assert filled["hours_per_week"] == "15"
    assert filled["hourly_pay"] == "£13.50"
    assert filled["weekly_pay"] == "£202.50"
    assert filled["working_days"] == "Monday to Friday"
    assert filled["working_times"].splitlines()[0] == "Monday: early morning (6am to 9am)"
    assert filled["start_date"] == "4 January 2027"
    assert filled["place_of_work"] == "Newcastle upon Tyne (NE1)"
    assert filled["dbs_check"] == "Enhanced with adults' barred list"
    assert len(filled["duties"].splitlines()) == 2
    assert filled["holiday_entitlement"].startswith("28 days (84 hours) a year")
    assert filled["document_date"] == "4 December 2026"


def test_an_open_job_has_no_pa_name_yet(open_job):
    assert "pa_name" not in values(open_job)


def test_a_cover_job_has_irregular_hours_holiday(employer_profile):
    job = make_job(employer_profile.user, kind=Job.Kind.COVER)
    assert values(job)["holiday_entitlement"].startswith("12.07% of the hours worked")


def test_three_days_a_week_give_16_point_8_days(employer_profile):
    job = make_job(
        employer_profile.user,
        hours_grid=mask_from_keys(["monday_morning", "wednesday_morning", "friday_morning"]),
        hours_per_week=Decimal("9"),
    )
    filled = values(job)
    assert filled["working_days"] == "Monday, Wednesday and Friday"
    # 5.6 x 3 = 16.8 days of 3 hours each: 50.4 hours.
    assert filled["holiday_entitlement"].startswith("16.8 days (50.4 hours) a year")


def test_missing_values_stay_labelled_blanks(draft_job):
    Job.objects.filter(pk=draft_job.pk).update(hourly_pay=None, start_date=None, hours_grid=0)
    filled = values(draft_job)
    assert "hourly_pay" not in filled and "start_date" not in filled
    text = filled_markdown(load_template("contract-of-employment"), filled)
    assert "[hourly pay] an hour" in text
    assert "[start date]" in text


def test_a_typed_address_replaces_the_district_for_that_document_only(hired_job):
    filled = values(hired_job)
    typed = with_typed(filled, {"place_of_work": "12 Grey Street, Newcastle NE1 6AE"})
    assert typed["place_of_work"] == "12 Grey Street, Newcastle NE1 6AE"
    assert filled["place_of_work"] == "Newcastle upon Tyne (NE1)"


def test_typing_never_replaces_the_jobs_own_facts(hired_job):
    typed = with_typed(values(hired_job), {"hourly_pay": "£1", "pay_day": "Friday"})
    assert typed["hourly_pay"] == "£13.50"
    assert typed["pay_day"] == "Friday"


def test_values_cannot_become_markdown_or_html(hired_job):
    template = load_template("job-advert")
    hostile = {"employer_name": "[Click](javascript:alert(1)) *bold* <script>x</script>"}
    html = filled_html(filled_markdown(template, with_typed(values(hired_job), hostile)))
    assert "<script>" not in html
    assert 'href="javascript' not in html
    assert "<em>bold</em>" not in html
    assert literal("a*b") == "a\\*b"


def test_the_values_take_few_queries(hired_job, django_assert_max_num_queries):
    job = load_job_for_documents(hired_job)
    with django_assert_max_num_queries(2):
        values_for_job(job, today=TODAY)
