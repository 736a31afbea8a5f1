"""Who may read and handle safeguarding concerns. The only place these rules live: pages and the
API call the same helpers, and anyone else gets 404, so nobody learns a concern exists.

- A council's safeguarding staff: people with `handles_safeguarding` on their membership of an
  organisation of kind local authority that works in the concern's area.
- Site administrators (hub staff), everywhere.
- Never the person the concern is about, even when they are one of the above.
- The person who raised a concern sees its status and outcome (not staff notes), on their own
  list only.

A council's own admins (of its local-authority organisation) set its safeguarding contact.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Membership, Organisation, User
from pahub.accounts.permissions import is_site_admin
from pahub.core import audit
from pahub.places.models import LocalAuthority
from pahub.support.models import Concern

COUNCIL = Organisation.Kind.LOCAL_AUTHORITY


def safeguarding_area_ids(user: User) -> set[str]:
    """The councils' areas whose concerns this person handles as safeguarding staff."""
    if not user.is_authenticated:
        return set()
    return set(
        Organisation.local_authorities.through.objects.filter(
            organisation__kind=COUNCIL,
            organisation__memberships__user=user,
            organisation__memberships__handles_safeguarding=True,
        ).values_list("localauthority_id", flat=True)
    )


def safeguarding_staff_of(area: LocalAuthority) -> QuerySet[User]:
    """Everyone told about, and able to read, a concern raised in `area`."""
    return User.objects.filter(
        is_active=True,
        memberships__handles_safeguarding=True,
        memberships__organisation__kind=COUNCIL,
        memberships__organisation__local_authorities=area,
    ).distinct()


def handles_safeguarding(user: User) -> bool:
    """Safeguarding staff of at least one council, or a site administrator."""
    return is_site_admin(user) or bool(safeguarding_area_ids(user))


def may_handle_concern(user: User, concern: Concern) -> bool:
    if not user.is_authenticated:
        return False
    if concern.about_user_id is not None and concern.about_user_id == user.pk:
        return False
    if is_site_admin(user):
        return True
    return concern.area_id in safeguarding_area_ids(user)


def concerns_for_staff(user: User) -> QuerySet[Concern]:
    """The queue: concerns in this person's councils' areas (all, for site administrators),
    never one about themselves."""
    if not user.is_authenticated:
        return Concern.objects.none()
    concerns = Concern.objects.exclude(about_user=user)
    if is_site_admin(user):
        return concerns
    return concerns.filter(area_id__in=safeguarding_area_ids(user))


def access_concern_for_staff(user: User, concern_id: int) -> Concern:
    """The only way a page or the API loads a concern to read or handle it. Every read is
    audited: who looked at which concern, and when."""
    concern = get_object_or_404(
        Concern.objects.select_related("area", "raiser", "handled_by", "about_user"),
        pk=concern_id,
    )
    if not may_handle_concern(user, concern):
        raise Http404
    audit.record_view(user, concern)
    return concern


def concerns_raised_by(user: User) -> QuerySet[Concern]:
    if not user.is_authenticated:
        return Concern.objects.none()
    return Concern.objects.filter(raiser=user)


# The council's safeguarding contact.


def contact_area_ids(user: User) -> set[str]:
    """The councils' areas whose safeguarding contact this person may set: admins of a
    local-authority organisation working there."""
    if not user.is_authenticated:
        return set()
    return set(
        Organisation.local_authorities.through.objects.filter(
            organisation__kind=COUNCIL,
            organisation__memberships__user=user,
            organisation__memberships__role=Membership.StaffRole.ADMIN,
        ).values_list("localauthority_id", flat=True)
    )


def areas_for_contact_editor(user: User) -> QuerySet[LocalAuthority]:
    if is_site_admin(user):
        return LocalAuthority.objects.filter(Q(is_spoke=True) | ~Q(safeguarding_phone=""))
    return LocalAuthority.objects.filter(gss_code__in=contact_area_ids(user))


def access_area_for_contact_editor(user: User, gss_code: str) -> LocalAuthority:
    area = get_object_or_404(LocalAuthority, pk=gss_code)
    if is_site_admin(user):
        return area
    if area.pk not in contact_area_ids(user):
        raise Http404
    return area
