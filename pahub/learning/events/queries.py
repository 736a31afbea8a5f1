"""Reading providers' events: the public search, one event, and an organiser's own list.

A search from a place works like the job search: an indexed bounding box on district
centroids narrows the districts, the exact great-circle distance keeps those within the
distance, and events are filtered by those districts in SQL. Sorting by distance is a CASE
over the few dozen districts found, so pagination and query counts stay in the database.
A place is a postcode district (its centroid) or a town or council area (the middle of its
districts' centroids), since people looking for a course often know the town, not a postcode.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Avg, Case, Count, F, FloatField, Q, QuerySet, Value, When
from django.utils import timezone

from pahub.accounts.models import Organisation, User
from pahub.cover.times import local_instant
from pahub.learning.models import Audience, Event, EventBooking, PeerSupporter
from pahub.learning.topics import Topic
from pahub.places.distance import bounding_box, miles_between, miles_for_display
from pahub.places.models import District, LocalAuthority
from pahub.places.postcodes import normalise_postcode_or_outcode
from pahub.places.queries import district_by_outcode

PAGE_SIZE = 20
MILES_CHOICES = (5, 10, 25, 50)
DEFAULT_MILES = 10
# Sorted after every in-person event near the place: online events have no distance.
ONLINE_SORTS_AS_MILES = 10_000.0

# Organisations whose staff may list events: a training provider or a council.
ORGANISER_KINDS = (Organisation.Kind.TRAINING_PROVIDER, Organisation.Kind.LOCAL_AUTHORITY)
# Organisations whose staff and peer supporters may post meet-ups (never courses, unless the
# organisation is one of ORGANISER_KINDS too).
MEETUP_ORGANISER_KINDS = (*ORGANISER_KINDS, Organisation.Kind.USER_LED)


@dataclass(frozen=True)
class Origin:
    """Where a search measures from: a district's centroid, or a town's middle."""

    name: str
    latitude: float
    longitude: float


class UnknownPlace(LookupError):
    def __init__(self, typed: str) -> None:
        self.message = (
            f"We could not find {typed}. Enter a postcode district like NE1, "
            "or a town or council area like Sunderland."
        )
        super().__init__(self.message)


def town_origin(typed: str) -> Origin | None:
    """A council area by name ("Sunderland", "newcastle", "durham"), measured from the middle
    of its districts' centroids; None when no single area matches."""
    name = " ".join(typed.split())
    areas = LocalAuthority.objects.all()
    matches = list(areas.filter(name__iexact=name)[:2])
    if not matches:
        matches = list(areas.filter(name__istartswith=name)[:2])
    if not matches:
        matches = list(areas.filter(name__icontains=name)[:2])
    if len(matches) != 1:
        return None
    area = matches[0]
    middle = District.objects.filter(local_authority=area, latitude__isnull=False).aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude")
    )
    if middle["latitude"] is None:
        return None
    return Origin(name=area.name, latitude=middle["latitude"], longitude=middle["longitude"])


def district_origin(district: District) -> Origin | None:
    if district.latitude is None or district.longitude is None:
        return None
    return Origin(name=district.outcode, latitude=district.latitude, longitude=district.longitude)


def origin_for(typed: str) -> Origin:
    """Where a search measures from, for what someone typed: a postcode or district (with a
    digit in it), else a town or council area. Raises InvalidPostcode, UnknownDistrict or
    UnknownPlace with a message to show."""
    typed = typed.strip()
    if any(character.isdigit() for character in typed):
        _, outcode = normalise_postcode_or_outcode(typed)
        district = district_by_outcode(outcode)
        origin = district_origin(district)
        if origin is None:
            raise UnknownPlace(outcode)
        return origin
    origin = town_origin(typed)
    if origin is None:
        raise UnknownPlace(typed)
    return origin


