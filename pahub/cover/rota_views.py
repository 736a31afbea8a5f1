"""The PA's rota and private calendar feeds: the week's shifts with the clash, 48-hour and
rest warnings (`rota`), the list view, and the `.ics` feeds a PA can subscribe to.

A feed is found by its secret token alone (`queries.access_own_feed`), so it works in a
calendar app without signing in; stopping a feed makes its address useless at once.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
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
from pahub.cover import ics, queries, rota, services
from pahub.cover.models import (
    Booking,
)
from pahub.cover.pa_views import calendar_response, pa_required
from pahub.cover.services import (
    CoverError,
)
from pahub.cover.times import to_local, when_words
from pahub.employers.queries import employer_name

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
