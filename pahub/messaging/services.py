"""Starting conversations and posting messages. Other apps (applications, invitations) call
these; views never write messages themselves."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.messaging.models import Conversation, Message


def conversation_get_or_create(*, employer: User, pa: User, job=None) -> Conversation:
    """The one conversation between an employer and a PA about a job (or in general)."""
    try:
        with transaction.atomic():
            conversation, _ = Conversation.objects.get_or_create(employer=employer, pa=pa, job=job)
    except IntegrityError:
        # Two requests started the same conversation at once; the other one won.
        conversation = Conversation.objects.get(employer=employer, pa=pa, job=job)
    return conversation


@transaction.atomic
def message_post(
    *,
    conversation: Conversation,
    author: User | None,
    author_role: str,
    body: str,
    author_organisation=None,
) -> Message:
    """Add a message and move the conversation to the top of both sides' lists."""
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation,
        author=author,
        author_role=author_role,
        author_organisation=author_organisation,
        body=body,
        created_at=now,
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    conversation.last_message_at = now
    return message


def hub_event_post(*, conversation: Conversation, body: str) -> Message:
    """A line written by PA Hub itself, e.g. "Sam applied for Morning PA"."""
    return message_post(
        conversation=conversation, author=None, author_role=Message.AuthorRole.HUB, body=body
    )
