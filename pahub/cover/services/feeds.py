"""Private calendar feeds (for PAs and the employer side alike): making and stopping them."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.cover.errors import CoverError
from pahub.cover.models import CalendarFeed

# Enough for a phone, a laptop and a shared family calendar; more is a sign of lost links.
MAX_LIVE_FEEDS = 5


@dataclass(frozen=True)
class NewFeed:
    feed: CalendarFeed
    # The secret, shown to its owner once; only its digest is stored.
    token: str


@transaction.atomic
def calendar_feed_create(*, user: User) -> NewFeed:
    live = CalendarFeed.objects.filter(user=user, revoked_at__isnull=True)
    if live.count() >= MAX_LIVE_FEEDS:
        raise CoverError(
            f"You already have {MAX_LIVE_FEEDS} calendar addresses. Stop one you no longer use "
            "before making another."
        )
    token = CalendarFeed.new_token()
    feed = CalendarFeed.objects.create(user=user, token_digest=CalendarFeed.digest(token))
    audit.record(user, "cover.calendar_feed_created", feed)
    return NewFeed(feed=feed, token=token)


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed, by: User) -> CalendarFeed:
    """Stop a feed at once: calendars subscribed to it get nothing more."""
    if feed.revoked_at is not None:
        raise CoverError("This calendar address has already been stopped.")
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    audit.record(by, "cover.calendar_feed_revoked", feed)
    return feed
