"""The PA side of cover: alerts and offers, relief pools, bookings and hours, the rota, and
private calendar feeds. Thin views over `services`, `pa_services`, `queries` and `rota`.

Every object is loaded through `pahub.cover.permissions` (or `queries.access_own_feed`), so
someone with no part in a request or booking gets a 404 and never learns it exists. A PA sees
a request's district, times, tasks and pay; the address and phone number appear only on the
booking page of the PA holding the confirmed booking (`permissions.can_see_address`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from pahub.accounts.models import Role, User
from pahub.core.commitments import Commitment, commitments_for
from pahub.core.public import public_page
from pahub.cover import ics, presenters, queries, rota, services
from pahub.cover.booking import booking_is_late_cancellation
from pahub.cover.models import (
    Booking,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)
from pahub.cover.pa_forms import CancelBookingForm, HoursForm, OfferForm, PoolAnswerForm
from pahub.cover.permissions import (
    access_booking,
    access_own_offer,
    access_pool_member_for_pa,
    access_request_for_pa,
    can_see_address,
)
from pahub.cover.services import (
    CoverError,
    active_pool_pa_ids,
    booking_cancel,
    offer_make,
    offer_withdraw,
    pool_leave,
    pool_respond,
    timesheet_submit,
)
from pahub.cover.times import to_local, when_words
from pahub.employers.queries import employer_name


def pa_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (or sent to sign in, and back) and holding the PA role (or a 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_role(Role.PA):
            raise PermissionDenied("Cover for PAs is for Personal Assistants.")
        return view(request, *args, **kwargs)

    return wrapped


@dataclass
class SlotRow:
    """One shift of a request as this PA sees it, and what they may do about it."""

    slot: CoverSlot
    when: str
    state: str
    label: str
    offer: CoverOffer | None = None
    booking: Booking | None = None
    form: OfferForm | None = None
    errors: list[str] = field(default_factory=list)


def slot_rows(
    request: CoverRequest,
    *,
    offers: dict[int, CoverOffer],
    bookings: dict[int, Booking],
    now: datetime,
    bound: tuple[int, OfferForm, list[str]] | None = None,
) -> list[SlotRow]:
    rows = []
    for slot in request.slots.all():
        offer, booking = offers.get(slot.pk), bookings.get(slot.pk)
        row = SlotRow(
            slot=slot,
            when=when_words(slot.starts_at, slot.ends_at),
            state="",
            label="",
            offer=offer,
            booking=booking,
        )
        row.state, row.label = presenters.slot_state_for_pa(
            slot, request, offer=offer, booking=booking, now=now
        )
        if row.state == "open":
            row.form = OfferForm(prefix=f"slot-{slot.pk}")
        if bound is not None and bound[0] == slot.pk:
            row.form, row.errors = bound[1], bound[2]
        rows.append(row)
    return rows


def render_request_page(
    http_request: HttpRequest,
    cover_request: CoverRequest,
    *,
    bound: tuple[int, OfferForm, list[str]] | None = None,
) -> HttpResponse:
    user = http_request.user
    now = timezone.now()
    cover_request = queries.request_for_pa_page(cover_request)
    alert = queries.alert_of(cover_request, user)
    rows = slot_rows(
        cover_request,
        offers=queries.pa_offers_on(cover_request, user),
        bookings=queries.pa_bookings_on(cover_request, user),
        now=now,
        bound=bound,
    )
    in_pool = user.pk in active_pool_pa_ids(cover_request.employer)
    return render(
        http_request,
        "cover/pa/request.html",
        {
            "cover_request": cover_request,
            "employer_name": employer_name(cover_request.employer),
            "place": presenters.place_words(cover_request),
            "reach": presenters.reach_words(alert, cover_request, user),
            "rows": rows,
            "tasks": list(cover_request.tasks.all()),
            "must_haves": presenters.must_haves_for(cover_request),
            "auto_confirm": cover_request.auto_confirm_pool and in_pool,
            "error_slot": bound[0] if bound else None,
            "error_form": bound[1] if bound else None,
            "error_list": bound[2] if bound else [],
        },
        status=400 if bound else 200,
    )


# Cover for me


@dataclass(frozen=True)
class AlertRow:
    alert: CoverAlert
    request: CoverRequest
    employer_name: str
    place: str
    reach: str
    shifts: list[str]
    tasks: list[str]
    status: str


@pa_required
@require_GET
def pa_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    offers = queries.waiting_offers_for_pa(user, now=now)
    bookings = queries.upcoming_bookings_for_pa(user, now=now)
    offered_on = {offer.slot.request_id for offer in offers if offer.status == "offered"}
    booked_on = {booking.slot.request_id for booking in bookings}
    alerts = []
    for alert in queries.alerts_for_pa(user, now=now):
        cover_request = alert.request
        if cover_request.pk in booked_on:
            status = "You are booked"
        elif cover_request.pk in offered_on:
            status = "You offered"
        else:
            status = cover_request.get_status_display()
        alerts.append(
            AlertRow(
                alert=alert,
                request=cover_request,
                employer_name=employer_name(cover_request.employer),
                place=presenters.place_words(cover_request),
                reach=presenters.reach_words(alert, cover_request, user),
                shifts=[
                    when_words(slot.starts_at, slot.ends_at)
                    for slot in cover_request.slots.all()
                    if slot.ends_at > now and slot.status != CoverSlot.Status.CANCELLED
                ],
                tasks=[skill.name for skill in cover_request.tasks.all()],
                status=status,
            )
        )
    return render(
        request,
        "cover/pa/home.html",
        {
            "alerts": alerts,
            "new_count": sum(1 for row in alerts if row.alert.is_new),
            "offers": [
                {
                    "offer": offer,
                    "when": when_words(offer.slot.starts_at, offer.slot.ends_at),
                    "employer_name": employer_name(offer.slot.request.employer),
                }
                for offer in offers
            ],
            "bookings": [
                {
                    "booking": booking,
                    "when": when_words(booking.starts_at, booking.ends_at),
                    "employer_name": employer_name(booking.employer),
                }
                for booking in bookings
            ],
        },
    )


@pa_required
@require_GET
def pa_request(request: HttpRequest, request_id: int) -> HttpResponse:
    cover_request = access_request_for_pa(request.user, request_id)
    services.alerts_mark_seen(request=cover_request, pa=request.user)
    return render_request_page(request, cover_request)


@pa_required
@require_POST
def pa_offer(request: HttpRequest, request_id: int, slot_id: int) -> HttpResponse:
    cover_request = access_request_for_pa(request.user, request_id)
    slot = get_object_or_404(
        CoverSlot.objects.select_related("request"), pk=slot_id, request=cover_request
    )
    form = OfferForm(request.POST, prefix=f"slot-{slot.pk}")
    if not form.is_valid():
        return render_request_page(request, cover_request, bound=(slot.pk, form, []))
    try:
        offer_make(slot=slot, pa=request.user, message=form.cleaned_data["message"])
    except CoverError as error:
        return render_request_page(request, cover_request, bound=(slot.pk, form, [error.message]))
    messages.success(
        request,
        f"You offered to cover {when_words(slot.starts_at, slot.ends_at)}. "
        f"{employer_name(cover_request.employer)} has been told. We will email you if you "
        "are booked.",
    )
    return redirect("cover:pa_request", request_id=cover_request.pk)


@pa_required
@require_POST
def pa_offer_withdraw(request: HttpRequest, request_id: int, offer_id: int) -> HttpResponse:
    offer = access_own_offer(request.user, offer_id)
    if offer.slot.request_id != request_id:
        raise Http404
    try:
        offer_withdraw(offer=offer, by=request.user)
    except CoverError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "You have withdrawn your offer.")
    return redirect("cover:pa_request", request_id=request_id)


# Relief pools


def render_pools(
    request: HttpRequest, *, error: str = "", failed_member: int | None = None
) -> HttpResponse:
    members = queries.pools_for_pa(request.user)
    return render(
        request,
        "cover/pa/pools.html",
        {
            "invitations": [
                {"member": member, "employer_name": employer_name(member.employer)}
                for member in members
                if member.status == ReliefPoolMember.Status.INVITED
            ],
            "pools": [
                {"member": member, "employer_name": employer_name(member.employer)}
                for member in members
                if member.status == ReliefPoolMember.Status.ACTIVE
            ],
            "error": error,
            "failed_member": failed_member,
        },
        status=400 if error else 200,
    )


@pa_required
@require_GET
def pools(request: HttpRequest) -> HttpResponse:
    return render_pools(request)


@pa_required
@require_POST
def pool_answer(request: HttpRequest, member_id: int) -> HttpResponse:
    member = access_pool_member_for_pa(request.user, member_id)
    form = PoolAnswerForm(request.POST)
    if not form.is_valid():
        return render_pools(request, error=form.errors["answer"][0], failed_member=member.pk)
    try:
        pool_respond(member=member, accept=form.accept, by=request.user)
    except CoverError as error:
        return render_pools(request, error=error.message, failed_member=member.pk)
    name = employer_name(member.employer)
    if form.accept:
        messages.success(request, f"You are in {name}’s relief pool. They will ask you first.")
    else:
        messages.success(request, f"You said no to {name}’s relief pool.")
    return redirect("cover:pools")


@pa_required
@require_http_methods(["GET", "POST"])
def pool_leave_view(request: HttpRequest, member_id: int) -> HttpResponse:
    member = access_pool_member_for_pa(request.user, member_id)
    name = employer_name(member.employer)
    error = ""
    if request.method == "POST":
        try:
            pool_leave(member=member, by=request.user)
        except CoverError as failure:
            error = failure.message
        else:
            messages.success(request, f"You have left {name}’s relief pool.")
            return redirect("cover:pools")
    return render(
        request,
        "cover/pa/pool_leave.html",
        {"member": member, "employer_name": name, "error": error},
        status=400 if error else 200,
    )


# Bookings


def booking_context(user: User, booking: Booking, *, now: datetime) -> dict:
    cover_request = booking.slot.request
    is_pa = booking.pa_id == user.pk
    timesheet = Timesheet.objects.filter(booking=booking).first()
    started = booking.starts_at <= now
    confirmed = booking.status == Booking.Status.CONFIRMED
    return {
        "booking": booking,
        "cover_request": cover_request,
        "is_pa": is_pa,
        "when": when_words(booking.starts_at, booking.ends_at),
        "employer_name": employer_name(booking.employer),
        "tasks": [skill.name for skill in cover_request.tasks.order_by("name")],
        "show_address": can_see_address(user, booking),
        "timesheet": timesheet,
        "timesheet_hours": (
            rota.duration_words(
                timesheet.ended_at
                - timesheet.started_at
                - timedelta(minutes=timesheet.break_minutes)
            )
            if timesheet
            else ""
        ),
        "timesheet_when": (
            when_words(timesheet.started_at, timesheet.ended_at) if timesheet else ""
        ),
        "may_cancel": confirmed and booking.ends_at > now,
        "may_record_hours": (
            is_pa
            and confirmed
            and started
            and (timesheet is None or timesheet.status != Timesheet.Status.APPROVED)
        ),
        "hours_later": is_pa and confirmed and not started,
        "request_url": (
            reverse("cover:pa_request", kwargs={"request_id": cover_request.pk})
            if is_pa
            else reverse("cover:request", kwargs={"request_id": cover_request.pk})
        ),
        "timesheets_url": None if is_pa else reverse("cover:timesheets"),
    }


@login_required
@require_GET
def booking_detail(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = access_booking(request.user, booking_id)
    return render(
        request,
        "cover/pa/booking.html",
        booking_context(request.user, booking, now=timezone.now()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_cancel_view(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = access_booking(request.user, booking_id)
    form = CancelBookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking_cancel(booking=booking, by=request.user, reason=form.cleaned_data["reason"])
        except CoverError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(request, "The booking is cancelled. Everyone affected has been told.")
            return redirect("cover:booking", booking_id=booking.pk)
    context = booking_context(request.user, booking, now=timezone.now())
    context |= {
        "form": form,
        "late": booking_is_late_cancellation(booking),
    }
    return render(request, "cover/pa/cancel.html", context, status=400 if form.errors else 200)


def hours_initial(booking: Booking, timesheet: Timesheet | None) -> dict:
    """The booked times, or the hours already recorded, to change rather than retype."""
    starts, ends = booking.starts_at, booking.ends_at
    breaks, note = 0, ""
    if timesheet is not None:
        starts, ends = timesheet.started_at, timesheet.ended_at
        breaks, note = timesheet.break_minutes, timesheet.note
    return {
        "day": to_local(starts).date(),
        "start": f"{to_local(starts):%H:%M}",
        "end": f"{to_local(ends):%H:%M}",
        "break_minutes": breaks,
        "note": note,
    }


@login_required
@require_http_methods(["GET", "POST"])
def booking_hours(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = access_booking(request.user, booking_id)
    if booking.pa_id != request.user.pk:
        raise PermissionDenied("Only the PA who worked the shift records its hours.")
    timesheet = Timesheet.objects.filter(booking=booking).first()
    form = HoursForm(request.POST or None, initial=hours_initial(booking, timesheet))
    if request.method == "POST" and form.is_valid():
        try:
            timesheet_submit(booking=booking, by=request.user, hours=form.hours())
        except CoverError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                f"Your hours are recorded. {employer_name(booking.employer)} has been asked "
                "to approve them.",
            )
            return redirect("cover:booking", booking_id=booking.pk)
    context = booking_context(request.user, booking, now=timezone.now())
    context["form"] = form
    return render(request, "cover/pa/hours.html", context, status=400 if form.errors else 200)


def calendar_response(content: bytes, *, filename: str, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    kind = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    # Someone's shifts are personal: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def booking_ics(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = access_booking(request.user, booking_id)
    start = to_local(booking.starts_at)
    return calendar_response(
        ics.booking_ics(booking, user=request.user),
        filename=f"pa-hub-booking-{start:%Y-%m-%d}-{booking.pk}.ics",
        download=True,
    )


# The rota


ROTA_YEARS = 10


def week_asked_for(raw: str | None, *, today: date) -> tuple[date, bool]:
    """The Monday of the week in `?week=`, or this week; and whether the value was unreadable.
    Dates far from now are refused too: nobody has shifts then, and the edges of the calendar
    cannot be stepped past."""
    if not raw:
        return rota.week_start_for(today), False
    try:
        asked = date.fromisoformat(raw)
    except ValueError:
        return rota.week_start_for(today), True
    if abs(asked.year - today.year) > ROTA_YEARS:
        return rota.week_start_for(today), True
    return rota.week_start_for(asked), False


@dataclass(frozen=True)
class RotaShift:
    booking: Booking | None
    when: str
    employer_name: str
    hours: str
    rest_warning: str
    # For the hours of a regular job (no booking): "your regular job “Morning help”".
    commitment: str = ""


def rota_shift(shift: Booking | Commitment, warnings: rota.RotaWarnings) -> RotaShift:
    gap = warnings.rest_before(shift)
    is_booking = isinstance(shift, Booking)
    return RotaShift(
        booking=shift if is_booking else None,
        when=when_words(shift.starts_at, shift.ends_at),
        employer_name=employer_name(shift.employer) if is_booking else "",
        hours=rota.duration_words(rota.real_length(shift.starts_at, shift.ends_at)),
        rest_warning=gap.words if gap else "",
        commitment="" if is_booking else shift.label,
    )


def rota_shifts(user: User, *, starts: datetime, ends: datetime) -> list[Booking | Commitment]:
    """Cover bookings and the hours of regular jobs the PA was hired for, in time order: the
    48-hour and rest checks count both."""
    shifts = [
        *queries.rota_bookings(user, starts=starts, ends=ends),
        *commitments_for(user.pk, starts=starts, ends=ends),
    ]
    return sorted(shifts, key=lambda shift: shift.starts_at)


@pa_required
@require_GET
def rota_view(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    if request.GET.get("view") == "list":
        return rota_list(request)
    monday, unreadable = week_asked_for(request.GET.get("week"), today=today)
    week_from, week_to = rota.week_bounds(monday)
    # A day either side, so a short rest across the start or end of the week is found.
    nearby = rota_shifts(
        request.user, starts=week_from - timedelta(days=1), ends=week_to + timedelta(days=1)
    )
    shown = [
        booking for booking in nearby if booking.starts_at < week_to and booking.ends_at > week_from
    ]
    warnings = rota.rota_warnings(nearby, weeks=[monday], shown=shown)
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        on_day = [
            rota_shift(booking, warnings)
            for booking in shown
            if max(to_local(booking.starts_at).date(), monday) == day
        ]
        days.append({"day": day, "shifts": on_day, "is_today": day == today})
    return render(
        request,
        "cover/pa/rota_week.html",
        {
            "monday": monday,
            "sunday": monday + timedelta(days=6),
            "days": days,
            "total": rota.duration_words(timedelta(hours=rota.week_hours(shown, monday))),
            "shift_count": len(shown),
            "warnings": warnings,
            "previous_week": monday - timedelta(days=7),
            "next_week": monday + timedelta(days=7),
            "this_week": rota.week_start_for(today),
            "unreadable": unreadable,
        },
    )


def rota_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    nearby = rota_shifts(
        request.user, starts=now - timedelta(days=1), ends=now + timedelta(days=5 * 366)
    )
    # The list is of cover bookings; a regular job's hours, every week, count in each week's
    # total and in the rest checks but are not listed one by one.
    shown = [shift for shift in nearby if isinstance(shift, Booking) and shift.ends_at > now]
    mondays = rota.weeks_touched(shown)
    warnings = rota.rota_warnings(nearby, weeks=mondays, shown=shown)
    weeks = []
    for monday in mondays:
        # Each shift is listed once, in the week it starts; its hours count in every week
        # it touches.
        in_week = [
            rota_shift(booking, warnings)
            for booking in shown
            if rota.week_start_for(to_local(booking.starts_at).date()) == monday
        ]
        if in_week:
            weeks.append(
                {
                    "monday": monday,
                    "shifts": in_week,
                    "total": rota.duration_words(timedelta(hours=rota.week_hours(nearby, monday))),
                }
            )
    return render(
        request,
        "cover/pa/rota_list.html",
        {"weeks": weeks, "warnings": warnings, "shift_count": len(shown)},
    )


# Calendar feeds


def may_have_feed(user: User) -> bool:
    return user.has_role(Role.PA) or bool(queries.employers_acted_for(user))


def feed_address(token: str) -> str:
    return settings.SITE_URL + reverse("cover:feed", kwargs={"token": token})


@login_required
@require_http_methods(["GET", "POST"])
def feeds(request: HttpRequest) -> HttpResponse:
    if not may_have_feed(request.user):
        raise PermissionDenied("Calendar feeds are for PAs and the people who employ them.")
    new_address, error = "", ""
    if request.method == "POST":
        try:
            created = services.calendar_feed_create(user=request.user)
        except CoverError as failure:
            error = failure.message
        else:
            # Shown on this response only: the secret is not stored, so it cannot be shown
            # again, and a redirect would have to keep it somewhere to show it.
            new_address = feed_address(created.token)
    return render(
        request,
        "cover/pa/feeds.html",
        {
            "feeds": list(queries.feeds_of(request.user)),
            "new_address": new_address,
            "webcal_address": new_address.replace("https://", "webcal://", 1).replace(
                "http://", "webcal://", 1
            ),
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def feed_stop(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed = queries.access_own_feed(request.user, feed_id)
    try:
        services.calendar_feed_revoke(feed=feed, by=request.user)
    except CoverError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "That calendar address has stopped working.")
    return redirect("cover:feeds")


@public_page
@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the secret in the address is the key. Unknown or stopped: 404."""
    calendar_feed = queries.live_feed_for_token(token)
    if calendar_feed is None:
        raise Http404
    return calendar_response(
        ics.feed_ics(calendar_feed, now=timezone.now()),
        filename="pa-hub-cover.ics",
        download=False,
    )
