"""Who may do what with the directory. The only place these rules live.

- Anyone, signed in or not, may find and read an approved service.
- Staff of an organisation on PA Hub manage that organisation's own directory entry and its
  services, whatever their status. Staff of another organisation get 404, so nobody learns a
  pending entry exists; a signed-in person who is nobody's staff gets 403.
- Site admins (hub staff) approve or withdraw services and record whether an organisation
  meets the regional base standard for support organisations.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Membership, User
from pahub.accounts.models import Organisation as AccountOrganisation
from pahub.accounts.permissions import is_site_admin
from pahub.directory.models import Organisation, Service
from pahub.directory.queries import service_with_details

NOT_STAFF = "Only staff of an organisation on PA Hub can manage a directory entry."
NOT_HUB_STAFF = "Only PA Hub's staff can review directory entries."


def staff_organisation_ids(user: User) -> list[int]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def manages_entry(user: User, entry: Organisation) -> bool:
    """This person is staff of the organisation on PA Hub that keeps the entry."""
    return (
        user.is_authenticated
        and entry.managed_by_id is not None
        and Membership.objects.filter(user=user, organisation_id=entry.managed_by_id).exists()
    )


def require_staff(user: User) -> None:
    if not staff_organisation_ids(user):
        raise PermissionDenied(NOT_STAFF)


def require_hub_staff(user: User) -> None:
    if not is_site_admin(user):
        raise PermissionDenied(NOT_HUB_STAFF)


def access_service_for_viewer(user: User, service_id: int) -> Service:
    """The only way a page loads a service to show it."""
    service = get_object_or_404(service_with_details(service_id))
    if service.status == Service.Status.APPROVED:
        return service
    if manages_entry(user, service.organisation):
        return service
    if is_site_admin(user):
        return service
    raise Http404


def access_account_organisation_for_entry(user: User, organisation_id: int) -> AccountOrganisation:
    """An organisation on PA Hub whose staff may start its directory entry."""
    require_staff(user)
    organisation = get_object_or_404(AccountOrganisation, pk=organisation_id)
    if organisation.pk not in staff_organisation_ids(user):
        raise Http404
    return organisation


def access_entry_for_manager(user: User, entry_id: int) -> Organisation:
    """The only way to load a directory entry to change it: its own organisation's staff."""
    require_staff(user)
    entry = get_object_or_404(Organisation.objects.select_related("managed_by"), pk=entry_id)
    if not manages_entry(user, entry):
        raise Http404
    return entry


def access_service_for_manager(user: User, service_id: int) -> Service:
    require_staff(user)
    service = get_object_or_404(service_with_details(service_id))
    if not manages_entry(user, service.organisation):
        raise Http404
    return service


def access_service_for_review(user: User, service_id: int) -> Service:
    require_hub_staff(user)
    return get_object_or_404(service_with_details(service_id))


def access_entry_for_review(user: User, entry_id: int) -> Organisation:
    require_hub_staff(user)
    return get_object_or_404(Organisation, pk=entry_id)
