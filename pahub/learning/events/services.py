"""Changing providers' events and bookings: one function per action, called by the pages, the
API and the periodic job alike.

Booking never overbooks, whatever the timing. The event's row is locked (SELECT ... FOR
UPDATE on PostgreSQL) and its live bookings are counted inside the same transaction, so two
people racing for the last place take turns and the second sees it gone. On SQLite every
transaction takes the write lock when it begins (`transaction_mode` IMMEDIATE in settings),
which serialises them the same way. The partial unique index on (event, user) for live
bookings keeps one person to one place even if they press twice at once.
"""

from dataclasses import dataclass, fields
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Organisation, Role, User
from pahub.core import audit
from pahub.cover.times import to_local
from pahub.learning.events.queries import bookings_to_remind, live_bookings
from pahub.learning.models import MEETUP_KINDS, Event, EventBooking, PeerSupporter
from pahub.learning.notices import EVENT_BOOKED, EVENT_CANCELLED, EVENT_REMINDER
from pahub.notifications.services import notify, notify_many
from pahub.places.models import District

NO_PLACES_LEFT = "There are no places left on this event."
PEER_SUPPORTERS_POST_MEETUPS = (
    "Peer supporters post meet-ups, peer groups and hot seat sessions, not courses"
)


class EventError(Exception):
    """Why an event or booking could not be changed, in words for the person who tried."""

    message = "This could not be done."
    # The API answers 409 for a state that no longer allows the action.
    status = 409

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.message
        super().__init__(self.message)


class EventFull(EventError):
    message = NO_PLACES_LEFT


class NotBookable(EventError):
    message = "This event is not booked on PA Hub. Book on the provider's site instead."


class EventNotOpen(EventError):
    message = "This event has been cancelled or has already started, so it cannot be booked."


