"""Reads for the moderators' queue and for people's own view of moderation about them."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from pahub.accounts.models import User
from pahub.community.models import ModerationAction, Post, PostReport, Suspension
from pahub.community.moderation.permissions import POST_RELATED, zones_moderated_by

OPEN = Q(reports__resolved_at__isnull=True, reports__isnull=False)


def queue_posts(user: User) -> QuerySet[Post]:
    """Held posts and posts with open reports, in the zones this person moderates: one query,
    oldest first so nothing waits longest. `open_report_count` is on each post."""
    return (
        Post.objects.filter(thread__zone__in=zones_moderated_by(user))
        .annotate(open_report_count=Count("reports", filter=OPEN))
        .filter(Q(status=Post.Status.HELD) | Q(open_report_count__gt=0))
        .select_related(*POST_RELATED)
        .order_by("created_at", "pk")
    )


def current_suspensions(user: User) -> QuerySet[Suspension]:
    now = timezone.now()
    return (
        Suspension.objects.filter(
            zone__in=zones_moderated_by(user),
            lifted_at__isnull=True,
            starts_at__lte=now,
            ends_at__gt=now,
        )
        .select_related("zone", "user")
        .order_by("ends_at", "pk")
    )


def reports_of(post: Post) -> QuerySet[PostReport]:
    """A post's open reports: the reasons and details, for the moderator; not who sent them."""
    return PostReport.objects.filter(post=post, resolved_at__isnull=True).order_by("created_at")


def history_of(post: Post) -> QuerySet[ModerationAction]:
    return ModerationAction.objects.filter(post=post).order_by("-created_at", "-pk")


def moderation_about(user: User) -> QuerySet[ModerationAction]:
    """What moderators did about this person, newest first (never who the moderator was)."""
    return (
        ModerationAction.objects.filter(person=user)
        .select_related("zone", "post__thread")
        .order_by("-created_at", "-pk")
    )


def posts_waiting(user: User) -> QuerySet[Post]:
    """The person's own posts that are held or hidden, with why."""
    return (
        Post.objects.filter(author=user)
        .exclude(status=Post.Status.PUBLISHED)
        .select_related("thread__zone")
        .order_by("-created_at", "-pk")
    )


def suspensions_of(user: User) -> QuerySet[Suspension]:
    return Suspension.objects.filter(user=user).select_related("zone").order_by("-starts_at")


def current_suspension(user: User, zone) -> Suspension | None:
    """The suspension stopping this person posting in the zone now, if any: the forum's
    posting page links to it, so they read why and until when."""
    now = timezone.now()
    return (
        Suspension.objects.filter(
            zone=zone, user=user, lifted_at__isnull=True, starts_at__lte=now, ends_at__gt=now
        )
        .order_by("-ends_at")
        .first()
    )
