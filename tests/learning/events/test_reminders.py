"""Reminders the day before: each person booked hears once, for events going ahead that
start 24 to 48 hours from the run."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from pahub.core import schedule
from pahub.learning.events.services import event_book, event_booking_cancel, event_reminders_send
from pahub.learning.models import EventBooking
from pahub.notifications.models import Notice
from tests.learning.events.conftest import make_event


def reminders() -> list[Notice]:
    return list(Notice.objects.filter(kind="learning.event_reminder"))


def test_people_booked_on_tomorrows_event_are_reminded_once(
    provider, pa, other_pa, django_capture_on_commit_callbacks
):
    event = make_event(provider, starts_at=timezone.now() + timedelta(hours=30))
    event_book(event=event, user=pa)
    event_book(event=event, user=other_pa)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert event_reminders_send() == 2
    assert event_reminders_send() == 0

    assert {notice.recipient_id for notice in reminders()} == {pa.pk, other_pa.pk}
    assert all(booking.reminded_at for booking in EventBooking.objects.all())
    assert "Civic Centre" in reminders()[0].body
    assert any("Reminder: Safeguarding for PAs" in message.subject for message in mail.outbox)


def test_events_further_off_or_too_soon_wait_or_are_left(provider, pa):
    later = make_event(provider, title="Next week")
    soon = make_event(
        provider, title="Within the day", starts_at=timezone.now() + timedelta(hours=3)
    )
    event_book(event=later, user=pa)
    event_book(event=soon, user=pa)

    assert event_reminders_send() == 0
    assert reminders() == []


def test_cancelled_places_and_cancelled_events_are_not_reminded(provider, pa, other_pa):
    event = make_event(provider, starts_at=timezone.now() + timedelta(hours=30))
    event_book(event=event, user=pa)
    event_booking_cancel(event=event, user=pa)
    called_off = make_event(provider, starts_at=timezone.now() + timedelta(hours=30))
    event_book(event=called_off, user=other_pa)
    called_off.cancelled_at = timezone.now()
    called_off.save(update_fields=["cancelled_at"])

    assert event_reminders_send() == 0


def test_the_periodic_job_is_registered_and_runs(provider, pa):
    event = make_event(provider, starts_at=timezone.now() + timedelta(hours=40))
    event_book(event=event, user=pa)

    outcome = schedule.registry.get("send_event_reminders").run()

    assert outcome.figures == {"sent": 1}
    assert outcome.lines == ("1 event reminder sent.",)
