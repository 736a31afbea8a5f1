"""Telling a resource's owner when it is due for review, once per due date.

A resource is due when its `review_due_on` (last reviewed + review_every_months) has come.
Its owner is told once for that due date (`Resource.reminded_for`, set with the row locked in
the same transaction as the notice), so running the daily job twice, or on two machines,
reminds once. Reviewing the resource (saving it, changed or not) moves the due date on, and
the next due date is reminded again when it comes. Resources without an owner (the shared
core loaded from the repository) are reviewed through the repository instead.
"""

import logging
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from pahub.library.models import Resource
from pahub.library.notices import REVIEW_DUE
from pahub.notifications.services import notify

logger = logging.getLogger(__name__)


def resources_due_a_reminder(*, today: date) -> QuerySet[Resource]:
    return (
        Resource.objects.filter(
            owner__isnull=False,
            owner__is_active=True,
            current_version__isnull=False,
            review_due_on__lte=today,
        )
        .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("review_due_on")))
        .order_by("review_due_on", "pk")
    )


@transaction.atomic
def remind_one(resource_id: int, *, today: date) -> bool:
    """Remind the owner of one resource, if still due once its row is locked."""
    resource = (
        resources_due_a_reminder(today=today)
        .select_for_update()
        .select_related("owner")
        .filter(pk=resource_id)
        .first()
    )
    if resource is None:
        return False
    resource.reminded_for = resource.review_due_on
    resource.save(update_fields=["reminded_for"])
    edit_path = reverse("library:edit", kwargs={"slug": resource.slug})
    body = (
        f"“{resource.title}” was last reviewed on {resource.last_reviewed:%-d %B %Y} and is due "
        "for review. Read it through, check its facts and sources are still right, and save "
        "it: a change becomes a new version, and saving without changes marks it reviewed."
    )
    notify(
        resource.owner,
        REVIEW_DUE.key,
        title=f"Time to review “{resource.title}”",
        body=body,
        url=edit_path,
        email=(
            f"Time to review “{resource.title}”",
            f"Hello {resource.owner.display_name},\n\n{body}\n\n"
            f"Review it here: {settings.SITE_URL}{edit_path}\n",
        ),
    )
    return True


def send_review_reminders(*, today: date | None = None) -> int:
    """Remind every owner whose resource is due; returns how many were reminded."""
    today = today or timezone.localdate()
    due = list(resources_due_a_reminder(today=today).values_list("pk", flat=True))
    sent = sum(1 for resource_id in due if remind_one(resource_id, today=today))
    if sent:
        logger.info("Sent %s library review reminders.", sent)
    return sent
