"""Every write in the forum: starting threads, replying, editing, read marks, following,
community names and groups. Views, the API and the digest job all call these.

Every post passes the two moderation checks first (`moderation/screening.py`): a new account
posting too fast is refused with a message, and a post the word list catches is saved as HELD
for a moderator. A thread's counts are then recounted by `thread_refresh`.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from pahub.accounts.models import Organisation, User
from pahub.community.forum.permissions import may_edit_post
from pahub.community.forum.zones import RESERVED_SLUGS
from pahub.community.markdown import render_post
from pahub.community.models import (
    CommunityName,
    GroupMember,
    Post,
    Subscription,
    Thread,
    ThreadRead,
    Zone,
    ZoneRead,
)
from pahub.community.moderation import screening
from pahub.community.notices import GROUP_INVITATION
from pahub.community.permissions import group_audience_allows, may_post_in_zone
from pahub.community.threads import thread_refresh
from pahub.core import audit
from pahub.notifications.services import notify

TITLE_LIMIT = 150
BODY_LIMIT = 10_000
NAME_LIMIT = 60
HELD_MESSAGE = (
    "Your post is waiting for a moderator to check it. Others will see it once they have."
)


class ForumError(Exception):
    """A write refused; `field` names the answer at fault (for the message beside it) and
    `status` is the API's answer."""

    def __init__(self, message: str, *, field: str = "body", status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


# Names people post under.


def default_community_name(user: User) -> str:
    """First name and postcode district, like "Jordan, NE4"; never the email address."""
    first = (user.known_as or user.full_name or "").split()
    name = first[0] if first else "A member"
    return f"{name}, {user.district_id}" if user.district_id else name


def community_name_of(user: User) -> str:
    chosen = CommunityName.objects.filter(user=user).values_list("name", flat=True).first()
    return chosen or default_community_name(user)


@transaction.atomic
def community_name_set(*, user: User, name: str) -> CommunityName | None:
    """Choose the name to post under; an empty name goes back to the default. Posts already
    written keep the name they were written under."""
    name = " ".join(name.split())
    if "@" in name:
        raise ForumError("Your community name cannot be an email address", field="name")
    if len(name) > NAME_LIMIT:
        raise ForumError(
            f"Your community name must be {NAME_LIMIT} characters or fewer", field="name"
        )
    if not name:
        CommunityName.objects.filter(user=user).delete()
        audit.record(user, "community.name_reset", user)
        return None
    chosen, _ = CommunityName.objects.update_or_create(user=user, defaults={"name": name})
    audit.record(user, "community.name_chosen", chosen)
    return chosen


# Posting.


def check_may_post(*, zone: Zone, thread: Thread | None, author: User, now: datetime) -> None:
    if not may_post_in_zone(author, zone):
        raise ForumError("You cannot post in this zone at the moment.", status=403)
    if thread is not None and thread.locked_at is not None:
        raise ForumError("This thread is closed to new replies.", status=409)
    problem = screening.posting_rate_problem(author=author, now=now)
    if problem:
        raise ForumError(problem, status=429)


def check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ForumError("Enter your post")
    if len(body) > BODY_LIMIT:
        raise ForumError(f"Your post must be {BODY_LIMIT:,} characters or fewer")
    return body


def post_add(
    *, thread: Thread, author: User, body: str, now: datetime, quoted: Post | None = None
) -> Post:
    reason = screening.hold_reason(author=author, text=body)
    post = Post.objects.create(
        thread=thread,
        author=author,
        author_name=community_name_of(author),
        body=body,
        body_html=render_post(body),
        quoted=quoted,
        status=Post.Status.HELD if reason else Post.Status.PUBLISHED,
        held_reason=reason[:200],
        created_at=now,
    )
    thread_refresh(thread)
    # Writing in a thread follows it and counts as having read it.
    Subscription.objects.get_or_create(
        user=author, thread=thread, defaults={"notified_up_to": now, "created_at": now}
    )
    thread_read_mark(user=author, thread=thread, now=now)
    return post


@transaction.atomic
def thread_start(*, zone: Zone, author: User, title: str, body: str, now=None) -> Post:
    """Start a thread with its first post; returns that post (held, perhaps)."""
    now = now or timezone.now()
    title = " ".join(title.split())
    if not title:
        raise ForumError("Enter a title for your thread", field="title")
    if len(title) > TITLE_LIMIT:
        raise ForumError(f"The title must be {TITLE_LIMIT} characters or fewer", field="title")
    body = check_body(body)
    check_may_post(zone=zone, thread=None, author=author, now=now)
    thread = Thread.objects.create(
        zone=zone, title=title, author=author, created_at=now, last_post_at=now
    )
    post = post_add(thread=thread, author=author, body=body, now=now)
    audit.record(author, "community.thread_started", thread, zone=zone.slug, status=post.status)
    return post


@transaction.atomic
def post_reply(
    *, thread: Thread, author: User, body: str, quoted: Post | None = None, now=None
) -> Post:
    now = now or timezone.now()
    body = check_body(body)
    if quoted is not None and quoted.thread_id != thread.pk:
        raise ForumError("You can only quote a post from this thread", field="quoted")
    check_may_post(zone=thread.zone, thread=thread, author=author, now=now)
    post = post_add(thread=thread, author=author, body=body, now=now, quoted=quoted)
    audit.record(author, "community.post_replied", post, thread=thread.pk, status=post.status)
    return post


@transaction.atomic
def post_edit(*, post: Post, author: User, body: str, now=None) -> Post:
    """Change one's own post within the edit window. The new words are checked as a new post
    would be, so an edit can send a post to the moderators."""
    now = now or timezone.now()
    if not may_edit_post(author, post, now=now):
        raise ForumError(
            f"You can only change a post in the {settings.COMMUNITY_EDIT_WINDOW_MINUTES} "
            "minutes after you post it.",
            status=409,
        )
    body = check_body(body)
    reason = screening.hold_reason(author=author, text=body)
    post.body = body
    post.body_html = render_post(body)
    post.edited_at = now
    if reason:
        post.status = Post.Status.HELD
        post.held_reason = reason[:200]
    post.save(update_fields=["body", "body_html", "edited_at", "status", "held_reason"])
    thread_refresh(post.thread)
    audit.record(author, "community.post_edited", post, status=post.status)
    return post


# Read marks and following.


def thread_read_mark(*, user: User, thread: Thread, now=None) -> None:
    """Everything in the thread up to now counts as read. Not audited: reading is not a
    decision anyone needs a record of, and it happens on every page view."""
    now = now or timezone.now()
    ThreadRead.objects.update_or_create(user=user, thread=thread, defaults={"read_up_to": now})


@transaction.atomic
def zone_read_mark(*, user: User, zone: Zone, now=None) -> ZoneRead:
    """ "Mark all read" for one zone."""
    now = now or timezone.now()
    mark, _ = ZoneRead.objects.update_or_create(user=user, zone=zone, defaults={"read_up_to": now})
    return mark


@transaction.atomic
def thread_subscribe(*, user: User, thread: Thread, include_text: bool) -> Subscription:
    subscription, created = Subscription.objects.get_or_create(
        user=user, thread=thread, defaults={"include_text": include_text}
    )
    if not created and subscription.include_text != include_text:
        subscription.include_text = include_text
        subscription.save(update_fields=["include_text"])
    audit.record(user, "community.thread_followed", thread, include_text=include_text)
    return subscription


@transaction.atomic
def thread_unsubscribe(*, user: User, thread: Thread) -> bool:
    deleted, _ = Subscription.objects.filter(user=user, thread=thread).delete()
    if deleted:
        audit.record(user, "community.thread_unfollowed", thread)
    return bool(deleted)


# Groups.


@dataclass(frozen=True)
class GroupInput:
    name: str
    description: str
    audience: str
    joining: str


def group_slug(name: str) -> str:
    base = slugify(name)[:70] or "group"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Zone.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def group_create(*, organisation: Organisation, by: User, values: GroupInput) -> Zone:
    if not organisation.memberships.filter(user=by).exists():
        raise ForumError("Only staff of the organisation can start its groups.", status=403)
    name = " ".join(values.name.split())
    if not name:
        raise ForumError("Enter a name for the group", field="name")
    zone = Zone.objects.create(
        kind=Zone.Kind.GROUP,
        slug=group_slug(name),
        name=name,
        description=values.description.strip(),
        organisation=organisation,
        audience=values.audience,
        joining=values.joining,
    )
    audit.record(by, "community.group_created", zone, organisation=organisation.pk)
    return zone


INVITED_MESSAGE = (
    "If {email} has a PA Hub account that the group is for, we have sent them an invitation."
)


@transaction.atomic
def group_invite(*, zone: Zone, by: User, email: str) -> GroupMember | None:
    """Invite someone by their email address. Whether an account exists is not said, so the
    form cannot be used to find out who uses PA Hub."""
    invited = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if invited is None or not group_audience_allows(invited, zone):
        audit.record(by, "community.group_invitation_unmatched", zone)
        return None
    member = GroupMember.objects.filter(zone=zone, user=invited).first()
    if member is not None and member.status in (
        GroupMember.Status.MEMBER,
        GroupMember.Status.INVITED,
    ):
        return member
    if member is None:
        member = GroupMember(zone=zone, user=invited)
    member.status = GroupMember.Status.INVITED
    member.invited_by = by
    member.created_at = timezone.now()
    member.save()
    audit.record(by, "community.group_invited", member, zone=zone.slug)
    path = reverse("community:zone", args=[zone.slug])
    title = f"{zone.organisation.name} invited you to the group “{zone.name}”"
    body = "Open the group to accept or decline the invitation."
    notify(
        invited,
        GROUP_INVITATION.key,
        title=title,
        body=body,
        url=path,
        email=(title, f"{body}\n\n{settings.SITE_URL}{path}"),
    )
    return member


@transaction.atomic
def group_invitation_answer(*, zone: Zone, user: User, accept: bool) -> GroupMember:
    member = GroupMember.objects.select_for_update().filter(zone=zone, user=user).first()
    if member is None or member.status != GroupMember.Status.INVITED:
        raise ForumError("You have no invitation to this group.", field="answer", status=404)
    if accept:
        member.status = GroupMember.Status.MEMBER
        member.joined_at = timezone.now()
        member.save(update_fields=["status", "joined_at"])
        audit.record(user, "community.group_invitation_accepted", member)
    else:
        member.delete()
        audit.record(user, "community.group_invitation_declined", zone)
    return member


@transaction.atomic
def group_join(*, zone: Zone, user: User) -> GroupMember:
    """Join an open group that is for this person."""
    if zone.kind != Zone.Kind.GROUP or zone.joining != Zone.Joining.OPEN:
        raise ForumError("This group is by invitation only.", status=403)
    if not group_audience_allows(user, zone):
        raise ForumError("This group is not for you.", status=403)
    now = timezone.now()
    try:
        with transaction.atomic():
            member, _ = GroupMember.objects.update_or_create(
                zone=zone,
                user=user,
                defaults={"status": GroupMember.Status.MEMBER, "joined_at": now},
            )
    except IntegrityError:  # joined twice at once: the other request made the row
        member = GroupMember.objects.get(zone=zone, user=user)
    audit.record(user, "community.group_joined", member)
    return member


@transaction.atomic
def group_leave(*, zone: Zone, user: User) -> None:
    updated = GroupMember.objects.filter(
        zone=zone, user=user, status=GroupMember.Status.MEMBER
    ).update(status=GroupMember.Status.LEFT)
    if updated:
        Subscription.objects.filter(user=user, thread__zone=zone).delete()
        audit.record(user, "community.group_left", zone)
