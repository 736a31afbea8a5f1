"""What a concern is about: a post, a message, a cover booking or a PA profile.

`?about=<kind>:<id>` names the thing. It is loaded only through the owning app's own `access_*`
helper for the person raising the concern, so nobody can raise a concern "about" something
they cannot see, nor learn from the form whether it exists: anything they may not see (or
anything malformed) is treated as no context at all, and the form asks for the area instead.

From the thing come the council's area the concern goes to and the person it is about:

- a cover booking or a message: the employer's area; about the other side (or the author);
- a PA profile: the PA's home area; about the PA;
- a community post: the zone's area, else the author's home area; about the author.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from pahub.accounts.models import User
from pahub.community.models import Post, Zone
from pahub.community.permissions import may_see_zone
from pahub.cover.permissions import access_booking
from pahub.employers.permissions import employer_area_id
from pahub.messaging.models import Message
from pahub.messaging.permissions import access_conversation, access_message_in_conversation
from pahub.places.models import LocalAuthority
from pahub.register.permissions import access_profile_for_viewer
from pahub.support.models import Concern

Kind = Concern.AboutKind


@dataclass(frozen=True)
class About:
    kind: str
    object_id: int
    area: LocalAuthority | None
    about_user: User | None
    # What the form says the concern is about, in words that reveal nothing new to the raiser.
    description: str

    @property
    def param(self) -> str:
        return f"{self.kind}:{self.object_id}"


def parse(value: str) -> tuple[str, int] | None:
    kind, _, raw_id = (value or "").partition(":")
    if kind not in (Kind.POST, Kind.MESSAGE, Kind.BOOKING, Kind.PROFILE):
        return None
    if not raw_id.isdigit() or len(raw_id) > 18 or int(raw_id) < 1:
        return None
    return kind, int(raw_id)


def resolve_about(user: User, value: str) -> About | None:
    """The context named by `?about=`, as this person may see it; None for anything else."""
    parsed = parse(value)
    if parsed is None or not user.is_authenticated:
        return None
    kind, object_id = parsed
    try:
        return LOADERS[kind](user, object_id)
    except (Http404, PermissionDenied):
        return None


def area_by_id(gss_code: str | None) -> LocalAuthority | None:
    if not gss_code:
        return None
    return LocalAuthority.objects.filter(pk=gss_code).first()


def other_person(user: User, candidate: User | None) -> User | None:
    """A concern is about someone else: never record the raiser as the person concerned."""
    if candidate is None or candidate.pk == user.pk:
        return None
    return candidate


def about_booking(user: User, booking_id: int) -> About:
    booking = access_booking(user, booking_id)
    subject = booking.employer if booking.pa_id == user.pk else booking.pa
    return About(
        kind=Kind.BOOKING,
        object_id=booking.pk,
        area=area_by_id(employer_area_id(booking.employer)),
        about_user=other_person(user, subject),
        description=f"A cover booking with {subject.display_name}",
    )


def about_message(user: User, message_id: int) -> About:
    conversation_id = (
        Message.objects.filter(pk=message_id).values_list("conversation_id", flat=True).first()
    )
    if conversation_id is None:
        raise Http404
    conversation, _participant = access_conversation(user, conversation_id)
    message = access_message_in_conversation(conversation, message_id)
    author = message.author
    return About(
        kind=Kind.MESSAGE,
        object_id=message.pk,
        area=area_by_id(employer_area_id(conversation.employer)),
        about_user=other_person(user, author),
        description=(
            f"A message from {author.display_name}" if author is not None else "A message"
        ),
    )


def about_profile(user: User, profile_id: int) -> About:
    profile = access_profile_for_viewer(user, profile_id)
    return About(
        kind=Kind.PROFILE,
        object_id=profile.pk,
        area=profile.user.local_authority,
        about_user=other_person(user, profile.user),
        description=f"The PA profile of {profile.user.display_name}",
    )


def about_post(user: User, post_id: int) -> About:
    post = (
        Post.objects.select_related("thread__zone__local_authority", "author__local_authority")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        raise Http404
    if not may_see_zone(user, post.thread.zone):
        raise Http404
    if post.status != Post.Status.PUBLISHED and post.author_id != user.pk:
        raise Http404
    zone = post.thread.zone
    if zone.kind == Zone.Kind.AREA and zone.local_authority is not None:
        area = zone.local_authority
    else:
        area = post.author.local_authority if post.author is not None else None
    return About(
        kind=Kind.POST,
        object_id=post.pk,
        area=area,
        about_user=other_person(user, post.author),
        description=f"A post by {post.author_name} in {zone.name}",
    )


LOADERS = {
    Kind.BOOKING: about_booking,
    Kind.MESSAGE: about_message,
    Kind.PROFILE: about_profile,
    Kind.POST: about_post,
}
