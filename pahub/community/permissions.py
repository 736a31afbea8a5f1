"""Who may see, post in and moderate each zone. The only place these rules live.

A zone nobody may see is not found (404): the PA zone does not exist for an employer, and an
invitation-only group does not exist for anyone outside it. Being able to see a zone and being
able to post in it differ only by a suspension.

- PA zone: people with the PA role.
- Employers' zone: employers and representatives.
- An area's zone: people placed in that council's area (their home, or the employer's area
  their profile names), and staff of organisations serving that area, who moderate it.
- A group: its members; people it is for may see an open group and join it; people invited
  see the invitation. Staff of the organisation running it moderate it.
- Site administrators (hub staff) see and moderate every zone.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.community.models import GroupMember, Suspension, Zone


def person_area_ids(user: User) -> set[str]:
    """The councils' areas a person is placed in: their home, and their employer profile's."""
    areas = {user.local_authority_id} if user.local_authority_id else set()
    profile = getattr(user, "employer_profile", None)
    if profile is not None and profile.local_authority_id:
        areas.add(profile.local_authority_id)
    return areas


def group_audience_allows(user: User, zone: Zone) -> bool:
    """Whether a group is for this kind of person (PAs, employers' side, or anyone)."""
    if zone.audience == Zone.Audience.PAS:
        return user.has_role(Role.PA)
    if zone.audience == Zone.Audience.EMPLOYERS:
        return user.has_role(Role.EMPLOYER) or user.has_role(Role.REPRESENTATIVE)
    return True


def group_status(user: User, zone: Zone) -> str | None:
    return GroupMember.objects.filter(zone=zone, user=user).values_list("status", flat=True).first()


def can_moderate_zone(user: User, zone: Zone) -> bool:
    """Hub staff everywhere; staff of organisations serving an area in its zone; staff of the
    organisation running a group in that group."""
    if not user.is_authenticated:
        return False
    if is_site_admin(user):
        return True
    if zone.kind == Zone.Kind.AREA:
        return zone.local_authority_id in staff_local_authority_ids(user)
    if zone.kind == Zone.Kind.GROUP:
        return user.memberships.filter(organisation_id=zone.organisation_id).exists()
    return False


def is_zone_member(user: User, zone: Zone) -> bool:
    """Whether the person belongs in the zone (moderators are not members by right)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if zone.archived_at is not None:
        return False
    if zone.kind == Zone.Kind.PAS:
        return user.has_role(Role.PA)
    if zone.kind == Zone.Kind.EMPLOYERS:
        return user.has_role(Role.EMPLOYER) or user.has_role(Role.REPRESENTATIVE)
    if zone.kind == Zone.Kind.AREA:
        return zone.local_authority_id in person_area_ids(user)
    return group_status(user, zone) == GroupMember.Status.MEMBER


def may_see_zone(user: User, zone: Zone) -> bool:
    """Members and moderators see a zone; for an open group, so does anyone it is for (to
    read about it and join); for an invitation-only group, so do the people invited."""
    if is_zone_member(user, zone) or can_moderate_zone(user, zone):
        return True
    if zone.kind != Zone.Kind.GROUP or not user.is_authenticated or zone.archived_at:
        return False
    if zone.joining == Zone.Joining.OPEN:
        return group_audience_allows(user, zone)
    return group_status(user, zone) == GroupMember.Status.INVITED


def is_suspended(user: User, zone: Zone, *, now=None) -> bool:
    now = now or timezone.now()
    return Suspension.objects.filter(
        zone=zone, user=user, starts_at__lte=now, ends_at__gt=now, lifted_at__isnull=True
    ).exists()


def may_post_in_zone(user: User, zone: Zone) -> bool:
    """Members who are not suspended post; moderators post too (to welcome and to guide)."""
    if can_moderate_zone(user, zone):
        return True
    return is_zone_member(user, zone) and not is_suspended(user, zone)


def access_zone(user: User, slug: str) -> Zone:
    """The only way a page or the API loads a zone: 404 for anyone who may not see it."""
    zone = get_object_or_404(
        Zone.objects.select_related("local_authority", "organisation"), slug=slug
    )
    if not may_see_zone(user, zone):
        raise Http404
    return zone


def zones_visible_to(user: User) -> QuerySet[Zone]:
    """Every zone the person may see, in one query (for the community home and the API)."""
    zones = Zone.objects.filter(archived_at__isnull=True)
    if not user.is_authenticated:
        return zones.none()
    if is_site_admin(user):
        return zones
    roles = user.role_set
    visible = Q(kind=Zone.Kind.AREA, local_authority_id__in=person_area_ids(user))
    visible |= Q(kind=Zone.Kind.AREA, local_authority_id__in=staff_local_authority_ids(user))
    if Role.PA in roles:
        visible |= Q(kind=Zone.Kind.PAS)
    if Role.EMPLOYER in roles or Role.REPRESENTATIVE in roles:
        visible |= Q(kind=Zone.Kind.EMPLOYERS)
    group_rows = GroupMember.objects.filter(user=user).exclude(status=GroupMember.Status.LEFT)
    visible |= Q(kind=Zone.Kind.GROUP, pk__in=group_rows.values("zone_id"))
    visible |= Q(kind=Zone.Kind.GROUP, organisation__memberships__user=user)
    audiences = [Zone.Audience.ANYONE]
    if Role.PA in roles:
        audiences.append(Zone.Audience.PAS)
    if Role.EMPLOYER in roles or Role.REPRESENTATIVE in roles:
        audiences.append(Zone.Audience.EMPLOYERS)
    visible |= Q(kind=Zone.Kind.GROUP, joining=Zone.Joining.OPEN, audience__in=audiences)
    return zones.filter(visible).distinct()
