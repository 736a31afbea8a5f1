"""Who may report and who may moderate which posts. Moderators are chosen by the one rule,
`pahub.community.permissions.can_moderate_zone`; `zones_moderated_by` is the same rule as a
query, for the queue (tests/community/moderation/test_permissions.py keeps the two in step).
Anyone else gets 404, so a moderator of one zone never learns about another zone's posts.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.community.models import Post, Suspension, Zone
from pahub.community.permissions import can_moderate_zone, may_see_zone

POST_RELATED = ("thread__zone", "author")


def zones_moderated_by(user: User) -> QuerySet[Zone]:
    """Every zone the person moderates, as one query: `can_moderate_zone` for many zones."""
    if not user.is_authenticated:
        return Zone.objects.none()
    if is_site_admin(user):
        return Zone.objects.all()
    moderated = Q(kind=Zone.Kind.AREA, local_authority_id__in=staff_local_authority_ids(user))
    moderated |= Q(kind=Zone.Kind.GROUP, organisation__memberships__user=user)
    return Zone.objects.filter(moderated).distinct()


def moderates_any_zone(user: User) -> bool:
    """For the staff area's link and the queue: does this person moderate anywhere?"""
    return zones_moderated_by(user).exists()


def require_moderator(user: User) -> None:
    if not moderates_any_zone(user):
        raise Http404


def access_post_for_moderator(user: User, post_id: int) -> Post:
    """The only way a moderator's page or the API loads a post to act on it."""
    post = get_object_or_404(Post.objects.select_related(*POST_RELATED), pk=post_id)
    if not can_moderate_zone(user, post.thread.zone):
        raise Http404
    return post


def access_post_for_reporter(user: User, post_id: int) -> Post:
    """Anyone who may see the zone may report a published post in it; for anyone else the
    post does not exist. Held and hidden posts are already with the moderators."""
    post = get_object_or_404(Post.objects.select_related(*POST_RELATED), pk=post_id)
    if post.status != Post.Status.PUBLISHED:
        raise Http404
    if not may_see_zone(user, post.thread.zone):
        raise Http404
    return post


def access_suspension_for_moderator(user: User, suspension_id: int) -> Suspension:
    suspension = get_object_or_404(
        Suspension.objects.select_related("zone", "user"), pk=suspension_id
    )
    if not can_moderate_zone(user, suspension.zone):
        raise Http404
    return suspension


def access_suspension_for_person(user: User, suspension_id: int) -> Suspension:
    """A suspended person reads their own suspension; nobody else finds it here."""
    suspension = get_object_or_404(Suspension.objects.select_related("zone"), pk=suspension_id)
    if suspension.user_id != user.pk:
        raise Http404
    return suspension
