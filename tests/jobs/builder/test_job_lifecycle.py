"""jobs.services: legal status changes only, each audited; publishing re-checks everything;
the minimum wage table and the hours a week the grid can hold."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.builder.rules import (
    PART_HOURS,
    JobInputError,
    JobNotReady,
    JobStateError,
    check_pay_is_lawful,
    job_problems,
    most_hours_in,
    posted_by_line,
)
from pahub.jobs.models import Job
from pahub.jobs.services import (
    job_close,
    job_create_draft,
    job_delete_draft,
    job_mark_filled,
    job_pause,
    job_publish,
    job_reopen,
    job_resume,
    job_update,
    job_update_step,
)
from pahub.register.availability import PARTS, mask_from_keys
from tests.factories import make_job

SOON = timezone.localdate() + timedelta(days=14)


def audited(job: Job) -> list[str]:
    events = AuditEvent.objects.filter(target_type="jobs.job", target_id=str(job.pk))
    return list(events.order_by("pk").values_list("action", flat=True))


# The minimum wage table


@pytest.mark.parametrize(
    ("day", "apprentice", "rate", "year"),
    [
        (date(2025, 4, 1), False, "12.21", "2025/26"),
        (date(2026, 3, 31), False, "12.21", "2025/26"),
        (date(2026, 4, 1), False, "12.71", "2026/27"),
        (date(2027, 3, 31), False, "12.71", "2026/27"),
        (date(2026, 3, 31), True, "7.55", "2025/26"),
        (date(2026, 4, 1), True, "8.00", "2026/27"),
    ],
)
def test_the_minimum_changes_on_1_april(db, day, apprentice, rate, year):
    minimum = minimum_pay_on(day, is_apprenticeship=apprentice)

    assert (str(minimum.hourly_rate), minimum.tax_year) == (rate, year)
    assert f"£{rate} an hour is the legal minimum" in minimum.explain()
    assert "Source: GOV.UK" in minimum.explain()


def test_a_year_not_yet_in_the_table_uses_the_latest_rates(db):
    assert str(minimum_pay_on(date(2028, 6, 1)).hourly_rate) == "12.71"


def test_pay_lawful_in_march_2026_is_unlawful_from_april_2026(db):
    check_pay_is_lawful(Decimal("12.50"), on=date(2026, 3, 31), is_apprenticeship=False)

    with pytest.raises(JobInputError) as refused:
        check_pay_is_lawful(Decimal("12.50"), on=date(2026, 4, 1), is_apprenticeship=False)

    assert refused.value.field == "hourly_pay"
    assert "£12.71 an hour" in refused.value.message
    assert "1 April 2026" in refused.value.message
    assert "National Living Wage (21 and over)" in refused.value.message


def test_publishing_checks_the_pay_against_the_start_dates_tax_year(employer_profile):
    """Seen from 1 March 2026: a job starting 31 March may pay £12.50; one starting on
    1 April may not."""
    march = make_job(
        employer_profile.user,
        status="draft",
        start_date=date(2026, 3, 31),
        hourly_pay=Decimal("12.50"),
    )
    april = make_job(
        employer_profile.user,
        status="draft",
        start_date=date(2026, 4, 1),
        hourly_pay=Decimal("12.50"),
    )

    job_publish(job=march, by=employer_profile.user, today=date(2026, 3, 1))
    with pytest.raises(JobNotReady) as refused:
        job_publish(job=april, by=employer_profile.user, today=date(2026, 3, 1))

    assert march.status == Job.Status.PUBLISHED
    assert [problem.step for problem in refused.value.problems] == ["pay"]
    assert "£12.71" in refused.value.problems[0].message
    assert Job.objects.get(pk=april.pk).status == Job.Status.DRAFT


def test_resuming_a_job_whose_pay_fell_below_a_new_minimum_is_refused(employer_profile):
    job = make_job(
        employer_profile.user,
        status="paused",
        start_date=date(2026, 1, 5),
        hourly_pay=Decimal("12.50"),
    )

    with pytest.raises(JobNotReady) as refused:
        job_resume(job=job, by=employer_profile.user, today=date(2026, 4, 2))
    job_resume(job=job, by=employer_profile.user, today=date(2026, 3, 2))

    assert "£12.71" in str(refused.value)
    assert job.status == Job.Status.PUBLISHED


# Hours


def test_every_part_of_the_day_has_a_length():
    assert set(PART_HOURS) == {key for key, _, _ in PARTS}


@pytest.mark.parametrize(
    ("slots", "hours"),
    [
        ([], 0),
        (["monday_early"], 3),
        (["monday_morning", "monday_afternoon", "monday_evening"], 13),
        (["monday_night"], 8),
        (["monday_night", "monday_sleep_in"], 8),
        (["monday_night", "tuesday_sleep_in"], 16),
    ],
)
def test_the_most_hours_a_grid_can_hold(slots, hours):
    assert most_hours_in(mask_from_keys(slots)) == Decimal(hours)


def test_a_full_week_holds_a_hundred_and_sixty_eight_hours():
    every_slot = [f"{day}_{part}" for day in ("monday",) for part, _, _ in PARTS]
    one_day = most_hours_in(mask_from_keys(every_slot))
    assert one_day == 24
    assert most_hours_in((1 << 42) - 1) == 168


# Creating and answering


def test_a_draft_needs_an_employer_profile(employer):
    from pahub.jobs.builder.rules import EmployerProfileMissing

    with pytest.raises(EmployerProfileMissing):
        job_create_draft(employer=employer, by=employer, title="Morning PA")
    assert not Job.objects.exists()


def test_staff_posting_for_an_employer_is_recorded_and_said(
    employer_profile, helping_staff, organisation
):
    job = job_create_draft(employer=employer_profile.user, by=helping_staff, title="Days out PA")

    assert (job.posted_by, job.posted_by_organisation) == (helping_staff, organisation)
    assert posted_by_line(job) == "Posted by Newcastle Independent Living for the employer"
    event = AuditEvent.objects.get(action="job.created")
    assert (event.actor, event.detail["organisation"]) == (helping_staff, organisation.name)


def test_a_representative_posting_is_not_said_to_be_an_organisation(
    employer_profile, representative
):
    job = job_create_draft(employer=employer_profile.user, by=representative, title="Days out PA")

    assert (job.posted_by, job.posted_by_organisation) == (representative, None)
    assert posted_by_line(job) is None


def test_a_step_may_only_answer_its_own_questions(draft_job, employer):
    with pytest.raises(ValueError, match="does not answer"):
        job_update_step(job=draft_job, step="title", data={"hourly_pay": "1"}, by=employer)


def test_a_broken_rule_saves_nothing_at_all(draft_job, employer):
    with pytest.raises(JobInputError):
        job_update(
            job=draft_job,
            changes={
                "title": "New title",
                "hours_grid": mask_from_keys(["monday_early"]),
                "hours_per_week": Decimal("4"),
            },
            by=employer,
        )

    fresh = Job.objects.get(pk=draft_job.pk)
    assert (fresh.title, fresh.hours_per_week) == ("Evening PA", Decimal("15"))
    assert audited(draft_job) == []


def test_changing_only_the_reason_keeps_a_saved_gender_requirement(draft_job, employer):
    job_update(
        job=draft_job,
        changes={
            "required_gender": "woman",
            "gender_reason": "Washing.",
            "includes_intimate_care": True,
        },
        by=employer,
    )

    job_update(job=draft_job, changes={"gender_reason": "Washing and dressing."}, by=employer)

    draft_job.refresh_from_db()
    assert (draft_job.required_gender, draft_job.gender_reason) == (
        "woman",
        "Washing and dressing.",
    )


def test_the_dbs_rank_follows_the_dbs_level(draft_job, employer):
    job_update(job=draft_job, changes={"required_dbs": "enhanced_adults"}, by=employer)

    assert Job.objects.get(pk=draft_job.pk).required_dbs_rank == 4


# Publishing


def test_a_draft_cannot_be_published_incomplete_and_says_which_steps_are_missing(
    employer_profile,
):
    job = job_create_draft(employer=employer_profile.user, by=employer_profile.user, title="PA")

    with pytest.raises(JobNotReady) as refused:
        job_publish(job=job, by=employer_profile.user)

    assert [problem.step for problem in refused.value.problems] == [
        "description",
        "tasks",
        "hours",
        "start",
        "pay",
    ]
    assert "What the job is about: not answered yet" in str(refused.value)
    assert Job.objects.get(pk=job.pk).status == Job.Status.DRAFT


def test_a_draft_whose_start_date_has_passed_cannot_be_published(employer_profile):
    job = make_job(
        employer_profile.user, status="draft", start_date=timezone.localdate() - timedelta(days=1)
    )

    with pytest.raises(JobNotReady) as refused:
        job_publish(job=job, by=employer_profile.user)

    assert [(p.step, p.message) for p in refused.value.problems] == [
        ("start", "The start date must be today or in the future")
    ]


def test_publishing_sets_the_dbs_rank_and_the_time(employer_profile):
    job = make_job(employer_profile.user, status="draft", required_dbs="standard", start_date=SOON)

    job_publish(job=job, by=employer_profile.user)

    fresh = Job.objects.get(pk=job.pk)
    assert (fresh.status, fresh.required_dbs_rank) == (Job.Status.PUBLISHED, 2)
    assert fresh.published_at is not None
    assert audited(job) == ["job.published"]


def test_job_problems_is_empty_for_a_complete_lawful_draft(employer_profile):
    job = make_job(employer_profile.user, status="draft", start_date=SOON)

    assert job_problems(job) == []


# Status changes: legal ones, and every illegal one refused


def test_the_whole_life_of_a_job_is_audited(employer_profile, pa):
    employer = employer_profile.user
    job = make_job(employer, status="draft", start_date=SOON)

    job_publish(job=job, by=employer)
    job_pause(job=job, by=employer)
    job_resume(job=job, by=employer)
    job_close(job=job, by=employer, reason="found_elsewhere")
    assert job.closed_at is not None
    job_reopen(job=job, by=employer)
    assert job.closed_at is None
    job_mark_filled(job=job, pa=pa, by=employer)

    fresh = Job.objects.get(pk=job.pk)
    assert (fresh.status, fresh.hired_pa) == (Job.Status.FILLED, pa)
    assert fresh.closed_at is not None
    assert audited(job) == [
        "job.published",
        "job.paused",
        "job.resumed",
        "job.closed",
        "job.reopened",
        "job.filled",
    ]
    close = AuditEvent.objects.get(action="job.closed")
    assert close.detail["reason"] == "found_elsewhere"


ILLEGAL = {
    "draft": [job_pause, job_resume, job_close, job_reopen],
    "published": [job_publish, job_resume, job_reopen, job_delete_draft],
    "paused": [job_publish, job_pause, job_reopen, job_delete_draft],
    "closed": [job_publish, job_pause, job_resume, job_close, job_delete_draft],
    "filled": [job_publish, job_pause, job_resume, job_close, job_reopen, job_delete_draft],
}


@pytest.mark.parametrize(
    ("status", "action"),
    [(status, action) for status, actions in ILLEGAL.items() for action in actions],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_an_illegal_status_change_is_refused_and_changes_nothing(employer_profile, status, action):
    job = make_job(employer_profile.user, status=status, start_date=SOON)

    with pytest.raises(JobStateError):
        action(job=job, by=employer_profile.user)

    assert Job.objects.get(pk=job.pk).status == status
    assert audited(job) == []


@pytest.mark.parametrize("status", ["draft", "filled"])
def test_only_an_advertised_job_can_be_filled(employer_profile, pa, status):
    job = make_job(employer_profile.user, status=status)

    with pytest.raises(JobStateError):
        job_mark_filled(job=job, pa=pa, by=employer_profile.user)


@pytest.mark.parametrize("status", ["published", "paused", "closed"])
def test_an_advertised_job_can_be_filled(employer_profile, pa, status):
    job = make_job(employer_profile.user, status=status)

    job_mark_filled(job=job, pa=pa, by=employer_profile.user)

    assert Job.objects.get(pk=job.pk).hired_pa == pa


def test_the_employer_cannot_be_hired_for_their_own_job(employer_profile, open_job):
    with pytest.raises(JobStateError):
        job_mark_filled(job=open_job, pa=employer_profile.user, by=employer_profile.user)


def test_a_draft_can_be_deleted_and_the_deletion_is_audited(employer, draft_job):
    job_id = draft_job.pk

    job_delete_draft(job=draft_job, by=employer)

    assert not Job.objects.filter(pk=job_id).exists()
    event = AuditEvent.objects.get(action="job.deleted")
    assert (event.target_id, event.detail["title"]) == (str(job_id), "Evening PA")


def test_a_closed_job_cannot_be_changed(employer_profile):
    job = make_job(employer_profile.user, status="closed")

    with pytest.raises(JobStateError):
        job_update(job=job, changes={"title": "New"}, by=employer_profile.user)


def test_a_stale_copy_cannot_undo_a_status_change(employer_profile):
    """Two tabs: one closes the job, the other (still showing it open) tries to pause it."""
    job = make_job(employer_profile.user)
    stale = Job.objects.get(pk=job.pk)
    job_close(job=job, by=employer_profile.user)

    with pytest.raises(JobStateError):
        job_pause(job=stale, by=employer_profile.user)

    assert Job.objects.get(pk=job.pk).status == Job.Status.CLOSED
