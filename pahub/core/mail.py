"""Outgoing email: every message is recorded, sent at once, and retried until delivered.

`OutboxBackend` is the "default" mailer. It records each message as an `OutgoingEmail` and
queues a task that hands it to the "delivery" mailer (SMTP in production, locmem in tests), so
a slow mail server never slows a page and a cover alert still leaves within seconds. When
delivery fails, the email is kept as failed and tried again with growing gaps by the
`retry_emails` periodic job (pahub/core/periodic.py); after the last automatic try it waits
for staff, who see every email not yet sent at /staff/emails/ and can retry one. Nothing is
dropped silently.
"""

import logging
from collections.abc import Sequence
from datetime import timedelta

from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q, QuerySet
from django.tasks import task
from django.utils import timezone

from pahub.core import task_effects
from pahub.core.models import OutgoingEmail

logger = logging.getLogger(__name__)

# Gaps before each automatic retry; after the last, the email waits for staff.
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=12),
)
# A pending email whose task never ran (the queue was down) is sent by the periodic job
# after this; so is one left "sending" by a worker that died mid-send.
STUCK_AFTER = timedelta(minutes=2)
SENDING_STUCK_AFTER = timedelta(minutes=10)
MAX_ERROR = 500


class OutboxBackend(BaseEmailBackend):
    """Record each message, then queue its delivery."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            if not keep_deliverable_recipients(message):
                continue
            email, recorded_now = outgoing_email_record(message)
            # A task run again finds its email recorded; if it is still waiting (the first run
            # died before queueing it) it is queued again, which `claim` makes harmless.
            if recorded_now or email.status == OutgoingEmail.Status.PENDING:
                # In the same transaction as the record: a rolled-back change sends nothing.
                deliver_outgoing_email.enqueue(email_id=email.pk)
            sent += 1
        return sent


def is_deliverable(address: str) -> bool:
    """False for addresses in the `.invalid` top-level domain, which by RFC 2606 can never
    receive mail: a deleted account's address is rewritten into it, so an email still meant
    for a former user is dropped here rather than failing and being retried for a day."""
    domain = address.rpartition("@")[2].strip().rstrip(">").lower()
    return not (domain == "invalid" or domain.endswith(".invalid"))


def keep_deliverable_recipients(message: EmailMessage) -> bool:
    """Remove undeliverable recipients; False when nobody is left to send to."""
    message.to = [address for address in message.to if is_deliverable(address)]
    message.cc = [address for address in message.cc if is_deliverable(address)]
    message.bcc = [address for address in message.bcc if is_deliverable(address)]
    return bool(message.to or message.cc or message.bcc)


def outgoing_email_record(message: EmailMessage) -> tuple[OutgoingEmail, bool]:
    """The email's record, and whether it is new. Inside a task the record is keyed by the task
    and what it says to whom, so a task run again after its worker died finds the email its
    first run recorded instead of recording (and sending) it twice (pahub/core/task_effects.py).
    """
    serialised = serialise_email(message)
    recipients = [*serialised["to"], *serialised["cc"], *serialised["bcc"]]
    fields = {"subject": serialised["subject"][:255], "recipients": recipients}
    key = task_effects.key_for("email", *sorted(recipients), serialised["subject"])
    if key is None:
        return OutgoingEmail.objects.create(**fields, message=serialised), True
    with transaction.atomic():
        return OutgoingEmail.objects.get_or_create(
            task_key=key, defaults={**fields, "message": serialised}
        )


def serialise_email(message: EmailMessage) -> dict:
    alternatives = [
        [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
    ]
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "alternatives": alternatives,
        "headers": {key: str(value) for key, value in message.extra_headers.items()},
    }


def email_from(message: dict) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    return email


def claim(email_id: int, *, now) -> bool:
    """Mark the email as being sent, unless it is sent or someone else is sending it: a task
    and the periodic job may reach the same email, and it must go out once."""
    return bool(
        OutgoingEmail.objects.filter(pk=email_id)
        .filter(
            Q(status__in=[OutgoingEmail.Status.PENDING, OutgoingEmail.Status.FAILED])
            | Q(status=OutgoingEmail.Status.SENDING, last_attempt_at__lt=now - SENDING_STUCK_AFTER)
        )
        .update(status=OutgoingEmail.Status.SENDING, last_attempt_at=now)
    )


def deliver(email_id: int) -> bool:
    """Send one recorded email through the delivery mailer; True if it went."""
    now = timezone.now()
    if not claim(email_id, now=now):
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    email.attempts += 1
    try:
        mailers["delivery"].send_messages([email_from(email.message)])
    except Exception as error:  # any transport failure: keep the email and try again
        email_failed(email, error=error, now=now)
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.last_error = ""
    # Delivered: the message (which may hold personal details) is no longer needed.
    email.message = {}
    email.save(
        update_fields=["status", "attempts", "sent_at", "next_attempt_at", "last_error", "message"]
    )
    return True


def email_failed(email: OutgoingEmail, *, error: Exception, now) -> None:
    retries_done = email.attempts - 1
    email.status = OutgoingEmail.Status.FAILED
    email.last_error = f"{type(error).__name__}: {error}"[:MAX_ERROR]
    email.next_attempt_at = (
        now + RETRY_AFTER[retries_done] if retries_done < len(RETRY_AFTER) else None
    )
    email.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
    # The subject and error only: never the body.
    logger.warning(
        "Email %s (%r) failed on attempt %s: %s",
        email.pk,
        email.subject,
        email.attempts,
        email.last_error,
    )


def emails_due(*, now) -> QuerySet[OutgoingEmail]:
    """Failed emails whose next try is due, and any whose first try never happened."""
    Status = OutgoingEmail.Status
    return OutgoingEmail.objects.filter(
        Q(status=Status.FAILED, next_attempt_at__lte=now)
        | Q(status=Status.PENDING, created_at__lt=now - STUCK_AFTER)
        | Q(status=Status.SENDING, last_attempt_at__lt=now - SENDING_STUCK_AFTER)
    ).order_by("created_at")


def emails_not_sent() -> QuerySet[OutgoingEmail]:
    """What staff need to see: every email that has not gone, oldest first."""
    return OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).order_by("created_at")


@task()
def deliver_outgoing_email(email_id: int) -> bool:
    """Idempotent: an email already sent, or being sent, is left alone."""
    return deliver(email_id)


@task()
def deliver_email(message: dict) -> int:
    """Kept so that messages queued before the outbox existed are still delivered."""
    return mailers["delivery"].send_messages([email_from(message)])
