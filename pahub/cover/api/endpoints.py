"""API: cover requests, offers, bookings, timesheets and calendar feeds, for the people in them.

Everyone uses their browser session (`django_auth`); POSTs need the `csrftoken` cookie's value
in an `X-CSRFToken` header. Organisations' API keys cannot read cover: a request's address and
the people in it are private to its participants.

The rules are the pages' rules, from `pahub.cover.permissions`: the employer side (the
employer, a representative with an active grant, staff with the employer's recorded consent)
sees and acts on the employer's requests; a PA sees a request once alerted to it, offered or
booked. Anyone else gets 404, so nobody learns that a request or booking exists. The address
and phone number appear only for the employer side and the PA holding a confirmed booking.

Status codes: 401 signed out, 404 not yours, 400 bad input (`field` names it), 409 when the
thing has moved on (a slot someone else just took, a PA just booked elsewhere, an offer already
withdrawn). The 409 `detail` is the sentence the page would show.
"""

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.security import django_auth

from pahub.accounts.models import User
from pahub.core.api_errors import ErrorOut
from pahub.cover import presenters, queries
from pahub.cover.api.schemas import (
    MAX_LIST,
    BookingFilters,
    BookingOut,
    CoverRequestIn,
    CoverRequestOut,
    DecisionIn,
    FeedOut,
    HoursIn,
    OfferIn,
    OfferOut,
    ReasonIn,
    RequestFilters,
    TimesheetFilters,
    TimesheetOut,
    path_id,
)
from pahub.cover.booking import BookingError
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
    CoverError,
    HoursInput,
    RequestInput,
    SlotInput,
    booking_cancel,
    booking_confirm,
    cover_request_cancel,
    cover_request_create,
    offer_make,
    offer_withdraw,
    timesheet_decide,
    timesheet_submit,
)
from pahub.employers.permissions import can_act_for_employer

# Operation ids are written out so they stay what they were when this was one module
# (`pahub.cover.api`), whatever files the endpoints live in.
router = Router(tags=["cover"])


def acting_employer_ids(user: User) -> set[int]:
    """Employers this user may act for, each checked with the rule the `access_*` helpers use,
    so a list never shows what opening the item would refuse."""
    return {employer.pk for employer in queries.employers_acted_for(user)}


def cover_error(error: CoverError) -> Status:
    """A rule about what was sent (it names a field) is 400; a state that moved on is 409."""
    if error.field:
        return Status(400, {"detail": error.message, "field": error.field})
    return Status(409, {"detail": error.message})


def one_request_out(request_id: int, *, side: str, user: User) -> dict:
    requests = CoverRequest.objects.filter(pk=request_id)
    cover = queries.requests_for_side(requests, side=side, user=user).get()
    return presenters.request_view(cover, side=side, user=user)


def one_booking_out(booking_id: int, user: User) -> dict:
    booking = queries.with_booking_details(Booking.objects.filter(pk=booking_id)).get()
    acting = {booking.employer_id} if can_act_for_employer(user, booking.employer) else set()
    return presenters.booking_view(booking, user=user, acting_ids=acting)


def one_timesheet_out(timesheet_id: int, user: User) -> dict:
    timesheet = queries.with_timesheet_details(Timesheet.objects.filter(pk=timesheet_id)).get()
    employer = timesheet.booking.employer
    acting = {employer.pk} if can_act_for_employer(user, employer) else set()
    return presenters.timesheet_view(timesheet, acting_ids=acting)


def own_offer_out(offer: CoverOffer, user: User) -> dict:
    from_pool = CoverAlert.objects.filter(
        request_id=offer.slot.request_id, pa=user, from_pool=True
    ).exists()
    return presenters.offer_view(offer, pa=user, from_pool=from_pool)


# Requests

REQUEST_RESPONSES = {201: CoverRequestOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut}


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
    operation_id="pahub_cover_api_requests_list",
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
            for item in queries.requests_for_side(managed, side="employer", user=user)[:MAX_LIST]
        ]
    if filters.side in (None, "pa"):
        asked = CoverRequest.objects.filter(pk__in=requests_for_pa(user).values("pk")).exclude(
            employer_id__in=acting
        )
        if filters.status:
            asked = asked.filter(status=filters.status)
        found += [
            ("pa", item)
            for item in queries.requests_for_side(asked, side="pa", user=user)[:MAX_LIST]
        ]
    found.sort(key=lambda pair: pair[1].created_at, reverse=True)
    return [presenters.request_view(item, side=side, user=user) for side, item in found[:MAX_LIST]]


