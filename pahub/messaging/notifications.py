"""Emails about unread messages: batched, and never with message content or names in them.

Each new message puts an in-app notice ("You have a new message") in the notification centre
of everyone else in the conversation (`notice_new_message`), through the notification service.

A person whose choice for new messages is "email me straight away" (the default; see
`pahub/messaging/notices.py` and the preferences page) is emailed when they have unread
messages newer than their last email, at most once every `MESSAGE_EMAIL_INTERVAL_MINUTES` (15
by default). Anyone who chose the daily digest gets the notices in it instead; in-app only or
off, no email. The email says how many messages are unread and links to the inbox; nothing
else, because email is not private and may be read by someone else.

Who is emailed: the PA of a conversation, the employer, and the employer's representatives
with an active grant. Staff acting for an employer are not: they read their inbox at work.

Two things run the batch (`send_pending`): posting a message enqueues it for the people in
that conversation, after commit; and `manage.py run_periodic send_message_notifications`, scheduled every
few minutes, catches messages that arrived while someone's interval had not yet passed.
Running it twice, or on two machines at once, sends nothing twice: each person's
`NotificationState` row is locked while deciding.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Representation, User
from pahub.messaging.models import Conversation, NotificationState
from pahub.messaging.notices import NEW_MESSAGE
from pahub.messaging.queries import unread_summary
from pahub.notifications.registry import Channel
from pahub.notifications.services import channel_for, notify_many, send_email

logger = logging.getLogger(__name__)

# Only conversations with a message this recent are looked at: anything older was either
# emailed about already or belongs to someone who turned the emails off.
LOOKBACK = timedelta(days=7)


def email_interval() -> timedelta:
    return timedelta(minutes=getattr(settings, "MESSAGE_EMAIL_INTERVAL_MINUTES", 15))


@dataclass
class NotificationRun:
    emailed: int = 0
    too_soon: int = 0
    nothing_new: int = 0
    turned_off: int = 0


def recipient_ids(conversations) -> set[int]:
    """The PA, the employer and the employer's active representatives of each conversation."""
    pairs = list(conversations.values_list("employer_id", "pa_id"))
    employer_ids = {employer for employer, _ in pairs}
    representatives = Representation.objects.filter(
        employer_id__in=employer_ids, status=Representation.Status.ACTIVE
    ).values_list("representative_id", flat=True)
    return employer_ids | {pa for _, pa in pairs} | set(representatives)


def unread_email(user: User, count: int) -> tuple[str, str]:
    """Subject and body: a count and a link, never content, never the other person's name."""
    link = settings.SITE_URL + reverse("messaging:inbox")
    minutes = int(email_interval().total_seconds() // 60)
    plural = "s" if count != 1 else ""
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}You have unread messages"
    body = (
        f"Hello {user.display_name},\n\n"
        f"You have {count} unread message{plural} on PA Hub.\n\n"
        f"Sign in to read and reply:\n{link}\n\n"
        "To keep your conversations private, we never put messages or names in emails.\n\n"
        f"We email you at most once every {minutes} minutes about new messages. To stop these "
        'emails, untick "Email me about new messages" on your messages page.\n'
    )
    return subject, body


def _locked_state(user: User) -> NotificationState:
    try:
        with transaction.atomic():
            NotificationState.objects.get_or_create(user=user)
    except IntegrityError:
        pass  # another worker made it a moment ago
    return NotificationState.objects.select_for_update().get(user=user)


def notify(user: User, *, now: datetime, run: NotificationRun) -> None:
    """Email one person if they have unread messages newer than their last email."""
    with transaction.atomic():
        state = _locked_state(user)
        if channel_for(user, NEW_MESSAGE.key) != Channel.EMAIL:
            run.turned_off += 1
            return
        if state.last_emailed_at is not None and state.last_emailed_at > now - email_interval():
            run.too_soon += 1
            return
        summary = unread_summary(user)
        already_told = state.last_emailed_at
        if (
            summary.count == 0
            or summary.newest_at is None
            or (already_told is not None and summary.newest_at <= already_told)
        ):
            run.nothing_new += 1
            return
        state.last_emailed_at = now
        state.save(update_fields=["last_emailed_at"])
        send_email(user, NEW_MESSAGE.key, email=unread_email(user, summary.count))
        run.emailed += 1


def notice_new_message(*, conversation_id: int, author_id: int | None) -> None:
    """Everyone in the conversation but the author gets an in-app notice (no names, no words:
    it may go into a digest email), in one batch."""
    conversation = Conversation.objects.filter(pk=conversation_id)
    ids = recipient_ids(conversation) - {author_id}
    people = list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))
    notify_many(
        people,
        NEW_MESSAGE.key,
        title="You have a new message",
        body="Open the conversation to read it and reply.",
        url=reverse("messaging:conversation", args=[conversation_id]),
    )


def send_pending(*, conversation_id: int | None = None, now: datetime | None = None):
    """Email everyone due an email: the people of one conversation, or of every recently
    active conversation when `conversation_id` is None."""
    now = now or timezone.now()
    run = NotificationRun()
    conversations = Conversation.objects.filter(last_message_at__gt=now - LOOKBACK)
    if conversation_id is not None:
        conversations = conversations.filter(pk=conversation_id)
    people = User.objects.filter(pk__in=recipient_ids(conversations), is_active=True)
    for user in people.order_by("pk"):
        notify(user, now=now, run=run)
    logger.info(
        "Message emails: %s sent, %s too soon, %s with nothing new, %s turned off.",
        run.emailed,
        run.too_soon,
        run.nothing_new,
        run.turned_off,
    )
    return run
