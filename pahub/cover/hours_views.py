"""The employer side of cover, after the shifts: the calendar of requests and bookings, the
hours PAs recorded (approve or query), and the payroll CSV of approved hours.

Every page loads what it shows through `pahub.cover.permissions` or `access_employer` (in
`employer_views`), so anyone without a part in it gets 404. Views are thin: the rules live in
`pahub.cover.services`.
"""

import io
from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.core import audit
from pahub.cover import employer_queries as queries
from pahub.cover import presenters
from pahub.cover.employer_views import access_employer, acting_for, employers_of
from pahub.cover.exports import (
    PeriodError,
    approved_hours,
    export_filename,
    parse_period,
    write_hours_csv,
)
from pahub.cover.hours_forms import DecideHoursForm, ExportPeriodForm, Period
from pahub.cover.models import Timesheet
from pahub.cover.permissions import (
    access_timesheet_for_employer_side,
)
from pahub.cover.services import (
    CoverError,
    timesheet_decide,
)
from pahub.employers.queries import employer_name


def week_from(text: str | None, *, today: date) -> date:
    """The Monday of the week asked for (?week=YYYY-MM-DD), or of this week."""
    try:
        day = date.fromisoformat(text) if text else today
    except ValueError:
        day = today
    if abs((day - today).days) > 366 * 5:
        day = today
    return queries.week_start_of(day)


@login_required
@require_GET
def calendar(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = access_employer(request, employer_id)
    today = timezone.localdate()
    as_list = request.GET.get("view") == "list"
    context = {"acting": acting, "as_list": as_list, "today": today}
    if as_list:
        context["days"] = queries.calendar_list(acting.employer, now=timezone.now())
    else:
        week = week_from(request.GET.get("week"), today=today)
        context |= {
            "days": queries.calendar_week(acting.employer, week),
            "week": week,
            "week_end": week + timedelta(days=6),
            "previous_week": week - timedelta(days=7),
            "next_week": week + timedelta(days=7),
            "this_week": queries.week_start_of(today),
        }
    return render(request, "cover/employer/calendar.html", context)


# Hours


RECENT_DECISIONS = 30


def rows(timesheets, order: str, limit: int | None = None) -> list[queries.TimesheetRow]:
    return [queries.TimesheetRow(timesheet) for timesheet in timesheets.order_by(order)[:limit]]


@login_required
@require_GET
def timesheets(request: HttpRequest) -> HttpResponse:
    employers = employers_of(request)
    if not employers:
        raise PermissionDenied("Hours are approved by employers and the people acting for them.")
    recorded = queries.timesheets_for(request.user)
    return render(
        request,
        "cover/employer/timesheets.html",
        {
            "waiting": rows(recorded.filter(status=Timesheet.Status.SUBMITTED), "started_at"),
            "queried": rows(recorded.filter(status=Timesheet.Status.QUERIED), "-decided_at"),
            "approved": rows(
                recorded.filter(status=Timesheet.Status.APPROVED), "-decided_at", RECENT_DECISIONS
            ),
            "employers": [
                {"employer": employer, "name": employer_name(employer)} for employer in employers
            ],
            "several": len(employers) > 1,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def timesheet_detail(request: HttpRequest, timesheet_id: int) -> HttpResponse:
    timesheet = access_timesheet_for_employer_side(request.user, timesheet_id)
    acting = acting_for(request, timesheet.booking.employer)
    form = DecideHoursForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            timesheet_decide(
                timesheet=timesheet,
                by=request.user,
                approve=approve,
                note=form.cleaned_data["note"] or "",
            )
        except CoverError as error:
            form.add_error("note" if error.field == "note" else None, error.message)
        else:
            name = queries.pa_name(timesheet.booking.pa)
            messages.success(
                request,
                f"{name}’s hours are approved."
                if approve
                else f"You have queried {name}’s hours. They have been told.",
            )
            return redirect("cover:timesheets")
    return render(
        request,
        "cover/employer/timesheet.html",
        {
            "acting": acting,
            "timesheet": timesheet,
            "pa_name": queries.pa_name(timesheet.booking.pa),
            "form": form,
            "booked": presenters.slot_words(timesheet.booking),
            "worked": presenters.span_words(timesheet.started_at, timesheet.ended_at),
            "worked_hours": queries.TimesheetRow(timesheet).worked_hours,
        },
    )


@login_required
@require_POST
def timesheet_approve(request: HttpRequest, timesheet_id: int) -> HttpResponse:
    """Approve straight from the list, with one button."""
    timesheet = access_timesheet_for_employer_side(request.user, timesheet_id)
    acting_for(request, timesheet.booking.employer)
    try:
        timesheet_decide(timesheet=timesheet, by=request.user, approve=True)
    except CoverError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{queries.pa_name(timesheet.booking.pa)}’s hours are approved.")
    return redirect("cover:timesheets")


def last_week_start(today: date) -> date:
    return queries.week_start_of(today) - timedelta(days=7)


@login_required
@require_GET
def timesheets_export_choose(request: HttpRequest, employer_id: int) -> HttpResponse:
    """Choose a pay period; the CSV link then carries plain ?start=&end= dates."""
    acting = access_employer(request, employer_id)
    if "period" in request.GET:
        form = ExportPeriodForm(request.GET)
        if form.is_valid():
            query = urlencode(
                {
                    "start": form.cleaned_data["start"].isoformat(),
                    "end": form.cleaned_data["end"].isoformat(),
                }
            )
            url = reverse("cover:timesheets_export", kwargs={"employer_id": acting.employer.pk})
            return redirect(f"{url}?{query}")
    else:
        form = ExportPeriodForm(
            initial={"period": Period.WEEK, "start": last_week_start(timezone.localdate())}
        )
    return render(request, "cover/employer/export_choose.html", {"acting": acting, "form": form})


@login_required
@require_GET
def timesheets_export(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = access_employer(request, employer_id)
    try:
        start, end = parse_period(request.GET.get("start"), request.GET.get("end"))
    except PeriodError as error:
        form = ExportPeriodForm(
            initial={"period": Period.WEEK, "start": last_week_start(timezone.localdate())}
        )
        return render(
            request,
            "cover/employer/export_choose.html",
            {"acting": acting, "form": form, "link_error": str(error)},
            status=400,
        )
    records = list(approved_hours(acting.employer, start, end))
    stream = io.StringIO()
    write_hours_csv(records, stream)
    audit.record(
        request.user,
        "cover.hours_exported",
        acting.employer,
        start=start.isoformat(),
        end=end.isoformat(),
        records=len(records),
    )
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    filename = export_filename(acting.employer_name, start, end)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
