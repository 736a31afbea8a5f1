"""Who may read and change the library. The only place these rules live: pages and the API
call the same helpers.

- Everyone, signed in or not, reads every published resource: the shared regional core and
  each council's local additions (a spoke page is public too). Lists show the core and the
  viewer's own council's additions.
- Site admins (hub staff) edit the shared core, and any council's additions.
- A council's own staff (`accounts.permissions.is_council_staff_for`) add and edit their
  council's local additions, and nothing else. Two-factor is required of all staff by
  `accounts.middleware.StaffTwoFactorMiddleware` on every page and API operation.
- Anyone else gets 403 on the management pages, and 404 for a resource they may not change,
  so an address reveals nothing.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Organisation, User
from pahub.accounts.permissions import is_council_staff_for, is_site_admin
from pahub.library.models import Resource
from pahub.places.models import LocalAuthority

NOT_EDITOR = "Only PA Hub's staff and council staff can change the library."


def council_ids_for_editor(user: User) -> set[str]:
    """The councils whose local additions this person may write (as the council's staff)."""
    if not user.is_authenticated:
        return set()
    return set(
        Organisation.local_authorities.through.objects.filter(
            organisation__kind=Organisation.Kind.LOCAL_AUTHORITY,
            organisation__memberships__user=user,
        ).values_list("localauthority_id", flat=True)
    )


def may_manage_library(user: User) -> bool:
    return is_site_admin(user) or bool(council_ids_for_editor(user))


def may_edit_resource(user: User, resource: Resource) -> bool:
    if resource.local_authority_id is None:
        return is_site_admin(user)
    return is_council_staff_for(user, resource.local_authority_id)


def require_library_editor(user: User) -> None:
    if not may_manage_library(user):
        raise PermissionDenied(NOT_EDITOR)


def access_resource_for_viewer(user: User, slug: str) -> Resource:
    """The only way a page or the API loads one resource to show it."""
    return get_object_or_404(
        Resource.objects.select_related("current_version", "local_authority").prefetch_related(
            "tags", "audiences"
        ),
        slug=slug,
        current_version__isnull=False,
    )


def access_resource_for_editor(user: User, slug: str) -> Resource:
    """The only way to load a resource to change it."""
    require_library_editor(user)
    resource = get_object_or_404(
        Resource.objects.select_related("current_version", "local_authority").prefetch_related(
            "tags", "audiences"
        ),
        slug=slug,
    )
    if not may_edit_resource(user, resource):
        raise Http404
    return resource


def access_council_for_local_addition(user: User, gss_code: str) -> LocalAuthority:
    """A council whose local additions this person may write; 404 for any other."""
    require_library_editor(user)
    council = get_object_or_404(LocalAuthority, pk=gss_code)
    if not is_council_staff_for(user, council.pk):
        raise Http404
    return council
