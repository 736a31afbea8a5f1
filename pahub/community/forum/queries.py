"""Reading the forum: zones with unread counts, a zone's threads and a thread's posts.

A thread is unread when its last published post (`Thread.last_post_at`, kept by
`thread_refresh`) came after both the person's ThreadRead and ZoneRead. Both marks are read
in the same query as the threads, as subqueries, so a page's query count does not grow with
its threads, and the community home's counts are one grouped query for every zone.
"""

from datetime import UTC, datetime

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest

from pahub.accounts.models import User
from pahub.community.models import (
    GroupMember,
    Post,
    Subscription,
    Thread,
    ThreadRead,
    Zone,
    ZoneRead,
)
from pahub.community.permissions import zones_visible_to

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 20
NEVER = datetime(2000, 1, 1, tzinfo=UTC)


def with_read_up_to(threads: QuerySet[Thread], user: User) -> QuerySet[Thread]:
    """Annotate each thread with how far the person has read it, and whether it is unread."""
    thread_mark = ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values("read_up_to")
    zone_mark = ZoneRead.objects.filter(user=user, zone=OuterRef("zone_id")).values("read_up_to")
    never = Value(NEVER, output_field=DateTimeField())
    return threads.annotate(
        read_up_to=Greatest(
            Coalesce(Subquery(thread_mark[:1]), never),
            Coalesce(Subquery(zone_mark[:1]), never),
            output_field=DateTimeField(),
        )
    ).annotate(
        is_unread=ExpressionWrapper(
            Q(last_post_at__gt=F("read_up_to")), output_field=BooleanField()
        )
    )


def zones_for_home(user: User) -> list[Zone]:
    """The zones a person may see, each with `unread` (threads with posts they have not read)
    and `is_member`, in two queries whatever the number of zones."""
    zones = list(zones_visible_to(user).select_related("organisation", "local_authority"))
    unread = dict(
        with_read_up_to(Thread.objects.filter(zone__in=[zone.pk for zone in zones]), user)
        .filter(is_unread=True)
        .values("zone_id")
        .annotate(count=Count("pk"))
        .values_list("zone_id", "count")
    )
    statuses = dict(
        GroupMember.objects.filter(user=user, zone__in=[zone.pk for zone in zones]).values_list(
            "zone_id", "status"
        )
    )
    for zone in zones:
        zone.unread = unread.get(zone.pk, 0)
        zone.group_status = statuses.get(zone.pk)
    return zones


def threads_of_zone(zone: Zone, user: User) -> QuerySet[Thread]:
    return with_read_up_to(Thread.objects.filter(zone=zone), user).order_by(
        "-is_pinned", "-last_post_at", "-pk"
    )


def page_of(rows, number, per_page: int) -> Page:
    """A page of rows; "last" is the last page (where a new reply is)."""
    paginator = Paginator(rows, per_page)
    return paginator.get_page(paginator.num_pages if number == "last" else number)


def posts_of_thread(thread: Thread, user: User, *, moderator: bool) -> QuerySet[Post]:
    """The posts a person sees in a thread: published ones, their own held or hidden ones, and
    for moderators every post (marked on the page)."""
    posts = Post.objects.filter(thread=thread).select_related("quoted")
    if not moderator:
        posts = posts.filter(Q(status=Post.Status.PUBLISHED) | Q(author_id=user.pk))
    return posts.order_by("created_at", "pk")


def subscription_of(user: User, thread: Thread) -> Subscription | None:
    return Subscription.objects.filter(user=user, thread=thread).first()


def groups_to_join(zones: list[Zone]) -> list[Zone]:
    """Groups on the home page the person is not in yet: open ones for them, invitations."""
    return [
        zone
        for zone in zones
        if zone.kind == Zone.Kind.GROUP and zone.group_status != GroupMember.Status.MEMBER
    ]


def group_members(zone: Zone) -> QuerySet[GroupMember]:
    return (
        GroupMember.objects.filter(zone=zone)
        .exclude(status=GroupMember.Status.LEFT)
        .select_related("user")
        .order_by("status", "user__full_name")
    )


def area_zone_of(local_authority_id: str) -> Zone | None:
    """A council area's peer zone, if it has one open; who may see it is `may_see_zone`."""
    return Zone.objects.filter(
        kind=Zone.Kind.AREA, local_authority_id=local_authority_id, archived_at__isnull=True
    ).first()