def districts_near(origin: Origin, miles: float) -> dict[str, float]:
    """Outcode to unrounded miles, for every district whose centroid is within `miles`."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(origin.latitude, origin.longitude, miles)
    candidates = District.objects.filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
    ).values_list("outcode", "latitude", "longitude")
    near = {}
    for outcode, latitude, longitude in candidates:
        distance = miles_between(origin.latitude, origin.longitude, latitude, longitude)
        if distance <= miles:
            near[outcode] = distance
    return near


@dataclass(frozen=True)
class EventFilters:
    """What someone searching asked for; every field is optional."""

    origin: Origin | None = None
    miles: int = DEFAULT_MILES
    include_online: bool = True
    topic: str = ""
    from_date: date | None = None
    to_date: date | None = None
    free_only: bool = False
    audience: str = ""  # "pa" or "employer": events for them or for anyone
    sort: str = "date"  # "date" or "distance" (distance needs a place)
    # Event kinds to show; empty shows every kind (the learning zone's listing). The
    # community's meet-ups listing asks for MEETUP_KINDS.
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventSearch:
    events: QuerySet[Event]
    miles_by_district: dict[str, float]


def with_places_taken(events: QuerySet[Event]) -> QuerySet[Event]:
    """Each event with `places_taken`: its live bookings, counted in the same query."""
    return events.annotate(
        places_taken=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True))
    )


def listed_events(*, now: datetime | None = None) -> QuerySet[Event]:
    """Events anyone may find: published, not cancelled, not yet over."""
    now = now or timezone.now()
    return Event.objects.filter(
        published_at__isnull=False, cancelled_at__isnull=True, ends_at__gt=now
    )


def local_day_start(day: date) -> datetime:
    return local_instant(day, datetime.min.time())


def search_events(filters: EventFilters, *, now: datetime | None = None) -> EventSearch:
    events = listed_events(now=now)
    miles_by_district: dict[str, float] = {}
    if filters.origin is not None:
        miles_by_district = districts_near(filters.origin, filters.miles)
        near = Q(format=Event.Format.IN_PERSON, district_id__in=list(miles_by_district))
        if filters.include_online:
            near |= Q(format=Event.Format.ONLINE)
        events = events.filter(near)
    elif not filters.include_online:
        events = events.filter(format=Event.Format.IN_PERSON)
    if filters.topic:
        # Topic keys are plain words, so the quoted key matches one whole list item in the
        # stored JSON text, on SQLite and PostgreSQL alike.
        events = events.filter(topics__icontains=f'"{filters.topic}"')
    if filters.from_date is not None:
        events = events.filter(starts_at__gte=local_day_start(filters.from_date))
    if filters.to_date is not None:
        events = events.filter(starts_at__lt=local_day_start(filters.to_date + timedelta(days=1)))
    if filters.kinds:
        events = events.filter(kind__in=list(filters.kinds))
    if filters.free_only:
        events = events.filter(cost_pence=0)
    if filters.audience:
        events = events.filter(audience__in=[filters.audience, Audience.ANYONE])
    if filters.origin is not None and filters.sort == "distance":
        events = events.annotate(miles_away=distance_order(miles_by_district)).order_by(
            "miles_away", "starts_at", "pk"
        )
    else:
        events = events.order_by("starts_at", "pk")
    return EventSearch(events=events, miles_by_district=miles_by_district)


def distance_order(miles_by_district: dict[str, float]) -> Any:
    whens = [
        When(format=Event.Format.IN_PERSON, district_id=outcode, then=Value(miles))
        for outcode, miles in miles_by_district.items()
    ]
    if not whens:
        return Value(ONLINE_SORTS_AS_MILES, output_field=FloatField())
    return Case(*whens, default=Value(ONLINE_SORTS_AS_MILES), output_field=FloatField())


@dataclass(frozen=True)
class EventRow:
    """One event as a list or the API shows it."""

    event: Event
    miles: float | None

    @property
    def places_left(self) -> int | None:
        return places_left(self.event)

    @property
    def cost(self) -> str:
        return cost_text(self.event)

    @property
    def distance(self) -> str:
        return miles_for_display(self.miles) if self.miles is not None else ""


def cost_text(event: Event) -> str:
    """ "Free", or the cost in pounds as people write it: "£25" or "£12.50"."""
    if not event.cost_pence:
        return "Free"
    pounds, pence = divmod(event.cost_pence, 100)
    return f"£{pounds:,}" if not pence else f"£{pounds:,}.{pence:02d}"


def topic_names(event: Event) -> list[str]:
    labels = dict(Topic.choices)
    return [labels[key] for key in event.topics if key in labels]


def places_left(event: Event) -> int | None:
    """Places still free to book on PA Hub; None when people book on the provider's site."""
    if event.capacity is None:
        return None
    taken = getattr(event, "places_taken", None)
    if taken is None:
        taken = live_bookings(event).count()
    return max(0, event.capacity - taken)


