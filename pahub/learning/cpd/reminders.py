"""The yearly reminder to review the CPD log (Level 3 benefit, report Fig. 5-2).

A PA with entries in their log is reminded when their last review, or their first entry if
they have never reviewed, is more than 365 days old, and they have not been reminded in the
last 365 days. The reminder is recorded on a `CPDReview` row (`reminded_at`, no
`reviewed_at` yet) in the same transaction as the notice, with the person's row locked, so
running the job twice, or on two machines at once, reminds each PA once a year.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from pahub.accounts.models import User
from pahub.learning.models import CPDEntry, CPDReview
from pahub.learning.notices import CPD_REVIEW
from pahub.notifications.services import notify

logger = logging.getLogger(__name__)

YEAR = timedelta(days=365)
CPD_PAGE_PATH = "/learning/cpd/"


def pas_due_a_reminder(*, now: datetime):
    """People whose CPD log is due a yearly review reminder."""
    cutoff = now - YEAR

    def latest(field: str):
        return Subquery(
            CPDReview.objects.filter(user=OuterRef("pk"))
            .values("user")
            .annotate(latest=Max(field))
            .values("latest")
        )

    first_entry = Subquery(
        CPDEntry.objects.filter(user=OuterRef("pk"))
        .values("user")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    return (
        User.objects.filter(is_active=True, deleted_at__isnull=True)
        .annotate(
            first_entry=first_entry,
            last_reviewed=latest("reviewed_at"),
            last_reminded=latest("reminded_at"),
        )
        .annotate(counts_from=Coalesce("last_reviewed", "first_entry"))
        .filter(first_entry__isnull=False, counts_from__lte=cutoff)
        .filter(Q(last_reminded__isnull=True) | Q(last_reminded__lte=cutoff))
        .order_by("pk")
    )


@transaction.atomic
def remind_one(user_id: int, *, now: datetime) -> bool:
    """Remind one PA, if still due once their row is locked; True if reminded."""
    User.objects.select_for_update().filter(pk=user_id).first()
    user = pas_due_a_reminder(now=now).filter(pk=user_id).first()
    if user is None:
        return False
    waiting = CPDReview.objects.filter(user=user, reviewed_at__isnull=True).first()
    if waiting is not None:
        waiting.reminded_at = now
        waiting.save(update_fields=["reminded_at"])
    else:
        CPDReview.objects.create(user=user, reviewed_at=None, reminded_at=now)
    body = (
        "It is a year since you last looked back over your CPD log. Take a few minutes to "
        "check it is up to date: add any learning you have not logged yet, then tell us you "
        "have reviewed it."
    )
    notify(
        user,
        CPD_REVIEW.key,
        title="Time to review your CPD log",
        body=body,
        url=CPD_PAGE_PATH,
        email=(
            "Time to review your CPD log",
            f"Hello {user.display_name},\n\n{body}\n\nYour CPD log: {settings.SITE_URL}{CPD_PAGE_PATH}\n",
        ),
        now=now,
    )
    return True


def send_cpd_review_reminders(*, now: datetime | None = None) -> int:
    """Remind every PA who is due; returns how many were reminded."""
    now = now or timezone.now()
    due = list(pas_due_a_reminder(now=now).values_list("pk", flat=True))
    sent = sum(1 for user_id in due if remind_one(user_id, now=now))
    if sent:
        logger.info("Sent %s CPD review reminders.", sent)
    return sent