class EventInputError(ValueError):
    """Answers that break the rules of an event, each message for its field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        first = next(iter(problems))
        self.field = first
        self.message = problems[first]
        super().__init__(f"{first}: {self.message}")


@dataclass(frozen=True)
class EventInput:
    """Everything an organiser says about an event, from a form or the API."""

    title: str
    description: str
    topics: list[str]
    audience: str
    format: str
    district: District | None
    venue: str
    starts_at: datetime
    ends_at: datetime
    cost_pence: int
    funding: str
    accessibility: str
    booking_url: str
    capacity: int | None
    kind: str = Event.Kind.TRAINING


# What the form prompts for, and what a meet-up must say: people decide whether they can go
# on these details.
ACCESSIBILITY_PROMPT = (
    "Say what access there is, like step-free access, a hearing loop, British Sign Language, "
    "a quiet space or parking"
)


def event_problems(
    values: EventInput, *, event: Event | None = None, now: datetime | None = None
) -> dict[str, str]:
    """What is wrong with an event's answers, field by field; empty when all is well. The
    one home of these rules: the form and the API both show its messages."""
    now = now or timezone.now()
    problems: dict[str, str] = {}
    if values.kind not in Event.Kind.values:
        problems["kind"] = "Choose a course, a meet-up, a peer group or a hot seat session"
    elif values.kind in MEETUP_KINDS and not values.accessibility.strip():
        problems["accessibility"] = ACCESSIBILITY_PROMPT
    if values.format == Event.Format.IN_PERSON:
        if values.district is None:
            problems["district"] = "Enter the postcode district of the venue, like NE1"
        if not values.venue.strip():
            problems["venue"] = "Enter the venue's name and address"
    elif values.format == Event.Format.ONLINE:
        if values.district is not None:
            problems["district"] = "An online event has no postcode district. Leave it empty"
    else:
        problems["format"] = "Choose online or in person"
    starts_changed = event is None or event.starts_at != values.starts_at
    if starts_changed and values.starts_at <= now:
        problems["starts_at"] = "The start must be in the future"
    if values.ends_at <= values.starts_at:
        problems["ends_at"] = "The end must be after the start"
    if values.booking_url and not is_web_address(values.booking_url):
        problems["booking_url"] = "Enter a web address, like https://example.org/book"
    if not values.booking_url and values.capacity is None:
        problems["capacity"] = (
            "Enter the number of places to book on PA Hub, or a link to book on your site"
        )
    if values.booking_url and values.capacity is not None:
        problems["capacity"] = (
            "Choose one way to book: places on PA Hub, or a link to your site, not both"
        )
    if values.capacity is not None and values.capacity < 1:
        problems["capacity"] = "The number of places must be 1 or more"
    if event is not None and values.capacity is not None:
        taken = live_bookings(event).count()
        if values.capacity < taken:
            problems["capacity"] = (
                f"{taken} {'person has' if taken == 1 else 'people have'} booked already, "
                f"so there must be at least {taken} places"
            )
    if (
        event is not None
        and event.capacity is not None
        and values.capacity is None
        and live_bookings(event).exists()
    ):
        problems["booking_url"] = (
            "People have booked on PA Hub already, so the event must keep its places"
        )
    return problems


def is_web_address(value: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return True


def _check(values: EventInput, *, event: Event | None = None) -> None:
    problems = event_problems(values, event=event)
    if problems:
        raise EventInputError(problems)


def _values_for_save(values: EventInput) -> dict:
    data = {field.name: getattr(values, field.name) for field in fields(values)}
    if values.format == Event.Format.ONLINE:
        data["district"] = None
    return data


@transaction.atomic
def event_create(
    *,
    organisation: Organisation,
    by: User | None,
    values: EventInput,
    peer_supporter: PeerSupporter | None = None,
) -> Event:
    """A new draft event for the organisation. Publish it to list it. A peer supporter posts
    meet-ups only; the event names them as the person running it."""
    _check(values)
    if peer_supporter is not None:
        if values.kind not in MEETUP_KINDS:
            raise EventInputError({"kind": PEER_SUPPORTERS_POST_MEETUPS})
        if peer_supporter.organisation_id != organisation.pk or peer_supporter.ended_at:
            raise EventError("You are no longer a peer supporter with this organisation.")
    event = Event.objects.create(
        organisation=organisation,
        created_by=by,
        peer_supporter=peer_supporter,
        **_values_for_save(values),
    )
    audit.record(
        by,
        "learning.event_created",
        event,
        organisation=organisation.pk,
        kind=event.kind,
        peer_supporter=peer_supporter.pk if peer_supporter else None,
    )
    return event


@transaction.atomic
def event_update(*, event: Event, by: User | None, values: EventInput) -> Event:
    locked = _locked(event.pk)
    if locked.cancelled_at is not None:
        raise EventError("This event has been cancelled, so it cannot be changed.")
    _check(values, event=locked)
    if locked.peer_supporter_id is not None and values.kind not in MEETUP_KINDS:
        raise EventInputError({"kind": "A meet-up a peer supporter runs stays a meet-up"})
    changed = []
    for name, value in _values_for_save(values).items():
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    if changed:
        locked.save(update_fields=[*changed, "updated_at"])
        audit.record(by, "learning.event_updated", locked, fields=changed)
    return locked


@transaction.atomic
def event_publish(*, event: Event, by: User | None) -> Event:
    """List a draft event for everyone to find."""
    locked = _locked(event.pk)
    if locked.cancelled_at is not None:
        raise EventError("This event has been cancelled, so it cannot be published.")
    if locked.published_at is not None:
        return locked
    if locked.starts_at <= timezone.now():
        raise EventError("This event has already started, so it cannot be published.")
    locked.published_at = timezone.now()
    locked.save(update_fields=["published_at", "updated_at"])
    audit.record(by, "learning.event_published", locked)
    return locked


@transaction.atomic
def event_cancel(*, event: Event, by: User | None) -> Event:
    """Call the event off and tell everyone booked. Their bookings are kept, so they can
    still see what was cancelled."""
    locked = _locked(event.pk)
    if locked.cancelled_at is not None:
        return locked
    locked.cancelled_at = timezone.now()
    locked.save(update_fields=["cancelled_at", "updated_at"])
    audit.record(by, "learning.event_cancelled", locked)
    people = [booking.user for booking in live_bookings(locked).select_related("user")]
    if people:
        when = when_text(locked)
        title = f"Cancelled: {locked.title}, {when}"
        body = (
            f"{locked.organisation.name} has cancelled {locked.title} on {when}. "
            "You do not need to do anything."
        )
        notify_many(
            people,
            EVENT_CANCELLED.key,
            title=title,
            body=body,
            url=event_path(locked),
            email_for=lambda _user: (title, f"{body}\n\n{event_url(locked)}"),
        )
    return locked


def _locked(event_id: int) -> Event:
    events = Event.objects.select_related("organisation")
    if connection.features.has_select_for_update:
        events = events.select_for_update(of=("self",))
    return events.get(pk=event_id)


def event_book(*, event: Event, user: User) -> EventBooking:
    """Book the person a place, or raise an EventError saying why not. Booking twice keeps
    the one booking. Never overbooks under concurrent requests (see the module's note)."""
    try:
        with transaction.atomic():
            booking, _created = _book_in_transaction(event_id=event.pk, user=user)
    except IntegrityError:
        # The same person pressed twice at once: the other request made the booking.
        booking = EventBooking.objects.filter(
            event_id=event.pk, user=user, cancelled_at__isnull=True
        ).first()
        if booking is None:
            raise
        return booking
    return booking


def _book_in_transaction(*, event_id: int, user: User) -> tuple[EventBooking, bool]:
    locked = _locked(event_id)
    if locked.capacity is None:
        raise NotBookable()
    if (
        locked.published_at is None
        or locked.cancelled_at is not None
        or locked.starts_at <= timezone.now()
    ):
        raise EventNotOpen()
    existing = live_bookings(locked).filter(user=user).first()
    if existing is not None:
        return existing, False
    if live_bookings(locked).count() >= locked.capacity:
        raise EventFull()
    booking = EventBooking.objects.create(event=locked, user=user)
    audit.record(user, "learning.event_booked", booking)
    when = when_text(locked)
    title = f"You have a place: {locked.title}, {when}"
    body = f"{locked.organisation.name} expects you. {where_text(locked)}"
    notify(
        user,
        EVENT_BOOKED.key,
        title=title,
        body=body,
        url=event_path(locked),
        email=(title, f"{body}\n\nDetails and a calendar file: {event_url(locked)}"),
    )
    return booking, True


@transaction.atomic
def event_booking_cancel(*, event: Event, user: User) -> EventBooking | None:
    """Give the person's place back; their place is free for someone else at once."""
    _locked(event.pk)
    booking = live_bookings(event).filter(user=user).first()
    if booking is None:
        return None
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["cancelled_at"])
    audit.record(user, "learning.event_booking_cancelled", booking)
    return booking


