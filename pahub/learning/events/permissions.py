"""Who may do what with providers' events. The only place these rules live: pages and the API
call the same helpers.

- Anyone may find and read a published event. A draft is seen only by its organiser.
- The venue of an in-person event is shown only to people booked and to the organiser;
  everyone else sees the district and town.
- Signed-in PAs and employers (and people acting for an employer) may book a place.
- Staff of a training provider or council manage their own organisation's events; another
  organisation's staff get 404, so nobody learns a draft exists; anyone else gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import ApiKey, Membership, Organisation, Role, User
from pahub.learning.events.queries import ORGANISER_KINDS, event_with_details
from pahub.learning.models import Event, EventBooking

NOT_AN_ORGANISER = (
    "Only staff of a training provider or council can list courses and events on PA Hub."
)
NOT_A_BOOKER = "Only Personal Assistants and employers can book a place on PA Hub."
KEY_NOT_AN_ORGANISER = (
    "Only a training provider's or council's API key can list courses and events."
)


def is_organiser(user: User) -> bool:
    """Staff of at least one training provider or council."""
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation__kind__in=ORGANISER_KINDS).exists()
    )


def organises(user: User, event: Event) -> bool:
    """This person is staff of the organisation listing the event."""
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation_id=event.organisation_id).exists()
    )


def may_book(user: User) -> bool:
    return user.is_authenticated and bool(
        user.role_set & {Role.PA, Role.EMPLOYER, Role.REPRESENTATIVE}
    )


def can_see_venue(user: User, event: Event, booking: EventBooking | None) -> bool:
    if booking is not None and booking.cancelled_at is None:
        return True
    return organises(user, event)


def require_organiser(user: User) -> None:
    """Manage pages are for training providers' and councils' staff: 403 for anyone else."""
    if not is_organiser(user):
        raise PermissionDenied(NOT_AN_ORGANISER)


def access_event_for_viewer(user: User, event_id: int) -> Event:
    """The only way a page or the API loads an event to show it."""
    event = get_object_or_404(event_with_details(event_id))
    if event.published_at is not None:
        return event
    if organises(user, event):
        return event
    raise Http404


def access_event_for_organiser(user: User, event_id: int) -> Event:
    """The only way to load an event to change it: its organisation's staff only."""
    require_organiser(user)
    event = get_object_or_404(event_with_details(event_id))
    if not organises(user, event):
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
