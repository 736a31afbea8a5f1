"""API: cover requests, offers, bookings, timesheets and calendar feeds, for the people in them.

Everyone uses their browser session (`django_auth`); POSTs need the `csrftoken` cookie's value
in an `X-CSRFToken` header. Organisations' API keys cannot read cover: a request's address and
the people in it are private to its participants.

The rules are the pages' rules, from `pahub.cover.permissions`: the employer side (the
employer, a representative with an active grant, staff with the employer's recorded consent)
sees and acts on the employer's requests; a PA sees a request once alerted to it, offered or
booked. Anyone else gets 404, so nobody learns that a request or booking exists. The address
and phone number appear only for the employer side and the PA holding a confirmed booking.

Status codes: 401 signed out, 404 not yours, 422 bad input (`field` names it), 409 when the
thing has moved on (a slot someone else just took, a PA just booked elsewhere, an offer already
withdrawn). The 409 `detail` is the sentence the page would show.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Annotated, Literal

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import AfterValidator, field_validator

from pahub.accounts.models import User
from pahub.cover.booking import BookingError, booking_confirm
from pahub.cover.models import (
    Booking,
    CalendarFeed,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    Timesheet,
)
from pahub.cover.permissions import (
    access_booking,
    access_offer_for_employer_side,
    access_own_offer,
    access_request_for_employer_side,
    access_timesheet_for_employer_side,
    pa_may_see_request,
    requests_for_pa,
)
from pahub.cover.services import (
    MAX_SLOTS,
    WAIT_CHOICES,
    CoverError,
    HoursInput,
    RequestInput,
    SlotInput,
    booking_cancel,
    cover_request_cancel,
    cover_request_create,
    offer_make,
    offer_withdraw,
    timesheet_decide,
    timesheet_submit,
)
from pahub.cover.times import Span, describe_span, hours_between, to_local
from pahub.employers.permissions import can_act_for_employer, employers_user_can_act_for
from pahub.employers.queries import employer_name
from pahub.register.models import Skill

router = Router(tags=["cover"])

MAX_LIST = 200
# Ids beyond a 64-bit integer cannot exist; refusing them here keeps SQLite from overflowing.
MAX_ID = 2**63 - 1
# Cover is for short notice: a year either way is plenty, and keeps dates far from the
# calendar's end, where adding the overnight day would overflow.
FURTHEST_DAYS = 366

Side = Literal["employer", "pa"]
DbsValue = Literal["", "basic", "standard", "enhanced", "enhanced_adults"]
GenderValue = Literal["", "woman", "man"]
RequestStatus = Literal["open", "covered", "cancelled", "expired"]
BookingStatus = Literal["confirmed", "cancelled"]
TimesheetStatus = Literal["submitted", "approved", "queried"]


def path_id() -> int:
    """A path id: a positive 64-bit integer, else 422."""
    return Path(..., ge=1, le=MAX_ID)


# Input


def refuse_null_characters(value: str) -> str:
    # Forms refuse these too; PostgreSQL cannot store them, and would fail with a 500.
    if "\x00" in value:
        raise ValueError("Text cannot contain null characters.")
    return value


Text = Annotated[str, AfterValidator(refuse_null_characters)]
Code = Annotated[str, Field(max_length=60), AfterValidator(refuse_null_characters)]


def check_clock(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("Give a clock time in Europe/London, like 08:00, without a time zone.")
    return value


def check_near_day(value: date) -> date:
    today = timezone.localdate()
    if abs((value - today).days) > FURTHEST_DAYS:
        raise ValueError("Choose a day within a year of today.")
    return value


class SlotIn(Schema):
    day: date = Field(description="The day the shift starts, in Europe/London")
    start: time = Field(description="Clock time in Europe/London, like 08:00")
    end: time = Field(description="Clock time; at or before `start` means the next day")

    @field_validator("day")
    @classmethod
    def near_day(cls, value: date) -> date:
        return check_near_day(value)

    @field_validator("start", "end")
    @classmethod
    def clock(cls, value: time) -> time:
        return check_clock(value)


class CoverRequestIn(Schema):
    employer_id: int = Field(
        ge=1, le=MAX_ID, description="The employer needing cover (yourself, or someone you act for)"
    )
    slots: list[SlotIn] = Field(
        max_length=100, description=f"One to {MAX_SLOTS} shifts that do not overlap"
    )
    address: Text = Field(
        max_length=1000, description="Shown only to the PA who is booked, never before"
    )
    contact_phone: Text = Field("", max_length=30, description="Shown only to the booked PA")
    hourly_pay: Decimal = Field(
        ge=0, max_digits=6, decimal_places=2, description="Pounds; at least the legal minimum"
    )
    pool_wait_minutes: int = Field(
        30,
        ge=0,
        le=100_000,
        description="How long the relief pool has alone before the request widens: "
        + ", ".join(f"{minutes} ({label})" for minutes, label in WAIT_CHOICES),
    )
    tasks: list[Code] = Field([], max_length=100, description="Skill codes from /taxonomy/skills")
    note: Text = Field("", max_length=2000, description="For the PAs who are asked")
    auto_confirm_pool: bool = Field(
        False, description="Book a relief pool member as soon as they offer"
    )
    required_dbs: DbsValue = ""
    requires_driver: bool = False
    required_language: Text = Field("", max_length=20, description="A language code, like `bfi`")
    required_skills: list[Code] = Field([], max_length=100, description="Skill codes")
    required_gender: GenderValue = Field(
        "", description="Only with a `gender_reason` (intimate personal care)"
    )
    gender_reason: Text = Field("", max_length=2000)


class ReasonIn(Schema):
    reason: Text = Field(max_length=2000, description="Told to the other side")


class OfferIn(Schema):
    message: Text = Field("", max_length=500, description="A short note to the employer")


class HoursIn(Schema):
    day: date = Field(description="The day the shift started, in Europe/London")
    start: time = Field(description="When you started, like 08:05")
    end: time = Field(description="When you finished; at or before `start` means the next day")
    break_minutes: int = Field(0, ge=0, le=24 * 60)
    note: Text = Field("", max_length=500)

    @field_validator("day")
    @classmethod
    def near_day(cls, value: date) -> date:
        return check_near_day(value)

    @field_validator("start", "end")
    @classmethod
    def clock(cls, value: time) -> time:
        return check_clock(value)


class DecisionIn(Schema):
    note: Text = Field("", max_length=500, description="Needed when querying: what to put right")


class RequestFilters(Schema):
    side: Side | None = Field(None, description="Only requests you manage, or only as a PA")
    status: RequestStatus | None = None


class BookingFilters(Schema):
    side: Side | None = None
    status: BookingStatus | None = None


class TimesheetFilters(Schema):
    side: Side | None = None
    status: TimesheetStatus | None = None


# Output


class ErrorOut(Schema):
    detail: str
    field: str | None = None


class TaskOut(Schema):
    code: str
    name: str


class OfferOut(Schema):
    id: int
    slot_id: int
    pa_id: int
    pa_name: str
    status: str = Field(description="offered, confirmed, withdrawn or not_needed")
    message: str
    from_pool: bool
    created_at: datetime


class SlotBookingOut(Schema):
    id: int
    pa_id: int
    pa_name: str


class SlotOut(Schema):
    id: int
    starts_at: datetime = Field(description="With the Europe/London offset of that moment")
    ends_at: datetime
    when: str = Field(description='For people: "Fri 27 Nov, 22:00 to 07:00 (Sat)"')
    hours: float = Field(description="Real length: 8 or 10 on a clock-change night, not 9")
    overnight: bool
    status: str = Field(description="open, booked or cancelled")
    offers: list[OfferOut] = Field(
        description="Every offer on the employer side; a PA sees only their own"
    )
    booking: SlotBookingOut | None = Field(
        description="The confirmed booking: any on the employer side, a PA's own for a PA"
    )


class MustHavesOut(Schema):
    required_dbs: str
    requires_driver: bool
    required_language: str | None
    required_skills: list[str]
    required_gender: str
    gender_reason: str


class AlertCountsOut(Schema):
    pool: int
    nearby: int


class CoverRequestOut(Schema):
    id: int
    side: Side = Field(description="Whether you see it as the employer side or as a PA")
    employer_id: int | None = Field(description="Employer side only")
    employer_name: str
    district: str
    status: str
    hourly_pay: Decimal
    tasks: list[TaskOut]
    note: str
    must_haves: MustHavesOut
    address: str | None = Field(description="Employer side, or a PA booked on this request")
    contact_phone: str | None = Field(description="As for the address")
    pool_wait_minutes: int | None = Field(description="Employer side only")
    auto_confirm_pool: bool | None = Field(description="Employer side only")
    reach: str | None = Field(description="Employer side only: pool, or nearby once widened")
    waves_sent: int | None = Field(description="Employer side only")
    next_wave_at: datetime | None = Field(description="Employer side only")
    alerted: AlertCountsOut | None = Field(description="Employer side only")
    slots: list[SlotOut]
    created_at: datetime


class TimesheetRefOut(Schema):
    id: int
    status: str


class BookingOut(Schema):
    id: int
    side: Side
    request_id: int
    slot_id: int
    status: str
    starts_at: datetime
    ends_at: datetime
    when: str
    hours: float
    overnight: bool
    pa_id: int
    pa_name: str
    employer_id: int | None = Field(description="Employer side only")
    employer_name: str
    district: str
    hourly_pay: Decimal
    address: str | None = Field(description="Employer side, or the PA while confirmed")
    contact_phone: str | None
    confirmed_at: datetime
    cancelled_at: datetime | None
    cancelled_by: Side | None = Field(description="Which side cancelled")
    cancel_reason: str
    late_cancellation: bool = Field(description="Cancelled less than 24 hours before the start")
    timesheet: TimesheetRefOut | None


class TimesheetOut(Schema):
    id: int
    side: Side
    booking_id: int
    booked: str = Field(description="The booked shift, for people")
    pa_name: str
    employer_name: str
    status: str
    started_at: datetime
    ended_at: datetime
    break_minutes: int
    hours_worked: float = Field(description="Real time between start and end, less breaks")
    pay_due: Decimal = Field(description="Hours worked times the hourly pay, to the penny")
    note: str
    employer_note: str
    submitted_at: datetime
    decided_at: datetime | None


class FeedOut(Schema):
    id: int
    active: bool
    created_at: datetime
    revoked_at: datetime | None


# Who is asking


def acting_employer_ids(user: User) -> set[int]:
    """Employers this user may act for, each checked with the rule the `access_*` helpers use,
    so a list never shows what opening the item would refuse."""
    return {
        employer.pk
        for employer in employers_user_can_act_for(user)
        if can_act_for_employer(user, employer)
    }


def cover_error(error: CoverError) -> Status:
    """A rule about what was sent (it names a field) is 422; a state that moved on is 409."""
    if error.field:
        return Status(422, {"detail": error.message, "field": error.field})
    return Status(409, {"detail": error.message})


def check_codes(codes: list[str], field: str) -> list[str]:
    """Every skill code must be in the taxonomy; the first unknown one is named."""
    known = set(Skill.objects.filter(code__in=codes, is_active=True).values_list("code", flat=True))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise CoverError(
            f"Unknown skill code: {unknown[0]}. Use codes from /taxonomy/skills.", field
        )
    return codes


# Loading, in a fixed number of queries however many rows


def requests_for_side(requests: QuerySet[CoverRequest], *, side: str, user: User) -> QuerySet:
    """Everything CoverRequestOut needs; a PA's prefetches hold only their own rows."""
    offers = CoverOffer.objects.select_related("pa")
    bookings = Booking.objects.filter(status=Booking.Status.CONFIRMED).select_related("pa")
    alerts = CoverAlert.objects.only("id", "request_id", "pa_id", "from_pool")
    if side == "pa":
        offers, bookings, alerts = (
            offers.filter(pa=user),
            bookings.filter(pa=user),
            alerts.filter(pa=user),
        )
    slots = CoverSlot.objects.prefetch_related(
        Prefetch("offers", queryset=offers), Prefetch("bookings", queryset=bookings)
    )
    skills = Skill.objects.only("id", "code", "name")
    return requests.select_related(
        "employer__employer_profile", "district", "required_language"
    ).prefetch_related(
        Prefetch("slots", queryset=slots),
        Prefetch("tasks", queryset=skills),
        Prefetch("required_skills", queryset=skills),
        Prefetch("alerts", queryset=alerts),
    )


