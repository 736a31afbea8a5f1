"""The email outbox: every email is recorded and sent at once; one the mail server refuses is
kept as failed, retried with growing gaps by the periodic job, shown to site admins, who can
retry it, and never dropped silently."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from pahub.core import schedule
from pahub.core.mail import RETRY_AFTER, deliver
from pahub.core.models import AuditEvent, OutgoingEmail

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
BROKEN = "tests.core.test_outbox.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("Connection refused by smtp.example.org")


@pytest.fixture
def outbox(settings):
    """The production arrangement: the outbox in front of a working delivery mailer."""
    settings.MAILERS = {
        "default": {"BACKEND": "pahub.core.mail.OutboxBackend"},
        "delivery": {"BACKEND": LOCMEM},
    }
    return settings


def mail_server_down(settings) -> None:
    settings.MAILERS = {**settings.MAILERS, "delivery": {"BACKEND": BROKEN}}


def mail_server_up(settings) -> None:
    settings.MAILERS = {**settings.MAILERS, "delivery": {"BACKEND": LOCMEM}}


def send_cover_alert() -> None:
    message = EmailMultiAlternatives(
        subject="[PA Hub] Cover needed tonight in NE6",
        body="Amira needs cover from 22:00. Offer here: https://pahub.example.org/cover/1/",
        from_email="PA Hub <no-reply@pahub.example.org>",
        to=["pa@example.org"],
    )
    message.attach_alternative("<p>Amira needs cover.</p>", "text/html")
    message.send()


def later(minutes: float):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes)
    )


def test_an_email_is_recorded_and_delivered_at_once_and_its_body_forgotten(db, outbox):
    send_cover_alert()

    [delivered] = mail.outbox
    assert delivered.subject == "[PA Hub] Cover needed tonight in NE6"
    assert delivered.alternatives[0][1] == "text/html"
    [email] = OutgoingEmail.objects.all()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.recipients == ["pa@example.org"]
    assert email.attempts == 1
    assert email.sent_at is not None
    assert email.message == {}, "the body is not kept once delivered"


def test_a_refused_email_is_kept_as_failed_with_the_reason_and_a_next_try(db, outbox):
    mail_server_down(outbox)

    send_mail("Your timesheet was approved", "Body", None, ["pa@example.org"])

    [email] = OutgoingEmail.objects.all()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 1
    assert email.last_error == "ConnectionRefusedError: Connection refused by smtp.example.org"
    assert email.next_attempt_at > timezone.now()
    assert email.message["body"] == "Body", "kept so that it can be sent later"
    assert mail.outbox == []


def run_retries():
    return schedule.run_by_name("retry_emails")


def test_the_periodic_job_sends_a_failed_email_once_it_is_due(db, outbox):
    mail_server_down(outbox)
    send_cover_alert()
    mail_server_up(outbox)

    not_yet = run_retries()
    with later(RETRY_AFTER[0].total_seconds() / 60 + 0.1):
        due = run_retries()

    assert not_yet.idle
    assert due.figures == {"tried": 1, "sent": 1, "failed": 0}
    [delivered] = mail.outbox
    assert delivered.subject == "[PA Hub] Cover needed tonight in NE6"
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    with later(60):
        assert run_retries().idle, "a sent email is never sent again"
    assert len(mail.outbox) == 1


def test_retries_back_off_and_then_wait_for_staff(db, outbox):
    mail_server_down(outbox)
    send_cover_alert()
    email = OutgoingEmail.objects.get()
    gaps = []
    for _ in RETRY_AFTER:
        previous = email.last_attempt_at
        with later((email.next_attempt_at - timezone.now()).total_seconds() / 60 + 0.1):
            outcome = run_retries()
        assert outcome.failure == "1 emails failed again."
        email.refresh_from_db()
        gaps.append(email.last_attempt_at - previous)

    assert email.attempts == len(RETRY_AFTER) + 1
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.next_attempt_at is None, "no more automatic tries: it waits for staff"
    assert gaps == sorted(gaps), "each gap is at least as long as the one before"


def test_an_email_whose_task_never_ran_is_sent_by_the_periodic_job(db, outbox):
    email = OutgoingEmail.objects.create(
        subject="Stuck",
        recipients=["pa@example.org"],
        message={
            "subject": "Stuck",
            "body": "b",
            "from_email": None,
            "to": ["pa@example.org"],
            "cc": [],
            "bcc": [],
            "reply_to": [],
            "alternatives": [],
            "headers": {},
        },
    )

    with later(5):
        outcome = run_retries()

    assert outcome.figures["sent"] == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT


def test_an_email_already_being_sent_is_not_sent_twice(db, outbox):
    mail_server_down(outbox)
    send_cover_alert()
    email = OutgoingEmail.objects.get()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING, last_attempt_at=timezone.now()
    )
    mail_server_up(outbox)

    assert deliver(email.pk) is False
    assert mail.outbox == []


def test_an_email_sent_inside_a_change_that_is_rolled_back_is_not_recorded(db, outbox):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        send_cover_alert()
        raise RuntimeError("the change failed")

    assert not OutgoingEmail.objects.exists()


# The staff page


@pytest.fixture
def failed_email(db, outbox) -> OutgoingEmail:
    mail_server_down(outbox)
    send_mail("Cover needed tonight", "Body", None, ["jordan@example.org"])
    return OutgoingEmail.objects.get()


def test_signed_out_visitors_are_sent_to_sign_in(client, failed_email):
    for response in [
        client.get(reverse("staff:emails")),
        client.post(reverse("staff:email_retry", args=[failed_email.pk])),
    ]:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "verifier", "org_admin"])
def test_everyone_but_the_site_admin_gets_403_and_retries_nothing(
    client_for, request, person, failed_email
):
    client = client_for(request.getfixturevalue(person))

    assert client.get(reverse("staff:emails")).status_code == 403
    assert client.post(reverse("staff:email_retry", args=[failed_email.pk])).status_code == 403
    failed_email.refresh_from_db()
    assert failed_email.attempts == 1


def test_site_admin_sees_failed_emails_but_not_sent_ones(client_for, admin, failed_email, outbox):
    mail_server_up(outbox)
    send_mail("Welcome to PA Hub", "Body", None, ["new@example.org"])

    response = client_for(admin).get(reverse("staff:emails"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Cover needed tonight" in content
    assert "jordan@example.org" in content
    assert "ConnectionRefusedError: Connection refused by smtp.example.org" in content
    assert "Welcome to PA Hub" not in content
    assert 'role="region"' in content and 'tabindex="0"' in content
    assert "1 email not yet sent" in content


def test_site_admin_retries_an_email_and_it_is_sent_and_audited(
    client_for, admin, failed_email, outbox
):
    mail_server_up(outbox)
    client = client_for(admin)

    response = client.post(reverse("staff:email_retry", args=[failed_email.pk]), follow=True)

    assert "Sent “Cover needed tonight”." in response.content.decode()
    assert "Every email has been sent." in response.content.decode()
    [delivered] = mail.outbox
    assert delivered.to == ["jordan@example.org"]
    failed_email.refresh_from_db()
    assert failed_email.status == OutgoingEmail.Status.SENT
    assert AuditEvent.objects.filter(action="email.retried", actor=admin).count() == 1


def test_a_retry_that_fails_again_says_why(client_for, admin, failed_email):
    response = client_for(admin).post(
        reverse("staff:email_retry", args=[failed_email.pk]), follow=True
    )

    assert "could not be sent again: ConnectionRefusedError" in response.content.decode()
    failed_email.refresh_from_db()
    assert (failed_email.status, failed_email.attempts) == (OutgoingEmail.Status.FAILED, 2)


def test_retry_only_takes_a_post(client_for, admin, failed_email):
    response = client_for(admin).get(reverse("staff:email_retry", args=[failed_email.pk]))

    assert response.status_code == 405


def test_the_staff_home_links_site_admins_to_the_emails(client_for, admin):
    response = client_for(admin).get(reverse("staff:home"))

    assert reverse("staff:emails") in response.content.decode()


def test_a_subject_with_a_line_break_from_old_data_fails_visibly_not_silently(db, outbox):
    # Names are one line now, but a name saved before that rule could still reach a subject.
    send_mail("Cover for Amira\r\nBcc: everyone@example.org", "Body", None, ["pa@example.org"])

    [email] = OutgoingEmail.objects.all()
    assert email.status == OutgoingEmail.Status.FAILED
    assert "may not contain linefeed or carriage return" in email.last_error
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_email_to_a_former_user_is_dropped_not_retried(outbox):
    """A deleted account's address is rewritten into the `.invalid` domain, which can never
    receive mail: the email is not recorded or sent, so it cannot fail and be retried."""
    send_mail("Your booking", "Text", None, ["former-user-7@deleted.invalid"])
    send_mail("Your booking", "Text", None, ["former-user-7@deleted.invalid", "pa@example.org"])

    assert [email.recipients for email in OutgoingEmail.objects.all()] == [["pa@example.org"]]
    assert [message.to for message in mail.outbox] == [["pa@example.org"]]
