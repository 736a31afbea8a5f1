"""Messaging's part of a person's data: their conversations and the messages in them.

A conversation is shared: on deletion it stays for the other person, with the other side's
messages as they were. The deleted person's own messages are replaced by a note saying they
were removed, and their name is taken out of PA Hub's event lines ("Jordan applied").
"""

import re
from typing import Any

from django.db.models import Q
from django.utils.text import capfirst

from pahub.accounts.models import FORMER_USER_NAME
from pahub.core.personal_data import Fate, Step, register
from pahub.employers.queries import employer_name
from pahub.messaging.models import (
    Block,
    Conversation,
    Message,
    NotificationState,
    ReadMarker,
    Report,
)
from pahub.messaging.queries import author_label
from pahub.register.queries import pa_name

REMOVED_BODY = "This message was removed when its author deleted their PA Hub account."


def iso(value) -> str | None:
    return value.isoformat() if value else None


def conversation_export(conversation: Conversation, user) -> dict[str, Any]:
    other = (
        employer_name(conversation.employer)
        if conversation.pa_id == user.pk
        else pa_name(conversation.pa)
    )
    return {
        "with": other,
        "about_job": conversation.job.title if conversation.job else None,
        "started_at": iso(conversation.created_at),
        "messages": [
            {
                "at": iso(message.created_at),
                "from": author_label(message, conversation),
                "body": message.body,
            }
            for message in conversation.messages.select_related("author", "author_organisation")
        ],
    }


def export_messages(user) -> dict[str, Any] | None:
    conversations = Conversation.objects.filter(Q(pa=user) | Q(employer=user)).select_related(
        "job", "pa__pa_profile", "employer__employer_profile"
    )
    # Messages written for an employer as their representative or as staff.
    written_for_others = (
        Message.objects.filter(author=user)
        .exclude(conversation__pa=user)
        .exclude(conversation__employer=user)
        .select_related("conversation__employer__employer_profile")
    )
    exported = {
        "conversations": [conversation_export(c, user) for c in conversations],
        "messages_written_for_others": [
            {
                "for": employer_name(m.conversation.employer),
                "at": iso(m.created_at),
                "body": m.body,
            }
            for m in written_for_others
        ],
        "reports_made": [
            {"at": iso(r.created_at), "reason": r.reason, "status": r.status}
            for r in Report.objects.filter(reporter=user)
        ],
        "people_blocked": len(Block.objects.filter(blocker=user)),
    }
    # How the person hears about new messages is in the notifications part.
    return exported if any(exported.values()) else None


def names_of(user) -> set[str]:
    """Every name PA Hub may have written into an event line about the person."""
    names = {employer_name(user), pa_name(user), user.full_name, user.known_as}
    names.add(user.full_name.split(" ")[0] if user.full_name else "")
    return {name for name in names if name and name != FORMER_USER_NAME}


def take_names_out_of_events(user) -> None:
    names = names_of(user)
    if not names:
        return
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )
    events = Message.objects.filter(
        Q(conversation__pa=user) | Q(conversation__employer=user),
        author_role=Message.AuthorRole.HUB,
    )
    for event in events:
        body = pattern.sub(
            lambda m: capfirst(FORMER_USER_NAME) if m.start() == 0 else FORMER_USER_NAME,
            event.body,
        )
        if body != event.body:
            event.body = body
            event.save(update_fields=["body"])


def remove_their_words(user) -> None:
    Message.objects.filter(author=user).update(body=REMOVED_BODY)
    # Their contact details are gone: the other side no longer sees them as shared.
    Conversation.objects.filter(pa=user).update(pa_shared_contact_at=None)
    Conversation.objects.filter(employer=user).update(employer_shared_contact_at=None)
    ReadMarker.objects.filter(user=user).delete()
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    Report.objects.filter(reporter=user).delete()
    NotificationState.objects.filter(user=user).delete()


register(
    "messages",
    models={
        "messaging.Conversation": Fate.KEPT_ANONYMISED,
        "messaging.Message": Fate.KEPT_ANONYMISED,
        "messaging.ReadMarker": Fate.DELETED,
        "messaging.Block": Fate.DELETED,
        "messaging.Report": Fate.DELETED,
        "messaging.NotificationState": Fate.DELETED,
    },
    export=export_messages,
    erase={Step.BEFORE: take_names_out_of_events, Step.RECORDS: remove_their_words},
)
