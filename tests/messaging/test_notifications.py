"""Emails about new messages: batched (one per person per interval), never with content or
names, only after commit, and only for people who want them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pahub.messaging.models import Message, NotificationState
from pahub.messaging.notifications import send_pending
from pahub.messaging.services import conversation_mark_read, hub_event_post, message_post
from pahub.messaging.tasks import send_message_notifications


def reply_url(conversation) -> str:
    return reverse("messaging:conversation", args=[conversation.pk])


def to(mailoutbox, address: str) -> list:
    return [email for email in mailoutbox if email.to == [address]]


def an_hour_from_now():
    return timezone.now() + timedelta(hours=1)


def test_two_messages_in_a_row_make_one_email(
    client_for, employer, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(employer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url(conversation), {"body": "Tuesday at nine?"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url(conversation), {"body": "Or Wednesday at ten?"})

    # One email, sent with the first: Amira's earlier message and this one were waiting.
    (email,) = to(mailoutbox, "pa@example.org")
    assert "You have 2 unread messages on PA Hub." in email.body
    assert f"{settings.SITE_URL}/messages/" in email.body


def test_the_email_has_no_message_content_and_no_names_of_the_other_side(
    client_for, employer, representative, conversation, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        client_for(representative).post(
            reply_url(conversation), {"body": "Secret plans for Tuesday"}
        )

    (email,) = to(mailoutbox, "pa@example.org")
    text = email.subject + email.body
    for private in ("Secret plans", "Tuesday", "Amira", "Sara", "Khan", "Morning PA"):
        assert private not in text
    assert email.subject == "[PA Hub] You have unread messages"
    assert "Hello Jordan Reed" in email.body  # their own name only


def test_nothing_is_sent_before_the_message_is_committed(client_for, employer, conversation):
    from django.core import mail

    client_for(employer).post(reply_url(conversation), {"body": "Hello"})

    # Still inside the test's transaction: the batch has not run, so nothing went out.
    assert mail.outbox == []


def test_the_employer_and_representatives_are_emailed_but_not_staff(
    client_for, pa, employer, representative, helping_staff, conversation, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        client_for(pa).post(reply_url(conversation), {"body": "Yes, Tuesday is fine."})

    assert sorted(email.to[0] for email in mailoutbox) == [
        "employer@example.org",
        "representative@example.org",
    ]


def test_after_the_interval_a_new_message_brings_a_new_email(
    employer, pa, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_pending()
    assert len(to(mailoutbox, "pa@example.org")) == 1

    message_post(
        conversation=conversation,
        author=employer,
        author_role=Message.AuthorRole.EMPLOYER,
        body="One more thing",
    )
    with django_capture_on_commit_callbacks(execute=True):
        too_soon = send_pending()
    with django_capture_on_commit_callbacks(execute=True):
        later = send_pending(now=an_hour_from_now())

    assert too_soon.too_soon >= 1
    assert later.emailed == 1
    assert len(to(mailoutbox, "pa@example.org")) == 2
    assert "You have 2 unread messages" in to(mailoutbox, "pa@example.org")[1].body


def test_no_second_email_when_nothing_new_arrived(
    pa, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_pending()
    with django_capture_on_commit_callbacks(execute=True):
        run = send_pending(now=an_hour_from_now())

    assert len(to(mailoutbox, "pa@example.org")) == 1
    assert run.emailed == 0


def test_messages_already_read_bring_no_email(
    pa, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    conversation_mark_read(conversation=conversation, user=pa)

    with django_capture_on_commit_callbacks(execute=True):
        send_pending()

    assert to(mailoutbox, "pa@example.org") == []


def test_people_who_turned_emails_off_get_none(
    client_for, pa, employer, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    client_for(pa).post(reverse("messaging:notification_preference"), {})

    with django_capture_on_commit_callbacks(execute=True):
        client_for(employer).post(reply_url(conversation), {"body": "Hello?"})

    assert to(mailoutbox, "pa@example.org") == []
    assert NotificationState.objects.get(user=pa).last_emailed_at is None


def test_inactive_accounts_get_no_email(
    pa, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    pa.is_active = False
    pa.save(update_fields=["is_active"])

    with django_capture_on_commit_callbacks(execute=True):
        send_pending()

    assert to(mailoutbox, "pa@example.org") == []


def test_pa_hub_event_lines_are_notified_too(
    employer, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hub_event_post(conversation=conversation, body="Jordan was shortlisted.")

    assert len(to(mailoutbox, "employer@example.org")) == 1


def test_old_conversations_are_not_looked_at(
    pa, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = send_pending(now=timezone.now() + timedelta(days=30))

    assert run.emailed == 0
    assert mailoutbox == []


def test_the_task_returns_what_it_did(pa, conversation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = send_message_notifications.enqueue()

    assert result.return_value["emailed"] == 1


@pytest.mark.parametrize("enqueue", [False, True])
def test_the_command_sends_pending_emails(
    pa, conversation, mailoutbox, django_capture_on_commit_callbacks, enqueue
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "run_periodic",
            "send_message_notifications",
            *(["--enqueue"] if enqueue else []),
            stdout=out,
        )

    assert len(to(mailoutbox, "pa@example.org")) == 1
    assert ("Queued as task" if enqueue else "1 email sent") in out.getvalue()