def event_reminders_send(*, now: datetime | None = None) -> int:
    """Remind each person booked on an event starting in 24 to 48 hours, once. Safe to run
    again: `reminded_at` is set in the same transaction as the notice."""
    now = now or timezone.now()
    sent = 0
    for booking in list(bookings_to_remind(now=now)):
        with transaction.atomic():
            claimed = EventBooking.objects.filter(pk=booking.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue
            event = booking.event
            when = when_text(event)
            title = f"Reminder: {event.title}, {when}"
            body = f"{where_text(event, venue=True)} If you cannot go, cancel your place."
            notify(
                booking.user,
                EVENT_REMINDER.key,
                title=title,
                body=body,
                url=event_path(event),
                email=(title, f"{body}\n\n{event_url(event)}"),
                now=now,
            )
            sent += 1
    return sent


# Peer supporters.


class PeerSupporterError(ValueError):
    """Why someone cannot be named a peer supporter, in words for the admin."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@transaction.atomic
def peer_supporter_add(*, organisation: Organisation, user: User, by: User | None) -> PeerSupporter:
    """Name a PA or employer a peer supporter with the organisation: from now on they post
    and manage its meet-ups (never its courses)."""
    if not user.role_set & {Role.PA, Role.EMPLOYER} or user.deleted_at is not None:
        raise PeerSupporterError(
            "Only a Personal Assistant or an employer can be a peer supporter. "
            "Check the email address, or ask them to create an account first."
        )
    if PeerSupporter.objects.filter(
        organisation=organisation, user=user, ended_at__isnull=True
    ).exists():
        raise PeerSupporterError(
            f"{user.display_name} is already a peer supporter with {organisation.name}."
        )
    supporter = PeerSupporter.objects.create(organisation=organisation, user=user, added_by=by)
    audit.record(
        by, "learning.peer_supporter_added", supporter, organisation=organisation.pk, user=user.pk
    )
    return supporter


@transaction.atomic
def peer_supporter_end(*, peer_supporter: PeerSupporter, by: User | None) -> PeerSupporter:
    """End the role. Their meet-ups stay listed and still name them; the organisation's
    staff manage them from now on."""
    locked = PeerSupporter.objects.select_for_update().get(pk=peer_supporter.pk)
    if locked.ended_at is not None:
        return locked
    locked.ended_at = timezone.now()
    locked.ended_by = by
    locked.save(update_fields=["ended_at", "ended_by"])
    audit.record(
        by,
        "learning.peer_supporter_ended",
        locked,
        organisation=locked.organisation_id,
        user=locked.user_id,
    )
    return locked


# Words used in notices.


def when_text(event: Event) -> str:
    starts = to_local(event.starts_at)
    return f"{starts:%A} {starts.day} {starts:%B %Y} at {starts:%H:%M}"


def where_text(event: Event, *, venue: bool = True) -> str:
    if event.format == Event.Format.ONLINE:
        return "It is online: the organiser sends you the joining details."
    if venue and event.venue:
        return f"The venue is {event.venue}."
    return f"It is in {event.district_id}."


def event_path(event: Event) -> str:
    return reverse("learning:event_detail", kwargs={"event_id": event.pk})


def event_url(event: Event) -> str:
    return settings.SITE_URL + event_path(event)