def page_of_events(search: EventSearch, number: Any, *, per_page: int = PAGE_SIZE) -> Page:
    """One page of `EventRow`s, in a fixed number of queries (a count and the page)."""
    events = with_places_taken(
        search.events.select_related(
            "organisation", "district__local_authority", "peer_supporter__user"
        )
    )
    page = Paginator(events, per_page).get_page(number)
    page.object_list = [
        EventRow(event, search.miles_by_district.get(event.district_id or ""))
        for event in page.object_list
    ]
    return page


def event_with_details(event_id: int) -> QuerySet[Event]:
    return with_places_taken(
        Event.objects.select_related(
            "organisation", "district", "district__local_authority", "peer_supporter__user"
        )
    ).filter(pk=event_id)


def live_bookings(event: Event) -> QuerySet[EventBooking]:
    return EventBooking.objects.filter(event=event, cancelled_at__isnull=True)


def booking_of(event: Event, user: User) -> EventBooking | None:
    """The person's live booking for the event, if they have one."""
    if not user.is_authenticated:
        return None
    return live_bookings(event).filter(user=user).first()


def booked_names(event: Event) -> list[str]:
    """The people booked, by name only, for the organiser."""
    return [
        booking.user.display_name
        for booking in live_bookings(event).select_related("user").order_by("created_at", "pk")
    ]


def organisations_by_id(organisation_ids: Iterable[int]) -> QuerySet[Organisation]:
    """The organisations a person lists events for (their reach), by name."""
    return Organisation.objects.filter(pk__in=list(organisation_ids)).order_by("name")


def events_in(scope: Q) -> QuerySet[Event]:
    """The events an organiser manages (`permissions.Reach.events()`), newest first."""
    return with_places_taken(
        Event.objects.filter(scope).select_related(
            "organisation", "district", "peer_supporter__user"
        )
    ).order_by("-starts_at", "-pk")


def peer_supporters_of(organisation: Organisation) -> QuerySet[PeerSupporter]:
    """An organisation's peer supporters, current first, then those whose role ended."""
    return (
        PeerSupporter.objects.filter(organisation=organisation)
        .select_related("user", "added_by", "ended_by")
        .order_by(F("ended_at").desc(nulls_first=True), "user__full_name", "pk")
    )


def my_bookings(user: User, *, now: datetime | None = None) -> QuerySet[EventBooking]:
    """The person's live bookings for events not yet over, soonest first."""
    now = now or timezone.now()
    return (
        EventBooking.objects.filter(user=user, cancelled_at__isnull=True, event__ends_at__gt=now)
        .select_related("event", "event__organisation", "event__district")
        .order_by("event__starts_at", "pk")
    )


def bookings_to_remind(*, now: datetime) -> QuerySet[EventBooking]:
    """Live bookings not yet reminded, for events going ahead that start 24 to 48 hours from
    now: the daily job reminds each the day before."""
    return EventBooking.objects.filter(
        cancelled_at__isnull=True,
        reminded_at__isnull=True,
        event__published_at__isnull=False,
        event__cancelled_at__isnull=True,
        event__starts_at__gte=now + timedelta(hours=24),
        event__starts_at__lt=now + timedelta(hours=48),
    ).select_related("event", "event__district", "user")


def listed_events_in_area(
    local_authority_id: str, *, now: datetime | None = None
) -> QuerySet[Event]:
    """Listed events for a council's area, soonest first: held in one of its districts, or run
    by an organisation working there (online courses and meet-ups a local group runs)."""
    local_organisations = Organisation.local_authorities.through.objects.filter(
        localauthority_id=local_authority_id
    ).values("organisation_id")
    return (
        listed_events(now=now)
        .filter(
            Q(format=Event.Format.IN_PERSON, district__local_authority_id=local_authority_id)
            | Q(organisation_id__in=local_organisations)
        )
        .select_related("organisation", "district")
        .order_by("starts_at", "pk")
    )
