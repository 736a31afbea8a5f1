"""How long notices are kept (the registry: pahub/core/retention.py)."""

from datetime import datetime

from django.db.models import QuerySet

from pahub.core import retention
from pahub.notifications.models import Notice


def notices_due(cutoff: datetime) -> QuerySet[Notice]:
    # A notice still waiting for tomorrow's digest is never due: it has not reached anyone.
    return Notice.objects.filter(created_at__lt=cutoff, digest_pending=False)


retention.rule(
    name="notifications.notices",
    model=Notice,
    what="Notifications: the short notices PA Hub shows you and emails you about",
    default_days=365,
    after="after the notification was made",
    action=retention.Action.DELETE,
    outcome="The notification is deleted. What it was about (a booking, a message) is not.",
    # A notice points at something kept elsewhere under its own rule; after a year nobody
    # looks back through their notifications, and the thing itself is still there.
    why=(
        "A notification only points you to something else, such as a booking or a message, "
        "which is kept under its own rule. After a year it is no longer useful."
    ),
    due=notices_due,
)
