"""How long conversations are kept (the registry: pahub/core/retention.py)."""

from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet

from pahub.core import retention
from pahub.messaging.models import Conversation, Report


def conversations_due(cutoff: datetime) -> QuerySet[Conversation]:
    open_report = Report.objects.filter(
        message__conversation=OuterRef("pk"), status=Report.Status.OPEN
    )
    return Conversation.objects.filter(last_message_at__lt=cutoff).exclude(Exists(open_report))


retention.rule(
    name="messaging.conversations",
    model=Conversation,
    what="Messages between employers (or people acting for them) and PAs",
    default_days=2 * 365,
    after="after the last message in the conversation",
    action=retention.Action.DELETE,
    outcome=(
        "The whole conversation is deleted: every message in it, and any report about a "
        "message that a moderator has dealt with. What a moderator decided stays in the "
        "audit log."
    ),
    # Employers and PAs often work together again; after two quiet years that is unlikely,
    # and a dispute about a booking holds the conversation (see cover/retention.py).
    why=(
        "Employers and PAs often get back in touch to work together again, so we keep a "
        "conversation for two years after it goes quiet. After that it is rarely needed."
    ),
    due=conversations_due,
    kept_while=("a message in it has been reported and a moderator has not yet dealt with it",),
)
