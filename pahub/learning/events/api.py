"""API: providers' courses and events, under /api/v1/learning/events.

- `GET /learning/events` and `GET /learning/events/{id}`: public, the same filters and
  messages as the /learning/events/ page. The venue is never given here: only people booked
  see it, on the page and in their calendar file.
- `POST` and `DELETE /learning/events/{id}/bookings`: a signed-in PA or employer books or
  gives back their own place (browser session; the CSRF token in `X-CSRFToken`). No places
  left is 409.
- `POST /learning/events` and `PATCH /learning/events/{id}`: a training provider's or
  council's API key lists and changes its own organisation's events (another's is 404).
  Events made through the API are published at once unless `publish` is false.
"""

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest, QueryDict
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import AwareDatetime

from pahub.accounts.api import organisation_key_auth
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_ID, InputSchema
from pahub.learning.events import permissions, queries, services
from pahub.learning.events.forms import EventSearchForm
from pahub.learning.events.services import EventInput
from pahub.learning.models import Audience, Event
from pahub.learning.topics import Topic
from pahub.places.postcodes import InvalidPostcode, normalise_outcode
from pahub.places.queries import UnknownDistrict, district_by_outcode

router = Router(tags=["learning events"])

TopicKey = Literal[tuple(Topic.values)]  # type: ignore[valid-type]
AudienceKey = Literal[tuple(Audience.values)]  # type: ignore[valid-type]
FormatKey = Literal[tuple(Event.Format.values)]  # type: ignore[valid-type]
KindKey = Literal[tuple(Event.Kind.values)]  # type: ignore[valid-type]


class EventSearchQuery(InputSchema):
    where: str = Field("", max_length=60, description="A postcode district or town, like NE1")
    miles: int = Field(10, description="5, 10, 25 or 50")
    online: Literal["yes", "no"] = Field("yes", description="Include online events")
    topic: str = Field("", max_length=40, description="A topic key")
    from_date: date | None = Field(None, description="Starting on or after, like 2026-05-01")
    to_date: date | None = Field(None, description="Starting on or before, like 2026-05-31")
    free: bool = False
    audience: Literal["", "pa", "employer"] = ""
    kind: Literal["", *Event.Kind.values] = Field(  # type: ignore[valid-type]
        "", description="Only this kind: `training`, `meetup`, `peer_group` or `hot_seat`"
    )
    sort: Literal["date", "distance"] = "date"
    page: int = Field(1, ge=1, le=100_000)


class EventOut(Schema):
    id: int
    kind: str = Field(description="`training`, `meetup`, `peer_group` or `hot_seat`")
    title: str
    description: str
    organisation: str
    url: str
    topics: list[str]
    audience: str
    format: str = Field(description="`online` or `in_person`")
    district: str | None = Field(description="Postcode district, in person only")
    local_authority: str | None
    starts_at: datetime
    ends_at: datetime
    cost_pence: int = Field(description="0 means free")
    cost: str = Field(description='"Free" or the cost in pounds, like "£25"')
    funding: str
    accessibility: str
    booking_url: str = Field(description="Book on the provider's site; empty when booked here")
    capacity: int | None
    places_left: int | None = Field(description="None when people book on the provider's site")
    published: bool
    cancelled: bool
    run_by: str | None = Field(
        None, description='For a meet-up a peer supporter runs: "Sam, peer supporter with …"'
    )
    miles: float | None = Field(None, description="From the place searched, when given")


class EventPageOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[EventOut]


class EventBookingOut(Schema):
    event_id: int
    booked_at: datetime
    calendar_url: str


class EventIn(InputSchema):
    multiline_fields = frozenset({"description", "funding", "accessibility", "venue"})

    kind: KindKey = Event.Kind.TRAINING.value
    title: str = Field(..., min_length=1, max_length=200)
    description: str = Field(..., min_length=1, max_length=5000)
    topics: list[TopicKey] = Field(default_factory=list)
    audience: AudienceKey = Audience.ANYONE.value
    format: FormatKey
    district: str = Field("", max_length=8, description="In person: postcode district, like NE1")
    venue: str = Field("", max_length=300)
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    cost_pence: int = Field(0, ge=0, le=999_999)
    funding: str = Field("", max_length=2000)
    accessibility: str = Field("", max_length=2000)
    booking_url: str = Field("", max_length=200)
    capacity: int | None = Field(None, ge=1, le=10_000)
    publish: bool = True


