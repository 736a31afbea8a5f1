"""Notifications' part of a person's data: the notices PA Hub showed them and how they chose
to hear about each kind. Both are the person's alone, so deleting the account deletes them."""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.notifications.models import Notice, Preference


def export_notifications(user) -> dict[str, Any] | None:
    notices = [
        {
            "kind": notice.kind,
            "title": notice.title,
            "body": notice.body,
            "at": notice.created_at.isoformat(),
            "read_at": notice.read_at.isoformat() if notice.read_at else None,
        }
        for notice in Notice.objects.filter(recipient=user).order_by("created_at")
    ]
    choices = dict(
        Preference.objects.filter(user=user).order_by("kind").values_list("kind", "channel")
    )
    if not (notices or choices):
        return None
    return {"notices": notices, "how_you_hear_about_each_kind": choices}


def delete_notifications(user) -> None:
    Notice.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()


register(
    "notifications",
    models={"notifications.Notice": Fate.DELETED, "notifications.Preference": Fate.DELETED},
    export=export_notifications,
    erase={Step.RECORDS: delete_notifications},
)
