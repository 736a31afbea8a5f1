"""Who may do what with providers' events. The only place these rules live: pages and the API
call the same helpers.

- Anyone may find and read a published event. A draft is seen only by its organiser.
- The venue of an in-person event is shown only to people booked and to the organiser;
  everyone else sees the district and town.
- Signed-in PAs and employers (and people acting for an employer) may book a place.
- Who lists and manages which events is one rule, `reach_of`: staff of a training provider
  or council, every kind, for their organisation; staff of a user-led organisation, and the
  PAs and employers an organisation has named peer supporters, meet-ups only (never courses),
  for that organisation. Anyone else organising gets 404 for an event outside their reach, so
  nobody learns a draft exists; people with no reach at all get 403.
- An organisation's admins (and site admins) name and end its peer supporters.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import ApiKey, Membership, Organisation, Role, User
from pahub.accounts.permissions import access_organisation_for_admin, is_site_admin
from pahub.learning.events.queries import (
    MEETUP_ORGANISER_KINDS,
    ORGANISER_KINDS,
    event_with_details,
)
from pahub.learning.models import MEETUP_KINDS, Event, EventBooking, PeerSupporter

NOT_AN_ORGANISER = (
    "Only staff of a training provider, council or user-led organisation, and peer "
    "supporters, can list courses, events and meet-ups on PA Hub."
)
PEER_SUPPORTER_ROLES = frozenset({Role.PA, Role.EMPLOYER})
NOT_A_BOOKER = "Only Personal Assistants and employers can book a place on PA Hub."
KEY_NOT_AN_ORGANISER = (
    "Only a training provider's or council's API key can list courses and events."
)


@dataclass(frozen=True)
class Reach:
    """The organisations a person lists events for: every kind for some, meet-ups only for
    others, and the peer supporter role behind each meet-ups-only organisation, if any."""

    every_kind: frozenset[int] = frozenset()
    meetups_only: frozenset[int] = frozenset()
    peer_supporter_roles: dict[int, PeerSupporter] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.every_kind or self.meetups_only)

    @property
    def organisation_ids(self) -> frozenset[int]:
        return self.every_kind | self.meetups_only

    def allows(self, organisation_id: int, kind: str) -> bool:
        if organisation_id in self.every_kind:
            return True
        return organisation_id in self.meetups_only and kind in MEETUP_KINDS

    def kinds_for(self, organisation_id: int) -> tuple[str, ...]:
        if organisation_id in self.every_kind:
            return tuple(Event.Kind.values)
        if organisation_id in self.meetups_only:
            return MEETUP_KINDS
        return ()

    def events(self) -> Q:
        """The events in reach, as a filter for the organiser's list."""
        return Q(organisation_id__in=self.every_kind) | Q(
            organisation_id__in=self.meetups_only, kind__in=MEETUP_KINDS
        )

    def peer_supporter_for(self, organisation_id: int) -> PeerSupporter | None:
        """The role a person posts under when they are not the organisation's staff."""
        if organisation_id in self.every_kind:
            return None
        return self.peer_supporter_roles.get(organisation_id)


def reach_of(user: User) -> Reach:
    """The one rule for who lists and manages events, and of which kinds (see the module's
    note). Two queries: the person's staff memberships and their live peer supporter roles."""
    if not user.is_authenticated:
        return Reach()
    every_kind: set[int] = set()
    meetups_only: set[int] = set()
    staff_of = Membership.objects.filter(
        user=user, organisation__kind__in=MEETUP_ORGANISER_KINDS
    ).values_list("organisation_id", "organisation__kind")
    for organisation_id, kind in staff_of:
        if kind in ORGANISER_KINDS:
            every_kind.add(organisation_id)
        else:
            meetups_only.add(organisation_id)
    roles: dict[int, PeerSupporter] = {}
    if user.role_set & PEER_SUPPORTER_ROLES:
        for role in live_peer_supporter_roles(user):
            roles[role.organisation_id] = role
    meetups_only |= set(roles) - every_kind
    return Reach(
        every_kind=frozenset(every_kind),
        meetups_only=frozenset(meetups_only),
        peer_supporter_roles=roles,
    )