class EventPatch(InputSchema):
    multiline_fields = frozenset({"description", "funding", "accessibility", "venue"})

    kind: KindKey | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, min_length=1, max_length=5000)
    topics: list[TopicKey] | None = None
    audience: AudienceKey | None = None
    format: FormatKey | None = None
    district: str | None = Field(None, max_length=8)
    venue: str | None = Field(None, max_length=300)
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    cost_pence: int | None = Field(None, ge=0, le=999_999)
    funding: str | None = Field(None, max_length=2000)
    accessibility: str | None = Field(None, max_length=2000)
    booking_url: str | None = Field(None, max_length=200)
    capacity: int | None = Field(None, ge=1, le=10_000)
    publish: bool | None = None


def event_out(event: Event, *, miles: float | None = None) -> EventOut:
    district = event.district if event.format == Event.Format.IN_PERSON else None
    supporter = event.peer_supporter
    return EventOut(
        id=event.pk,
        kind=event.kind,
        title=event.title,
        description=event.description,
        organisation=event.organisation.name,
        url=services.event_url(event),
        topics=list(event.topics),
        audience=event.audience,
        format=event.format,
        district=district.outcode if district else None,
        local_authority=(
            district.local_authority.name if district and district.local_authority else None
        ),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        cost_pence=event.cost_pence,
        cost=queries.cost_text(event),
        funding=event.funding,
        accessibility=event.accessibility,
        booking_url=event.booking_url,
        capacity=event.capacity,
        places_left=queries.places_left(event),
        published=event.published_at is not None,
        cancelled=event.cancelled_at is not None,
        run_by=(
            f"{supporter.first_name}, peer supporter with {event.organisation.name}"
            if supporter is not None
            else None
        ),
        miles=miles,
    )


def form_data(query: EventSearchQuery) -> QueryDict:
    """The API's query as the page's form reads it, so both give the same messages."""
    data = QueryDict(mutable=True)
    data.update(
        {
            "where": query.where,
            "miles": str(query.miles),
            "online": query.online,
            "topic": query.topic,
            "audience": query.audience,
            "kind": query.kind,
            "sort": query.sort,
        }
    )
    if query.free:
        data["free"] = "on"
    for name in ("from_date", "to_date"):
        day = getattr(query, name)
        if day is not None:
            data.update(
                {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}
            )
    return data


@router.get(
    "/learning/events",
    response={200: EventPageOut, 400: ErrorOut},
    auth=None,
    summary="Search courses and events",
    description=(
        f"Published events still to come, {queries.PAGE_SIZE} a page, soonest first or "
        "nearest first (`sort=distance`, with `where`). The venue is given only to people "
        "booked, on the event's page."
    ),
)
def events_search(request: HttpRequest, filters: Query[EventSearchQuery]):
    form = EventSearchForm(form_data(filters))
    if not form.is_valid():
        errors = {name: list(messages) for name, messages in form.errors.items()}
        first = next(iter(errors))
        return Status(
            400,
            {"detail": f"{first}: {errors[first][0]}", "field": first, "errors": errors},
        )
    page = queries.page_of_events(queries.search_events(form.to_filters()), filters.page)
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "page_size": queries.PAGE_SIZE,
            "results": [event_out(row.event, miles=row.miles) for row in page.object_list],
        },
    )


@router.get(
    "/learning/events/{event_id}",
    response={200: EventOut, 404: ErrorOut},
    auth=None,
    summary="One course or event",
)
def event_detail(request: HttpRequest, event_id: int = Path(..., ge=1, le=MAX_ID)):
    event = permissions.access_event_for_viewer(request.user, event_id)
    return Status(200, event_out(event))