@router.get(
    "/cover/requests/{request_id}",
    response={200: CoverRequestOut, 404: ErrorOut},
    auth=django_auth,
    summary="One cover request",
    description="A PA sees what the PA page shows: never the address unless booked on it.",
    operation_id="pahub_cover_api_requests_get",
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
        "profile must exist. Every rule broken gives 400 naming the `field`, and nothing is "
        "saved. The relief pool is alerted at once, then the request widens to matching PAs "
        "nearby after `pool_wait_minutes` (0: everyone suitable now)."
    ),
    operation_id="pahub_cover_api_requests_create",
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
            task_codes=payload.tasks,
            note=payload.note,
            auto_confirm_pool=payload.auto_confirm_pool,
            required_dbs=payload.required_dbs,
            paid_by_direct_payment=payload.paid_by_direct_payment,
            requires_driver=payload.requires_driver,
            required_language_code=payload.required_language,
            required_skill_codes=payload.required_skills,
            required_gender=payload.required_gender,
            # The API has no tick box: stating the reason is saying the cover includes
            # intimate personal care (the field's description says so); the service checks.
            includes_intimate_care=bool(payload.gender_reason.strip()),
            gender_reason=payload.gender_reason,
        )
        cover = cover_request_create(employer=employer, by=user, data=data)
    except CoverError as error:
        # Every refusal here is about what was sent, including a missing employer profile.
        return Status(400, {"detail": error.message, "field": error.field or None})
    return Status(201, one_request_out(cover.pk, side="employer", user=user))


@router.post(
    "/cover/requests/{request_id}/cancel",
    response={200: CoverRequestOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Withdraw a cover request",
    description="Employer side. Any confirmed bookings are cancelled with the same reason.",
    operation_id="pahub_cover_api_requests_cancel",
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
    response={201: OfferOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Offer to cover a shift",
    description=(
        "A PA who was alerted to the request. 409 if the shift was just taken, has started, or "
        "clashes with one of your bookings. If the employer auto-confirms their relief pool "
        "and you are in it, the task worker confirms the offer straight after: the status "
        "here is `confirmed` if it already has, and the request shows the booking."
    ),
    operation_id="pahub_cover_api_offers_create",
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
    return Status(201, own_offer_out(offer, user))


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
    operation_id="pahub_cover_api_offers_confirm",
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
    operation_id="pahub_cover_api_offers_withdraw",
)
def offers_withdraw(request: HttpRequest, offer_id: int = path_id()):
    user: User = request.auth
    offer = access_own_offer(user, offer_id)
    try:
        offer = offer_withdraw(offer=offer, by=user)
    except CoverError as error:
        return cover_error(error)
    return Status(200, own_offer_out(offer, user))


# Bookings


@router.get(
    "/cover/bookings",
    response=list[BookingOut],
    auth=django_auth,
    summary="Bookings: your own as a PA, or your employers'",
    description=f"Soonest first, at most {MAX_LIST}.",
    operation_id="pahub_cover_api_bookings_list",
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
    bookings = queries.with_booking_details(bookings).order_by("starts_at", "pk")[:MAX_LIST]
    return [presenters.booking_view(booking, user=user, acting_ids=acting) for booking in bookings]


@router.get(
    "/cover/bookings/{booking_id}",
    response={200: BookingOut, 404: ErrorOut},
    auth=django_auth,
    summary="One booking",
    description="The booked PA or the employer side. The PA sees the address while confirmed.",
    operation_id="pahub_cover_api_bookings_get",
)
def bookings_get(request: HttpRequest, booking_id: int = path_id()):
    user: User = request.auth
    booking = access_booking(user, booking_id)
    return Status(200, one_booking_out(booking.pk, user))


@router.post(
    "/cover/bookings/{booking_id}/cancel",
    response={200: BookingOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Cancel a booking, with a reason",
    description=(
        "Either side. Less than 24 hours before the start is flagged as a late cancellation. "
        "The shift re-opens and the relief pool is asked again."
    ),
    operation_id="pahub_cover_api_bookings_cancel",
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
    operation_id="pahub_cover_api_timesheets_list",
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
    timesheets = queries.with_timesheet_details(timesheets).order_by("-started_at", "-pk")[
        :MAX_LIST
    ]
    return [presenters.timesheet_view(timesheet, acting_ids=acting) for timesheet in timesheets]


@router.post(
    "/cover/bookings/{booking_id}/timesheet",
    response={201: TimesheetOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Record the hours you worked on a booking",
    description=(
        "The booked PA, once the shift has started. Recording again replaces hours that were "
        "queried or are still waiting; approved hours cannot change (409)."
    ),
    operation_id="pahub_cover_api_timesheets_submit",
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


DECISION_RESPONSES = {200: TimesheetOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut}


@router.post(
    "/cover/timesheets/{timesheet_id}/approve",
    response=DECISION_RESPONSES,
    auth=django_auth,
    summary="Approve recorded hours",
    description="Employer side. Approved hours are final and go into the payroll export.",
    operation_id="pahub_cover_api_timesheets_approve",
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
    description="Employer side. Say what is wrong (`note`, 400 without it); the PA is told.",
    operation_id="pahub_cover_api_timesheets_query",
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
    operation_id="pahub_cover_api_feeds_list",
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
