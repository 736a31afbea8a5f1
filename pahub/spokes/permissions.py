"""Who may see and who may edit a spoke. The only place these rules live: the pages and the API
call these helpers.

- Anyone, signed in or not, sees a spoke's published page: it is public information.
- Staff of the council itself (`accounts.permissions.is_council_staff_for`) and site
  administrators edit it, with two-factor (`accounts.middleware.StaffTwoFactorMiddleware`:
  the editing pages are not public, so a staff session without two-factor is sent to set it
  up). Anyone else gets 404, so nobody learns more than the public page says.
- A council where PA Hub runs no spoke has no page (404), like an unknown address.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Organisation, User
from pahub.accounts.permissions import is_council_staff_for, is_site_admin
from pahub.places.models import LocalAuthority
from pahub.places.queries import local_authority_by_slug, spoke_local_authorities
from pahub.spokes.models import NewsItem, SpokeContact, SpokeContent


def access_spoke(slug: str) -> LocalAuthority:
    """The council at /areas/<slug>/ for anyone: 404 when unknown or not a spoke."""
    local_authority = local_authority_by_slug(slug)
    if not local_authority.is_spoke:
        raise Http404
    return local_authority


def may_edit_spoke(user: User, local_authority: LocalAuthority) -> bool:
    return local_authority.is_spoke and is_council_staff_for(user, local_authority.pk)


def access_spoke_for_editor(user: User, slug: str) -> LocalAuthority:
    """The only way an editing page loads a spoke: 404 for anyone who may not edit it."""
    local_authority = access_spoke(slug)
    if not may_edit_spoke(user, local_authority):
        raise Http404
    return local_authority


def spokes_editable_by(user: User) -> QuerySet[LocalAuthority]:
    """The spokes this person edits: all of them for a site administrator, else those of the
    councils whose staff they are (the same rule as `is_council_staff_for`, as one query)."""
    spokes = spoke_local_authorities()
    if is_site_admin(user):
        return spokes
    if not user.is_authenticated:
        return spokes.none()
    return spokes.filter(
        pk__in=Organisation.local_authorities.through.objects.filter(
            organisation__kind=Organisation.Kind.LOCAL_AUTHORITY,
            organisation__memberships__user=user,
        ).values("localauthority_id")
    )


def edits_any_spoke(user: User) -> bool:
    """For the staff area's link to the spokes someone edits."""
    return spokes_editable_by(user).exists()


def access_contact_for_editor(user: User, slug: str, contact_id: int) -> SpokeContact:
    """A contact on the council's draft (published contacts change only by publishing)."""
    local_authority = access_spoke_for_editor(user, slug)
    return get_object_or_404(
        SpokeContact.objects.select_related("content__local_authority"),
        pk=contact_id,
        content__local_authority=local_authority,
        content__version=SpokeContent.Version.DRAFT,
    )


def access_news_for_editor(user: User, slug: str, item_id: int) -> NewsItem:
    local_authority = access_spoke_for_editor(user, slug)
    return get_object_or_404(
        NewsItem.objects.select_related("local_authority"),
        pk=item_id,
        local_authority=local_authority,
    )
