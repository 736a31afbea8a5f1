"""Who may do what with accounts and organisations. The only place such rules live."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import (
    Membership,
    Organisation,
    OrganisationConsent,
    Representation,
    User,
)


def is_site_admin(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def is_organisation_staff(user: User) -> bool:
    return user.is_authenticated and user.has_memberships


def must_use_two_factor(user: User) -> bool:
    """Staff and site admins see other people's data, so they need a second factor."""
    return is_site_admin(user) or is_organisation_staff(user) or user.is_staff


def has_two_factor(user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def staff_local_authority_ids(user: User) -> set[str]:
    """The local authorities whose people this staff member may serve."""
    # Whether the person is staff at all is read once a request (`User.has_memberships`):
    # for PAs and employers, the matching pool and talent search ask this on every search.
    if not is_organisation_staff(user):
        return set()
    return set(
        Organisation.local_authorities.through.objects.filter(
            organisation__memberships__user=user
        ).values_list("localauthority_id", flat=True)
    )


def is_council_staff_for(user: User, local_authority_id: str) -> bool:
    """Staff of the council itself (an organisation of the local-authority kind serving it),
    or a site admin: who may edit the council's spoke and its local rules."""
    if is_site_admin(user):
        return True
    return (
        user.is_authenticated
        and Organisation.local_authorities.through.objects.filter(
            organisation__kind=Organisation.Kind.LOCAL_AUTHORITY,
            organisation__memberships__user=user,
            localauthority_id=local_authority_id,
        ).exists()
    )


def access_organisation_for_admin(user: User, organisation_id: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    if is_site_admin(user):
        return organisation
    if not Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.StaffRole.ADMIN
    ).exists():
        raise Http404
    return organisation


def access_organisation_for_member(user: User, organisation_id: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    if is_site_admin(user):
        return organisation
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise Http404
    return organisation


def can_record_grant_for(staff: User, employer: User) -> bool:
    """Staff may record a representative on an employer's behalf only in their own areas."""
    if is_site_admin(staff):
        return True
    return (
        employer.local_authority_id is not None
        and employer.local_authority_id in staff_local_authority_ids(staff)
    )


def access_representation_for_employer(user: User, representation_id: int) -> Representation:
    representation = get_object_or_404(
        Representation.objects.select_related("employer", "representative"),
        pk=representation_id,
    )
    if representation.employer_id != user.pk:
        raise Http404
    return representation


def access_representation_for_either_side(user: User, representation_id: int) -> Representation:
    representation = get_object_or_404(
        Representation.objects.select_related("employer", "representative"),
        pk=representation_id,
    )
    if user.pk not in (representation.employer_id, representation.representative_id):
        raise Http404
    return representation


def access_own_consent(user: User, consent_id: int) -> OrganisationConsent:
    """An agreement the person gave; anyone else's is "not found", so ids reveal nothing."""
    return get_object_or_404(
        OrganisationConsent.objects.select_related("organisation", "recorded_by"),
        pk=consent_id,
        person=user,
    )
