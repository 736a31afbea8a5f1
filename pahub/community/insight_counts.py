"""Counts of community activity for the insights dashboards: each a GROUP BY in the database.

Threads and replies belong to the local authority of their author's address; meet-ups to
the area of the district they are held in. Only published posts and meet-ups count.
"""

from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery

from pahub.community.models.zones import Post, Thread
from pahub.core.local_time import LocalMonth
from pahub.learning.models import MEETUP_KINDS, Event


def threads_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month started, threads) started by people placed in an area."""
    rows = (
        Thread.objects.filter(author__local_authority__isnull=False)
        .annotate(month=LocalMonth("created_at"))
        .values_list("author__local_authority_id", "month")
        .annotate(threads=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), n) for area, month, n in rows]


def replies_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month posted, replies): published posts that are not the first post
    of their thread (the opening post is the thread itself)."""
    first_post = (
        Post.objects.filter(thread=OuterRef("thread")).order_by("created_at", "pk").values("pk")[:1]
    )
    rows = (
        Post.objects.filter(status=Post.Status.PUBLISHED, author__local_authority__isnull=False)
        .exclude(pk=Subquery(first_post))
        .annotate(month=LocalMonth("created_at"))
        .values_list("author__local_authority_id", "month")
        .annotate(replies=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), n) for area, month, n in rows]


def meetups_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month held, meet-ups): published, not cancelled, held in person in
    a district of the area. Online meet-ups have no area and are not counted."""
    rows = (
        Event.objects.filter(
            Q(kind__in=MEETUP_KINDS),
            published_at__isnull=False,
            cancelled_at=None,
            district__local_authority__isnull=False,
        )
        .annotate(month=LocalMonth("starts_at"))
        .values_list("district__local_authority_id", "month")
        .annotate(meetups=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), n) for area, month, n in rows]
