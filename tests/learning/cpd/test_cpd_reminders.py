"""The yearly reminder to review the CPD log: once a year, only to people with a log."""

from datetime import date, timedelta

from django.utils import timezone

from pahub.core import schedule
from pahub.learning.cpd import services
from pahub.learning.cpd.reminders import send_cpd_review_reminders
from pahub.learning.models import CPDEntry, CPDReview
from pahub.notifications.models import Notice


def log_old_entry(user, *, days_ago: int) -> CPDEntry:
    entry = services.cpd_entry_add(
        user=user, title="First aid", learned_on=date(2024, 1, 5), hours="3", what_i_learned="CPR."
    )
    CPDEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return entry


def test_a_pa_whose_first_entry_is_over_a_year_old_is_reminded_once(pa, other_pa):
    log_old_entry(pa, days_ago=400)
    log_old_entry(other_pa, days_ago=100)
    assert send_cpd_review_reminders() == 1
    assert send_cpd_review_reminders() == 0
    notices = Notice.objects.filter(kind="learning.cpd_review")
    assert [notice.recipient for notice in notices] == [pa]
    assert notices[0].url == "/learning/cpd/"


def test_the_next_reminder_comes_a_year_later_unless_they_review(pa):
    log_old_entry(pa, days_ago=800)
    now = timezone.now()
    assert send_cpd_review_reminders(now=now) == 1
    assert send_cpd_review_reminders(now=now + timedelta(days=300)) == 0
    assert send_cpd_review_reminders(now=now + timedelta(days=366)) == 1
    assert CPDReview.objects.filter(user=pa).count() == 1  # the waiting row, reminded again


def test_a_recent_review_means_no_reminder(pa):
    log_old_entry(pa, days_ago=800)
    services.cpd_review_record(user=pa, now=timezone.now() - timedelta(days=30))
    assert send_cpd_review_reminders() == 0


def test_reviewing_answers_the_reminder_and_the_clock_starts_again(pa):
    log_old_entry(pa, days_ago=800)
    now = timezone.now()
    send_cpd_review_reminders(now=now)
    review = services.cpd_review_record(user=pa, now=now + timedelta(days=2))
    assert review.reminded_at is not None and review.reviewed_at is not None
    assert send_cpd_review_reminders(now=now + timedelta(days=366)) == 0
    assert send_cpd_review_reminders(now=now + timedelta(days=368)) == 1


def test_people_with_no_log_are_never_reminded(pa):
    assert send_cpd_review_reminders() == 0


def test_the_job_is_registered_with_the_schedule(pa):
    log_old_entry(pa, days_ago=400)
    outcome = schedule.run_by_name("send_cpd_review_reminders")
    assert outcome.figures == {"sent": 1}
