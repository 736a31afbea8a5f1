"""Conversations go two years after the last message, unless a report is waiting for a
moderator or a cover booking between the two people is still to come or in dispute."""

from datetime import timedelta

from django.utils import timezone

from pahub.core.retention import apply_rule, registry
from pahub.cover.models import Booking, Timesheet
from pahub.messaging.models import Conversation, Message, ReadMarker, Report
from tests.cover.conftest import make_request


def quiet_for(days: int, **pair) -> Conversation:
    conversation = Conversation.objects.create(
        **pair, last_message_at=timezone.now() - timedelta(days=days)
    )
    Message.objects.create(conversation=conversation, author_role="pa", body="Hello")
    ReadMarker.objects.create(conversation=conversation, user=pair["pa"])
    return conversation


def run() -> int:
    return apply_rule(registry.get("messaging.conversations"))


def book(employer, pa, *, starts_in: timedelta) -> Booking:
    start = timezone.now() + starts_in
    request = make_request(employer, slots=[], status="covered")
    slot = request.slots.create(starts_at=start, ends_at=start + timedelta(hours=3))
    return Booking.objects.create(
        slot=slot, pa=pa, employer=employer, starts_at=slot.starts_at, ends_at=slot.ends_at
    )


def test_a_conversation_quiet_for_two_years_goes_with_its_messages(employer, pa, other_pa):
    old = quiet_for(731, employer=employer, pa=pa)
    recent = quiet_for(729, employer=employer, pa=other_pa)

    assert run() == 1

    assert list(Conversation.objects.all()) == [recent]
    assert not Message.objects.filter(conversation_id=old.pk).exists()
    assert not ReadMarker.objects.filter(conversation_id=old.pk).exists()


def test_a_conversation_with_a_report_waiting_for_a_moderator_is_kept(employer, pa, other_pa):
    waiting = quiet_for(1000, employer=employer, pa=pa)
    Report.objects.create(message=waiting.messages.get(), reporter=employer, reason="Rude")
    dealt_with = quiet_for(1000, employer=employer, pa=other_pa)
    Report.objects.create(
        message=dealt_with.messages.get(), reporter=employer, reason="Rude", status="no_action"
    )

    assert run() == 1
    assert list(Conversation.objects.all()) == [waiting]


def test_a_conversation_is_kept_while_a_booking_between_them_is_still_to_come(employer, pa):
    conversation = quiet_for(1000, employer=employer, pa=pa)
    book(employer, pa, starts_in=timedelta(days=3))

    assert run() == 0
    assert Conversation.objects.filter(pk=conversation.pk).exists()


def test_a_conversation_is_kept_while_hours_between_them_are_queried(employer, pa):
    conversation = quiet_for(1000, employer=employer, pa=pa)
    booking = book(employer, pa, starts_in=-timedelta(days=900))
    Timesheet.objects.create(
        booking=booking,
        started_at=booking.starts_at,
        ended_at=booking.ends_at,
        status=Timesheet.Status.QUERIED,
    )

    assert run() == 0
    assert Conversation.objects.filter(pk=conversation.pk).exists()


def test_a_past_agreed_booking_does_not_keep_the_conversation(employer, pa):
    quiet_for(1000, employer=employer, pa=pa)
    booking = book(employer, pa, starts_in=-timedelta(days=900))
    Timesheet.objects.create(
        booking=booking,
        started_at=booking.starts_at,
        ended_at=booking.ends_at,
        status=Timesheet.Status.APPROVED,
    )

    assert run() == 1
