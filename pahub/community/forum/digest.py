"""The new-posts digest: one notice per person per run, naming each followed thread with new
posts by others and how many, and the words only where the person asked for them.

Private zones' posts stay private: without `Subscription.include_text` the notice (and the
email made from it) says only the thread's title, its zone and the number of new posts.
Someone who may no longer see a zone (they left the group, or their role changed) hears
nothing about it. Safe to run again: each subscription's `notified_up_to` moves on to the
moment of the run, so a post is counted once.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from pahub.community.models import Post, Subscription, Zone
from pahub.community.notices import NEW_POSTS
from pahub.community.permissions import may_see_zone
from pahub.notifications.services import notify

EXCERPT_LIMIT = 300


@dataclass
class ThreadNews:
    subscription: Subscription
    posts: list[Post] = field(default_factory=list)

    @property
    def line(self) -> str:
        thread = self.subscription.thread
        count = len(self.posts)
        return (
            f"“{thread.title}” in {thread.zone.name}: {count} new post{'s' if count != 1 else ''}"
        )


def excerpt(post: Post) -> str:
    text = " ".join(post.body.split())
    if len(text) > EXCERPT_LIMIT:
        text = text[: EXCERPT_LIMIT - 1].rstrip() + "…"
    return f"    {post.author_name}: {text}"


def thread_path(subscription: Subscription) -> str:
    thread = subscription.thread
    return reverse("community:thread", args=[thread.zone.slug, thread.pk])


def digest_text(news: list[ThreadNews]) -> str:
    lines = []
    for item in news:
        lines.append(item.line)
        if item.subscription.include_text:
            lines.extend(excerpt(post) for post in item.posts)
        lines.append(f"    {settings.SITE_URL}{thread_path(item.subscription)}")
    return "\n".join(lines)


@transaction.atomic
def community_digest_send(*, now: datetime | None = None) -> int:
    """Tell each follower about new posts since their last digest; returns notices sent."""
    now = now or timezone.now()
    due = list(
        Subscription.objects.select_for_update(of=("self",))
        .filter(thread__isnull=False, thread__last_post_at__gt=F("notified_up_to"))
        .select_related("user", "thread__zone__local_authority", "thread__zone__organisation")
        .order_by("user_id", "thread__last_post_at")
    )
    if not due:
        return 0
    earliest = min(subscription.notified_up_to for subscription in due)
    posts_by_thread: dict[int, list[Post]] = defaultdict(list)
    for post in Post.objects.filter(
        thread_id__in={subscription.thread_id for subscription in due},
        status=Post.Status.PUBLISHED,
        created_at__gt=earliest,
        created_at__lte=now,
    ).order_by("created_at", "pk"):
        posts_by_thread[post.thread_id].append(post)

    news_by_user: dict[int, list[ThreadNews]] = defaultdict(list)
    seen: dict[tuple[int, int], bool] = {}
    for subscription in due:
        user = subscription.user
        zone: Zone = subscription.thread.zone
        key = (user.pk, zone.pk)
        if key not in seen:
            seen[key] = user.is_active and user.deleted_at is None and may_see_zone(user, zone)
        if not seen[key]:
            continue
        posts = [
            post
            for post in posts_by_thread[subscription.thread_id]
            if post.created_at > subscription.notified_up_to and post.author_id != user.pk
        ]
        if posts:
            news_by_user[user.pk].append(ThreadNews(subscription, posts))

    sent = 0
    for news in news_by_user.values():
        user = news[0].subscription.user
        threads = len(news)
        total = sum(len(item.posts) for item in news)
        title = (
            f"{total} new post{'s' if total != 1 else ''} in "
            f"{threads} thread{'s' if threads != 1 else ''} you follow"
        )
        text = digest_text(news)
        url = thread_path(news[0].subscription) if threads == 1 else reverse("community:home")
        notify(user, NEW_POSTS.key, title=title, body=text, url=url, email=(title, text), now=now)
        sent += 1
    Subscription.objects.filter(pk__in=[subscription.pk for subscription in due]).update(
        notified_up_to=now
    )
    return sent