@router.post(
    "/learning/events/{event_id}/bookings",
    response={201: EventBookingOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Book a place for yourself",
    description="Booking again keeps your one place. No places left, or an event booked on "
    "the provider's site, is 409.",
)
def booking_create(request: HttpRequest, event_id: int = Path(..., ge=1, le=MAX_ID)):
    event = permissions.access_event_for_booking(request.user, event_id)
    try:
        booking = services.event_book(event=event, user=request.user)
    except services.EventError as error:
        return Status(error.status, {"detail": error.message})
    return Status(
        201,
        EventBookingOut(
            event_id=event.pk,
            booked_at=booking.created_at,
            calendar_url=services.event_url(event).removesuffix("/") + "/calendar.ics",
        ),
    )


@router.delete(
    "/learning/events/{event_id}/bookings",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Give back your place",
)
def booking_delete(request: HttpRequest, event_id: int = Path(..., ge=1, le=MAX_ID)):
    event = permissions.access_event_for_booking(request.user, event_id)
    if services.event_booking_cancel(event=event, user=request.user) is None:
        return Status(404, {"detail": "You have no place on this event."})
    return Status(204, None)


def district_from(outcode: str):
    if not outcode.strip():
        return None
    try:
        return district_by_outcode(normalise_outcode(outcode))
    except (InvalidPostcode, UnknownDistrict) as error:
        raise services.EventInputError({"district": error.message}) from None


def input_error(error: services.EventInputError) -> Status:
    errors = {name: [message] for name, message in error.problems.items()}
    return Status(
        400, {"detail": f"{error.field}: {error.message}", "field": error.field, "errors": errors}
    )


@router.post(
    "/learning/events",
    response={201: EventOut, 400: ErrorOut, 403: ErrorOut},
    auth=organisation_key_auth,
    summary="List a course or event (training provider or council API key)",
)
def event_create(request: HttpRequest, payload: EventIn):
    organisation = permissions.organisation_of_key(request.auth)
    try:
        values = EventInput(
            title=payload.title.strip(),
            description=payload.description.strip(),
            topics=list(payload.topics),
            audience=payload.audience,
            format=payload.format,
            district=district_from(payload.district),
            venue=payload.venue.strip(),
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
            cost_pence=payload.cost_pence,
            funding=payload.funding.strip(),
            accessibility=payload.accessibility.strip(),
            booking_url=payload.booking_url.strip(),
            capacity=payload.capacity,
            kind=payload.kind,
        )
        event = services.event_create(organisation=organisation, by=None, values=values)
    except services.EventInputError as error:
        return input_error(error)
    if payload.publish:
        services.event_publish(event=event, by=None)
    return Status(201, event_out(queries.event_with_details(event.pk).get()))


@router.patch(
    "/learning/events/{event_id}",
    response={200: EventOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=organisation_key_auth,
    summary="Change your organisation's course or event (API key)",
    description="Send only what changes. `publish: true` lists a draft.",
)
def event_update(
    request: HttpRequest, payload: EventPatch, event_id: int = Path(..., ge=1, le=MAX_ID)
):
    event = permissions.access_event_for_key(request.auth, event_id)
    sent = payload.model_dump(exclude_unset=True)
    publish = sent.pop("publish", None)
    current = {
        "kind": event.kind,
        "title": event.title,
        "description": event.description,
        "topics": list(event.topics),
        "audience": event.audience,
        "format": event.format,
        "district": event.district,
        "venue": event.venue,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "cost_pence": event.cost_pence,
        "funding": event.funding,
        "accessibility": event.accessibility,
        "booking_url": event.booking_url,
        "capacity": event.capacity,
    }
    try:
        if "district" in sent:
            sent["district"] = district_from(sent["district"] or "")
        for name in ("title", "description", "venue", "funding", "accessibility", "booking_url"):
            if name in sent:
                sent[name] = (sent[name] or "").strip()
        if sent:
            services.event_update(event=event, by=None, values=EventInput(**(current | sent)))
        if publish:
            services.event_publish(event=event, by=None)
    except services.EventInputError as error:
        return input_error(error)
    except services.EventError as error:
        return Status(error.status, {"detail": error.message})
    return Status(200, event_out(queries.event_with_details(event.pk).get()))
