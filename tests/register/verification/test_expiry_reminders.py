"""DBS expiry reminders and lapsing levels: `manage.py run_periodic send_expiry_reminders`, the task, and
`reminders.run_daily`. Each reminder is sent once; running again does nothing new."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pahub.core.tasks import run_periodic_job
from pahub.register.models import Evidence, ExpiryReminder, PAProfile
from pahub.register.reminders import Reason, due_reminders, run_daily
from pahub.register.services import profile_recompute_level
from tests.register.verification.fixtures import (
    CERTIFICATE_NUMBER,
    make_level_two,
    today,
    verified,
)


def dbs_expiring_in(profile, days: int, **fields) -> Evidence:
    return verified(profile, Evidence.Kind.DBS, expires_on=today() + timedelta(days=days), **fields)


def reasons_due(day=None) -> list[tuple[int, str]]:
    return [(item.evidence.pk, item.reason) for item in due_reminders(day or today())]


@pytest.fixture
def run_commits(django_capture_on_commit_callbacks):
    """Run the daily job with its after-commit emails sent."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return run_daily(**kwargs)

    return run


@pytest.mark.parametrize(
    ("days_left", "reason"),
    [
        (61, None),
        (60, Reason.EXPIRES_IN_60_DAYS),
        (15, Reason.EXPIRES_IN_60_DAYS),
        (14, Reason.EXPIRES_IN_14_DAYS),
        (0, Reason.EXPIRES_IN_14_DAYS),
        (-1, Reason.EXPIRED),
        (-30, Reason.EXPIRED),
        (-31, None),
    ],
)
def test_which_reminder_is_due_depends_on_the_days_left(pa_profile, days_left, reason):
    evidence = dbs_expiring_in(pa_profile, days_left)

    assert reasons_due() == ([(evidence.pk, reason)] if reason else [])


def test_evidence_that_is_not_verified_gets_no_reminder(pa_profile):
    evidence = dbs_expiring_in(pa_profile, 10)
    evidence.status = Evidence.Status.REJECTED
    evidence.save()

    assert reasons_due() == []


def test_a_status_check_older_than_11_months_is_due_for_renewal(pa_profile):
    evidence = dbs_expiring_in(
        pa_profile,
        200,
        dbs_on_update_service=True,
        dbs_status_check_consent=True,
        status_checked_on=today() - timedelta(days=340),
        status_check_result="no_new_information",
    )
    recent = dbs_expiring_in(
        pa_profile,
        200,
        dbs_on_update_service=True,
        status_checked_on=today() - timedelta(days=300),
        status_check_result="no_new_information",
    )

    due = reasons_due()

    assert (evidence.pk, Reason.STATUS_CHECK_DUE) in due
    assert all(pk != recent.pk for pk, _ in due)


def test_each_reminder_is_emailed_once_to_the_pa_without_sensitive_details(
    pa_profile, mailoutbox, run_commits
):
    dbs_expiring_in(pa_profile, 10)

    first = run_commits()
    second = run_commits()

    assert first.sent[Reason.EXPIRES_IN_14_DAYS] == 1
    assert second.sent_total == 0
    assert second.already_sent == 1
    assert ExpiryReminder.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["pa@example.org"]
    assert "less than two weeks" in message.body
    assert CERTIFICATE_NUMBER not in message.body
    assert "/register/evidence/" in message.body


def test_the_60_and_14_day_reminders_are_each_sent_once(pa_profile, run_commits):
    evidence = dbs_expiring_in(pa_profile, 40)

    run_commits(today=today())
    run_commits(today=today() + timedelta(days=1))
    run_commits(today=today() + timedelta(days=30))
    run_commits(today=today() + timedelta(days=31))

    assert sorted(evidence.reminders.values_list("reason", flat=True)) == [
        Reason.EXPIRES_IN_14_DAYS,
        Reason.EXPIRES_IN_60_DAYS,
    ]


def test_update_service_pas_are_told_a_status_check_may_do(pa_profile, mailoutbox, run_commits):
    dbs_expiring_in(pa_profile, 50, dbs_on_update_service=True)

    run_commits()

    assert "status check" in mail.outbox[0].body


def computed_days_ago(profile, days: int) -> None:
    """The level was last computed `days` ago, as if time had passed since."""
    PAProfile.objects.filter(pk=profile.pk).update(
        level_computed_at=timezone.now() - timedelta(days=days)
    )


def test_expired_evidence_lapses_the_level_once(pa_profile, code_version, run_commits):
    make_level_two(pa_profile, code_version)
    profile_recompute_level(profile=pa_profile)
    pa_profile.refresh_from_db()
    assert pa_profile.level == 2
    pa_profile.evidence.filter(kind=Evidence.Kind.DBS).update(
        expires_on=today() - timedelta(days=1)
    )
    computed_days_ago(pa_profile, 2)

    first = run_commits()
    second = run_commits()

    pa_profile.refresh_from_db()
    assert pa_profile.level == 1
    assert (first.levels_recomputed, first.levels_lowered) == (1, 1)
    assert second.levels_recomputed == 0


def test_a_missed_day_is_caught_up(pa_profile, code_version, run_commits):
    make_level_two(pa_profile, code_version)
    profile_recompute_level(profile=pa_profile)
    pa_profile.evidence.filter(kind=Evidence.Kind.DBS).update(
        expires_on=today() - timedelta(days=5)
    )
    computed_days_ago(pa_profile, 9)

    run_commits()

    pa_profile.refresh_from_db()
    assert pa_profile.level == 1


def test_the_command_says_what_it_did_and_is_idempotent(
    pa_profile, mailoutbox, django_capture_on_commit_callbacks
):
    dbs_expiring_in(pa_profile, 45)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", "send_expiry_reminders", stdout=out)
        call_command("run_periodic", "send_expiry_reminders", stdout=out)

    text = out.getvalue()
    assert "Reminders sent, expires within 60 days: 1" in text
    assert "0 reminders sent; 1 were already sent before." in text
    assert len(mail.outbox) == 1


def test_the_command_can_hand_the_work_to_the_task_worker(pa_profile):
    dbs_expiring_in(pa_profile, 45)
    out = StringIO()

    call_command("run_periodic", "send_expiry_reminders", "--enqueue", stdout=out)

    assert "Queued as task" in out.getvalue()
    assert ExpiryReminder.objects.count() == 1


def test_the_task_returns_what_it_did(pa_profile):
    dbs_expiring_in(pa_profile, 5)

    result = run_periodic_job.enqueue("send_expiry_reminders")

    assert result.return_value["sent"] == {Reason.EXPIRES_IN_14_DAYS: 1}


def test_a_level_computed_after_the_expiry_is_left_alone(pa_profile, code_version, run_commits):
    make_level_two(pa_profile, code_version)
    pa_profile.evidence.filter(kind=Evidence.Kind.DBS).update(
        expires_on=today() - timedelta(days=3)
    )
    profile_recompute_level(profile=pa_profile)

    run = run_commits()

    assert run.levels_recomputed == 0