def span_fields(starts_at: datetime, ends_at: datetime) -> dict:
    start, end = to_local(starts_at), to_local(ends_at)
    return {
        "starts_at": start,
        "ends_at": end,
        "when": describe_span(Span(starts_at, ends_at)),
        "hours": round(hours_between(starts_at, ends_at), 2),
        "overnight": end.date() != start.date(),
    }


def slot_out(slot: CoverSlot, pool_pa_ids: set[int]) -> SlotOut:
    booking = next(iter(slot.bookings.all()), None)
    return SlotOut(
        id=slot.pk,
        status=slot.status,
        offers=[
            OfferOut(
                id=offer.pk,
                slot_id=slot.pk,
                pa_id=offer.pa_id,
                pa_name=offer.pa.display_name,
                status=offer.status,
                message=offer.message,
                from_pool=offer.pa_id in pool_pa_ids,
                created_at=offer.created_at,
            )
            for offer in slot.offers.all()
        ],
        booking=SlotBookingOut(id=booking.pk, pa_id=booking.pa_id, pa_name=booking.pa.display_name)
        if booking
        else None,
        **span_fields(slot.starts_at, slot.ends_at),
    )


def request_out(request: CoverRequest, *, side: str) -> CoverRequestOut:
    """A request as its side may see it: a PA sees no address until they hold a booking."""
    employer_side = side == "employer"
    alerts = list(request.alerts.all())
    pool_pa_ids = {alert.pa_id for alert in alerts if alert.from_pool}
    slots = list(request.slots.all())
    # For a PA the prefetched bookings are their own confirmed ones only.
    private_shown = employer_side or any(slot.bookings.all() for slot in slots)
    return CoverRequestOut(
        id=request.pk,
        side=side,
        employer_id=request.employer_id if employer_side else None,
        employer_name=employer_name(request.employer),
        district=request.district_id,
        status=request.status,
        hourly_pay=request.hourly_pay,
        tasks=[TaskOut(code=skill.code, name=skill.name) for skill in request.tasks.all()],
        note=request.note,
        must_haves=MustHavesOut(
            required_dbs=request.required_dbs,
            requires_driver=request.requires_driver,
            required_language=(
                request.required_language.code if request.required_language_id else None
            ),
            required_skills=[skill.code for skill in request.required_skills.all()],
            required_gender=request.required_gender,
            gender_reason=request.gender_reason,
        ),
        address=request.address if private_shown else None,
        contact_phone=request.contact_phone if private_shown else None,
        pool_wait_minutes=request.pool_wait_minutes if employer_side else None,
        auto_confirm_pool=request.auto_confirm_pool if employer_side else None,
        reach=request.reach if employer_side else None,
        waves_sent=request.waves_sent if employer_side else None,
        next_wave_at=request.next_wave_at if employer_side else None,
        alerted=AlertCountsOut(pool=len(pool_pa_ids), nearby=len(alerts) - len(pool_pa_ids))
        if employer_side
        else None,
        slots=[slot_out(slot, pool_pa_ids) for slot in slots],
        created_at=request.created_at,
    )


