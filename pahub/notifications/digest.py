"""The daily digest: one email per person listing the notices they chose to hear about once a
day, then those notices are marked sent.

Idempotent: only notices still `digest_pending` are sent, and they are marked in the same
transaction that decides to send them (locked, skipping rows another run holds), so running it
twice, or on two machines at once, emails nobody twice. Work goes in batches of people, a fixed
number of queries per batch.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.notifications import emails
from pahub.notifications.emails import EmailContent
from pahub.notifications.models import Notice
from pahub.notifications.unsubscribe import DIGEST_SCOPE

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass
class DigestRun:
    people: int = 0
    notices: int = 0


def digest_email(user: User, notices: list[Notice]) -> EmailContent:
    count = len(notices)
    lines = [
        f"Hello {user.display_name},",
        f"Here {'is' if count == 1 else 'are'} the {count} thing{'s' if count != 1 else ''} "
        "PA Hub told you about since your last daily summary.",
    ]
    for notice in notices:
        item = f"- {notice.title}"
        if notice.body:
            item += f"\n  {notice.body}"
        if notice.url:
            item += f"\n  {settings.SITE_URL}{notice.url}"
        lines.append(item)
    lines.append("PA Hub")
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your daily summary: {count} new"
    return EmailContent(subject=subject, text="\n\n".join(lines) + "\n")


def pending_recipient_ids() -> list[int]:
    return list(
        Notice.objects.filter(digest_pending=True)
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def send_digests(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> DigestRun:
    now = now or timezone.now()
    run = DigestRun()
    recipient_ids = pending_recipient_ids()
    for start in range(0, len(recipient_ids), batch_size):
        send_batch(recipient_ids[start : start + batch_size], now=now, run=run)
    logger.info("Daily digests: %s people, %s notices.", run.people, run.notices)
    return run


@transaction.atomic
def send_batch(recipient_ids: list[int], *, now: datetime, run: DigestRun) -> None:
    pending = list(
        Notice.objects.select_for_update(skip_locked=True)
        .filter(recipient_id__in=recipient_ids, digest_pending=True)
        .order_by("recipient_id", "created_at", "pk")
    )
    if not pending:
        return
    people = User.objects.in_bulk({notice.recipient_id for notice in pending})
    messages = []
    for user_id, notices in groupby(pending, key=lambda notice: notice.recipient_id):
        user = people[user_id]
        notices = list(notices)
        messages.append(
            emails.build(
                to=user.email,
                user_id=user.pk,
                scope=DIGEST_SCOPE,
                kind=None,
                content=digest_email(user, notices),
            )
        )
        run.people += 1
        run.notices += len(notices)
    Notice.objects.filter(pk__in=[notice.pk for notice in pending]).update(
        digest_pending=False, emailed_at=now
    )
    transaction.on_commit(lambda: emails.send(messages))
