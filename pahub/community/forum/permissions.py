"""Loading threads and posts for the forum's pages and API, always through the zone rule in
`pahub/community/permissions.py`: a thread in a zone someone may not see is not found."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from pahub.accounts.models import Organisation, User
from pahub.community.models import Post, Thread, Zone
from pahub.community.permissions import access_zone, can_moderate_zone


def edit_window() -> timedelta:
    return timedelta(minutes=settings.COMMUNITY_EDIT_WINDOW_MINUTES)


def access_thread(user: User, zone_slug: str, thread_id: int) -> Thread:
    """The only way a page or the API loads a thread: 404 unless the person sees its zone."""
    zone = access_zone(user, zone_slug)
    thread = get_object_or_404(Thread.objects.select_related("zone"), pk=thread_id, zone=zone)
    thread.zone = zone  # with its council and organisation, as access_zone loaded it
    return thread


def may_see_post(user: User, post: Post, *, moderator: bool) -> bool:
    """Published posts are for everyone in the zone; a held or hidden one only for its
    author and the zone's moderators."""
    if post.status == Post.Status.PUBLISHED:
        return True
    if moderator:
        return True
    return post.author_id is not None and post.author_id == user.pk


def access_post_to_quote(user: User, thread: Thread, post_id: int) -> Post:
    post = get_object_or_404(Post, pk=post_id, thread=thread)
    if not may_see_post(user, post, moderator=can_moderate_zone(user, thread.zone)):
        raise Http404
    return post


def may_edit_post(user: User, post: Post, *, now=None) -> bool:
    now = now or timezone.now()
    if post.author_id is None:
        return False
    if post.author_id != user.pk:
        return False
    if post.status == Post.Status.HIDDEN:
        return False
    return now - post.created_at <= edit_window()


def access_post_for_edit(user: User, thread: Thread, post_id: int) -> Post:
    """A person's own post, within the edit window; anyone else's is not found."""
    post = get_object_or_404(Post, pk=post_id, thread=thread)
    if post.author_id != user.pk:
        raise Http404
    return post


def organisations_running_groups(user: User):
    """The organisations whose staff this person is: they may start groups for them."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct().order_by("name")


def may_run_groups(user: User) -> bool:
    return organisations_running_groups(user).exists()


def access_group_to_manage(user: User, zone_slug: str) -> Zone:
    """A group's member list and invitations: its moderators only; 404 for anyone else."""
    zone = access_zone(user, zone_slug)
    if zone.kind != Zone.Kind.GROUP:
        raise Http404
    if not can_moderate_zone(user, zone):
        raise Http404
    return zone