def one_request_out(request_id: int, *, side: str, user: User) -> CoverRequestOut:
    requests = CoverRequest.objects.filter(pk=request_id)
    return request_out(requests_for_side(requests, side=side, user=user).get(), side=side)


def with_booking_details(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    return bookings.select_related(
        "slot__request__district", "employer__employer_profile", "pa", "timesheet"
    )


def booking_out(booking: Booking, *, user: User, acting_ids: set[int]) -> BookingOut:
    """`acting_ids` decides the side; the address follows `permissions.can_see_address`."""
    employer_side = booking.employer_id in acting_ids
    request = booking.slot.request
    address_shown = employer_side or (
        booking.pa_id == user.pk and booking.status == Booking.Status.CONFIRMED
    )
    timesheet = getattr(booking, "timesheet", None)
    cancelled_by = None
    if booking.cancelled_at:
        cancelled_by = "pa" if booking.cancelled_by_id == booking.pa_id else "employer"
    return BookingOut(
        id=booking.pk,
        side="employer" if employer_side else "pa",
        request_id=request.pk,
        slot_id=booking.slot_id,
        status=booking.status,
        pa_id=booking.pa_id,
        pa_name=booking.pa.display_name,
        employer_id=booking.employer_id if employer_side else None,
        employer_name=employer_name(booking.employer),
        district=request.district_id,
        hourly_pay=request.hourly_pay,
        address=request.address if address_shown else None,
        contact_phone=request.contact_phone if address_shown else None,
        confirmed_at=booking.confirmed_at,
        cancelled_at=booking.cancelled_at,
        cancelled_by=cancelled_by,
        cancel_reason=booking.cancel_reason,
        late_cancellation=booking.late_cancellation,
        timesheet=TimesheetRefOut(id=timesheet.pk, status=timesheet.status) if timesheet else None,
        **span_fields(booking.starts_at, booking.ends_at),
    )


def one_booking_out(booking_id: int, user: User) -> BookingOut:
    booking = with_booking_details(Booking.objects.filter(pk=booking_id)).get()
    acting = {booking.employer_id} if can_act_for_employer(user, booking.employer) else set()
    return booking_out(booking, user=user, acting_ids=acting)


def with_timesheet_details(timesheets: QuerySet[Timesheet]) -> QuerySet[Timesheet]:
    return timesheets.select_related(
        "booking__slot__request", "booking__employer__employer_profile", "booking__pa"
    )


def pay_due(timesheet: Timesheet, hourly_pay: Decimal) -> Decimal:
    worked = timesheet.ended_at - timesheet.started_at - timedelta(minutes=timesheet.break_minutes)
    seconds = max(Decimal(int(worked.total_seconds())), Decimal(0))
    return (seconds / 3600 * hourly_pay).quantize(Decimal("0.01"))


def timesheet_out(timesheet: Timesheet, *, acting_ids: set[int]) -> TimesheetOut:
    booking = timesheet.booking
    return TimesheetOut(
        id=timesheet.pk,
        side="employer" if booking.employer_id in acting_ids else "pa",
        booking_id=booking.pk,
        booked=describe_span(Span(booking.starts_at, booking.ends_at)),
        pa_name=booking.pa.display_name,
        employer_name=employer_name(booking.employer),
        status=timesheet.status,
        started_at=to_local(timesheet.started_at),
        ended_at=to_local(timesheet.ended_at),
        break_minutes=timesheet.break_minutes,
        hours_worked=round(
            hours_between(
                timesheet.started_at, timesheet.ended_at, break_minutes=timesheet.break_minutes
            ),
            2,
        ),
        pay_due=pay_due(timesheet, booking.slot.request.hourly_pay),
        note=timesheet.note,
        employer_note=timesheet.employer_note,
        submitted_at=timesheet.submitted_at,
        decided_at=timesheet.decided_at,
    )


def one_timesheet_out(timesheet_id: int, user: User) -> TimesheetOut:
    timesheet = with_timesheet_details(Timesheet.objects.filter(pk=timesheet_id)).get()
    employer = timesheet.booking.employer
    acting = {employer.pk} if can_act_for_employer(user, employer) else set()
    return timesheet_out(timesheet, acting_ids=acting)


# Requests

REQUEST_RESPONSES = {201: CoverRequestOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.get(
    "/cover/requests",
    response=list[CoverRequestOut],
    auth=django_auth,
    summary="Cover requests you manage or were asked to cover",
    description=(
        "The employer side gets the requests of every employer they act for; a PA gets the "
        f"requests they were alerted to, offered on or booked for. Newest first, at most "
        f"{MAX_LIST}."
    ),
)
def requests_list(request: HttpRequest, filters: Query[RequestFilters]) -> list[CoverRequestOut]:
    user: User = request.auth
    acting = acting_employer_ids(user)
    found: list[tuple[str, CoverRequest]] = []
    if filters.side in (None, "employer") and acting:
        managed = CoverRequest.objects.filter(employer_id__in=acting)
        if filters.status:
            managed = managed.filter(status=filters.status)
        found += [
            ("employer", item)
            for item in requests_for_side(managed, side="employer", user=user)[:MAX_LIST]
        ]
    if filters.side in (None, "pa"):
        asked = CoverRequest.objects.filter(pk__in=requests_for_pa(user).values("pk")).exclude(
            employer_id__in=acting
        )
        if filters.status:
            asked = asked.filter(status=filters.status)
        found += [
            ("pa", item) for item in requests_for_side(asked, side="pa", user=user)[:MAX_LIST]
        ]
    found.sort(key=lambda pair: pair[1].created_at, reverse=True)
    return [request_out(item, side=side) for side, item in found[:MAX_LIST]]


@router.get(
    "/cover/requests/{request_id}",
    response={200: CoverRequestOut, 404: ErrorOut},
    auth=django_auth,
    summary="One cover request",
    description="A PA sees what the PA page shows: never the address unless booked on it.",
)
def requests_get(request: HttpRequest, request_id: int = path_id()):
    user: User = request.auth
    cover = get_object_or_404(CoverRequest.objects.select_related("employer"), pk=request_id)
    if can_act_for_employer(user, cover.employer):
        return Status(200, one_request_out(cover.pk, side="employer", user=user))
    if pa_may_see_request(user, cover):
        return Status(200, one_request_out(cover.pk, side="pa", user=user))
    raise Http404


@router.post(
    "/cover/requests",
    response=REQUEST_RESPONSES,
    auth=django_auth,
    summary="Ask for cover",
    description=(
        "For `employer_id` (yourself, or an employer you act for; 404 otherwise). The employer "
        "profile must exist. Every rule broken gives 422 naming the `field`, and nothing is "
        "saved. The relief pool is alerted at once, then the request widens to matching PAs "
        "nearby after `pool_wait_minutes` (0: everyone suitable now)."
    ),
)
def requests_create(request: HttpRequest, payload: CoverRequestIn):
    user: User = request.auth
    employer = User.objects.filter(pk=payload.employer_id, is_active=True).first()
    if employer is None or not can_act_for_employer(user, employer):
        return Status(404, {"detail": "No employer with that id that you may act for."})
    try:
        data = RequestInput(
            slots=[SlotInput(slot.day, slot.start, slot.end) for slot in payload.slots],
            address=payload.address,
            contact_phone=payload.contact_phone,
            hourly_pay=payload.hourly_pay,
            pool_wait_minutes=payload.pool_wait_minutes,
            task_codes=check_codes(payload.tasks, "tasks"),
            note=payload.note,
            auto_confirm_pool=payload.auto_confirm_pool,
            required_dbs=payload.required_dbs,
            requires_driver=payload.requires_driver,
            required_language_code=payload.required_language,
            required_skill_codes=check_codes(payload.required_skills, "required_skills"),
            required_gender=payload.required_gender,
            gender_reason=payload.gender_reason,
        )
        cover = cover_request_create(employer=employer, by=user, data=data)
    except CoverError as error:
        # Every refusal here is about what was sent, including a missing employer profile.
        return Status(422, {"detail": error.message, "field": error.field or None})
    return Status(201, one_request_out(cover.pk, side="employer", user=user))


@router.post(
    "/cover/requests/{request_id}/cancel",
    response={200: CoverRequestOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=django_auth,
    summary="Withdraw a cover request",
    description="Employer side. Any confirmed bookings are cancelled with the same reason.",
)
def requests_cancel(request: HttpRequest, payload: ReasonIn, request_id: int = path_id()):
    user: User = request.auth
    cover = access_request_for_employer_side(user, request_id)
    try:
        cover_request_cancel(request=cover, by=user, reason=payload.reason)
    except CoverError as error:
        return cover_error(error)
    return Status(200, one_request_out(cover.pk, side="employer", user=user))


# Offers


@router.post(
    "/cover/slots/{slot_id}/offers",
    response={201: OfferOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=django_auth,
    summary="Offer to cover a shift",
    description=(
        "A PA who was alerted to the request. 409 if the shift was just taken, has started, or "
        "clashes with one of your bookings. If the employer auto-confirms their relief pool "
        "and you are in it, the task worker confirms the offer straight after: the status "
        "here is `confirmed` if it already has, and the request shows the booking."
    ),
)
def offers_create(request: HttpRequest, payload: OfferIn, slot_id: int = path_id()):
    user: User = request.auth
    slot = get_object_or_404(CoverSlot.objects.select_related("request__employer"), pk=slot_id)
    if not pa_may_see_request(user, slot.request):
        raise Http404
    try:
        offer = offer_make(slot=slot, pa=user, message=payload.message)
    except CoverError as error:
        return cover_error(error)
    offer.refresh_from_db(fields=["status"])
    from_pool = CoverAlert.objects.filter(request=slot.request, pa=user, from_pool=True).exists()
    return Status(
        201,
        OfferOut(
            id=offer.pk,
            slot_id=slot.pk,
            pa_id=user.pk,
            pa_name=user.display_name,
            status=offer.status,
            message=offer.message,
            from_pool=from_pool,
            created_at=offer.created_at,
        ),
    )


@router.post(
    "/cover/offers/{offer_id}/confirm",
    response={201: BookingOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Confirm an offer: the shift becomes a booking",
    description=(
        "Employer side. Safe when many people confirm at once: exactly one booking per shift, "
        "and never two overlapping bookings for one PA. The loser of a race gets 409 with the "
        'sentence to show, e.g. "Someone else just took this slot. It is no longer available."'
    ),
)
def offers_confirm(request: HttpRequest, offer_id: int = path_id()):
    user: User = request.auth
    offer = access_offer_for_employer_side(user, offer_id)
    if offer.status == CoverOffer.Status.CONFIRMED:
        return Status(409, {"detail": "This offer is already confirmed."})
    if offer.slot.status == CoverSlot.Status.CANCELLED:
        return Status(409, {"detail": "This shift was cancelled, so it cannot be booked."})
    try:
        booking = booking_confirm(offer=offer, by=user)
    except BookingError as error:
        return Status(409, {"detail": error.message})
    return Status(201, one_booking_out(booking.pk, user))


@router.post(
    "/cover/offers/{offer_id}/withdraw",
    response={200: OfferOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Withdraw your offer",
    description="The PA who made it, while it is still waiting (409 once confirmed).",
)
def offers_withdraw(request: HttpRequest, offer_id: int = path_id()):
    user: User = request.auth
    offer = access_own_offer(user, offer_id)
    try:
        offer = offer_withdraw(offer=offer, by=user)
    except CoverError as error:
        return cover_error(error)
    from_pool = CoverAlert.objects.filter(
        request_id=offer.slot.request_id, pa=user, from_pool=True
    ).exists()
    return Status(
        200,
        OfferOut(
            id=offer.pk,
            slot_id=offer.slot_id,
            pa_id=user.pk,
            pa_name=user.display_name,
            status=offer.status,
            message=offer.message,
            from_pool=from_pool,
            created_at=offer.created_at,
        ),
    )


# Bookings


@router.get(
    "/cover/bookings",
    response=list[BookingOut],
    auth=django_auth,
    summary="Bookings: your own as a PA, or your employers'",
    description=f"Soonest first, at most {MAX_LIST}.",
)
def bookings_list(request: HttpRequest, filters: Query[BookingFilters]) -> list[BookingOut]:
    user: User = request.auth
    acting = acting_employer_ids(user)
    condition = Q(pk__in=[])
    if filters.side in (None, "pa"):
        condition |= Q(pa=user) & ~Q(employer_id__in=acting)
    if filters.side in (None, "employer"):
        condition |= Q(employer_id__in=acting)
    bookings = Booking.objects.filter(condition)
    if filters.status:
        bookings = bookings.filter(status=filters.status)
    bookings = with_booking_details(bookings).order_by("starts_at", "pk")[:MAX_LIST]
    return [booking_out(booking, user=user, acting_ids=acting) for booking in bookings]


@router.get(
    "/cover/bookings/{booking_id}",
    response={200: BookingOut, 404: ErrorOut},
    auth=django_auth,
    summary="One booking",
    description="The booked PA or the employer side. The PA sees the address while confirmed.",
)
def bookings_get(request: HttpRequest, booking_id: int = path_id()):
    user: User = request.auth
    booking = access_booking(user, booking_id)
    return Status(200, one_booking_out(booking.pk, user))


@router.post(
    "/cover/bookings/{booking_id}/cancel",
    response={200: BookingOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=django_auth,
    summary="Cancel a booking, with a reason",
    description=(
        "Either side. Less than 24 hours before the start is flagged as a late cancellation. "
        "The shift re-opens and the relief pool is asked again."
    ),
)
def bookings_cancel(request: HttpRequest, payload: ReasonIn, booking_id: int = path_id()):
    user: User = request.auth
    booking = access_booking(user, booking_id)
    try:
        booking_cancel(booking=booking, by=user, reason=payload.reason)
    except CoverError as error:
        return cover_error(error)
    return Status(200, one_booking_out(booking.pk, user))


# Timesheets


@router.get(
    "/cover/timesheets",
    response=list[TimesheetOut],
    auth=django_auth,
    summary="Hours recorded: your own as a PA, or to approve for your employers",
    description=f"Newest shift first, at most {MAX_LIST}.",
)
def timesheets_list(request: HttpRequest, filters: Query[TimesheetFilters]) -> list[TimesheetOut]:
    user: User = request.auth
    acting = acting_employer_ids(user)
    condition = Q(pk__in=[])
    if filters.side in (None, "pa"):
        condition |= Q(booking__pa=user) & ~Q(booking__employer_id__in=acting)
    if filters.side in (None, "employer"):
        condition |= Q(booking__employer_id__in=acting)
    timesheets = Timesheet.objects.filter(condition)
    if filters.status:
        timesheets = timesheets.filter(status=filters.status)
    timesheets = with_timesheet_details(timesheets).order_by("-started_at", "-pk")[:MAX_LIST]
    return [timesheet_out(timesheet, acting_ids=acting) for timesheet in timesheets]


@router.post(
    "/cover/bookings/{booking_id}/timesheet",
    response={201: TimesheetOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=django_auth,
    summary="Record the hours you worked on a booking",
    description=(
        "The booked PA, once the shift has started. Recording again replaces hours that were "
        "queried or are still waiting; approved hours cannot change (409)."
    ),
)
def timesheets_submit(request: HttpRequest, payload: HoursIn, booking_id: int = path_id()):
    user: User = request.auth
    booking = access_booking(user, booking_id)
    if booking.pa_id != user.pk:
        # The employer side may see the booking, but only the PA says what they worked.
        raise Http404
    hours = HoursInput(
        day=payload.day,
        start=payload.start,
        end=payload.end,
        break_minutes=payload.break_minutes,
        note=payload.note,
    )
    try:
        timesheet = timesheet_submit(booking=booking, by=user, hours=hours)
    except CoverError as error:
        return cover_error(error)
    return Status(201, one_timesheet_out(timesheet.pk, user))


def decide(request: HttpRequest, timesheet_id: int, *, approve: bool, note: str):
    user: User = request.auth
    timesheet = access_timesheet_for_employer_side(user, timesheet_id)
    try:
        timesheet_decide(timesheet=timesheet, by=user, approve=approve, note=note)
    except CoverError as error:
        return cover_error(error)
    return Status(200, one_timesheet_out(timesheet.pk, user))


DECISION_RESPONSES = {200: TimesheetOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.post(
    "/cover/timesheets/{timesheet_id}/approve",
    response=DECISION_RESPONSES,
    auth=django_auth,
    summary="Approve recorded hours",
    description="Employer side. Approved hours are final and go into the payroll export.",
)
def timesheets_approve(
    request: HttpRequest, payload: DecisionIn | None = None, timesheet_id: int = path_id()
):
    return decide(request, timesheet_id, approve=True, note=payload.note if payload else "")


@router.post(
    "/cover/timesheets/{timesheet_id}/query",
    response=DECISION_RESPONSES,
    auth=django_auth,
    summary="Query recorded hours",
    description="Employer side. Say what is wrong (`note`, 422 without it); the PA is told.",
)
def timesheets_query(request: HttpRequest, payload: DecisionIn, timesheet_id: int = path_id()):
    return decide(request, timesheet_id, approve=False, note=payload.note)


# Calendar feeds


@router.get(
    "/cover/feeds",
    response=list[FeedOut],
    auth=django_auth,
    summary="Your private calendar feeds",
    description=(
        "The feeds you have made, without their secret addresses: PA Hub keeps only a digest "
        "of each, so an address is shown once, when it is made (on the calendar page). The "
        "feed itself is `GET /cover/feeds/<secret>.ics` on the website, not under /api/v1/."
    ),
)
def feeds_list(request: HttpRequest) -> list[FeedOut]:
    feeds = CalendarFeed.objects.filter(user=request.auth).order_by("-created_at")
    return [
        FeedOut(
            id=feed.pk,
            active=feed.revoked_at is None,
            created_at=feed.created_at,
            revoked_at=feed.revoked_at,
        )
        for feed in feeds
    ]