def live_peer_supporter_roles(user: User):
    return PeerSupporter.objects.filter(
        user=user,
        ended_at__isnull=True,
        organisation__kind__in=MEETUP_ORGANISER_KINDS,
    ).select_related("organisation", "user")


def is_organiser(user: User) -> bool:
    """Anyone who may list at least one kind of event for at least one organisation."""
    return bool(reach_of(user))


def organises(user: User, event: Event) -> bool:
    """This person may manage the event: it is in their reach."""
    return reach_of(user).allows(event.organisation_id, event.kind)


def may_book(user: User) -> bool:
    return user.is_authenticated and bool(
        user.role_set & {Role.PA, Role.EMPLOYER, Role.REPRESENTATIVE}
    )


def can_see_venue(user: User, event: Event, booking: EventBooking | None) -> bool:
    if booking is not None and booking.cancelled_at is None:
        return True
    return organises(user, event)


def require_organiser(user: User) -> Reach:
    """Manage pages are for people with some reach: 403 for anyone else."""
    reach = reach_of(user)
    if not reach:
        raise PermissionDenied(NOT_AN_ORGANISER)
    return reach


def access_event_for_viewer(user: User, event_id: int) -> Event:
    """The only way a page or the API loads an event to show it."""
    event = get_object_or_404(event_with_details(event_id))
    if event.published_at is not None:
        return event
    if organises(user, event):
        return event
    raise Http404


def access_event_for_organiser(user: User, event_id: int) -> Event:
    """The only way to load an event to change it: people whose reach covers it only."""
    reach = require_organiser(user)
    event = get_object_or_404(event_with_details(event_id))
    if not reach.allows(event.organisation_id, event.kind):
        raise Http404
    return event


def access_event_for_booking(user: User, event_id: int) -> Event:
    """An event a signed-in PA or employer may book (or cancel their booking of)."""
    if not may_book(user):
        raise PermissionDenied(NOT_A_BOOKER)
    event = get_object_or_404(event_with_details(event_id))
    if event.published_at is None:
        raise Http404
    return event


def organisation_of_key(api_key: ApiKey) -> Organisation:
    """The organisation an API key lists events for: a training provider or council."""
    organisation = api_key.organisation
    if organisation.kind not in ORGANISER_KINDS:
        raise PermissionDenied(KEY_NOT_AN_ORGANISER)
    return organisation


def access_event_for_key(api_key: ApiKey, event_id: int) -> Event:
    organisation = organisation_of_key(api_key)
    event = get_object_or_404(event_with_details(event_id))
    if event.organisation_id != organisation.pk:
        raise Http404
    return event


def may_manage_peer_supporters_of(user: User, organisation: Organisation) -> bool:
    """For links: the same rule as `access_organisation_for_peer_supporters`."""
    if organisation.kind not in MEETUP_ORGANISER_KINDS:
        return False
    if is_site_admin(user):
        return True
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.StaffRole.ADMIN
    ).exists()


def access_organisation_for_peer_supporters(user: User, organisation_id: int) -> Organisation:
    """The organisation whose peer supporters this admin names and ends; 404 for anyone
    else, and for organisations that do not run meet-ups."""
    organisation = access_organisation_for_admin(user, organisation_id)
    if organisation.kind not in MEETUP_ORGANISER_KINDS:
        raise Http404
    return organisation


def access_peer_supporter_for_admin(
    user: User, organisation_id: int, peer_supporter_id: int
) -> PeerSupporter:
    organisation = access_organisation_for_peer_supporters(user, organisation_id)
    return get_object_or_404(
        PeerSupporter.objects.select_related("user", "organisation"),
        pk=peer_supporter_id,
        organisation=organisation,
    )
