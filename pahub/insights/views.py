"""Insights pages: the dashboards, each table's downloads and the printable monthly report.

Every view calls `permissions.access_scope` (through `scope_for`), as the API does; staff
two-factor is enforced for every signed-in page by `StaffTwoFactorMiddleware`.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from pahub.insights import reading
from pahub.insights.charts import Chart, charts_for
from pahub.insights.downloads import csv_text, file_lines, xlsx_bytes
from pahub.insights.forms import InsightsFilterForm
from pahub.insights.permissions import access_insights, access_scope, area_choices
from pahub.insights.scope import Scope
from pahub.insights.suppression import SuppressedTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class TableOnPage:
    suppressed: SuppressedTable
    charts: list[Chart]
    csv_url: str = ""
    xlsx_url: str = ""


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    access_insights(request.user)
    today = timezone.localdate()
    return render(
        request,
        "insights/home.html",
        {
            "dashboards": reading.all_dashboards(),
            "last_refreshed": reading.last_refreshed(),
            "months": reading.recent_months(today),
        },
    )


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    # The area first: someone else's area is 404 before anything else is said about it.
    default_start, default_end = reading.default_period(timezone.localdate())
    access_scope(request.user, request.GET.get("area"), default_start, default_end)
    board = reading.access_dashboard(slug)
    form = InsightsFilterForm(
        request.GET or None,
        areas=area_choices(request.user),
        default_period=(default_start, default_end),
    )
    context = {
        "dashboard": board,
        "dashboards": reading.all_dashboards(),
        "form": form,
        "last_refreshed": reading.last_refreshed(),
    }
    if form.is_bound and not form.is_valid():
        return render(request, "insights/dashboard.html", context)
    scope = scope_for(request, form)
    query = request.GET.urlencode()
    context["scope"] = scope
    context["tables"] = [
        TableOnPage(
            suppressed,
            charts_for(suppressed),
            csv_url=download_url(board.slug, suppressed.table.key, "csv", query),
            xlsx_url=download_url(board.slug, suppressed.table.key, "xlsx", query),
        )
        for suppressed in reading.suppressed_tables(board, scope)
    ]
    return render(request, "insights/dashboard.html", context)


@login_required
@require_GET
def download(request: HttpRequest, slug: str, key: str, extension: str) -> HttpResponse:
    default_start, default_end = reading.default_period(timezone.localdate())
    access_scope(request.user, request.GET.get("area"), default_start, default_end)
    board = reading.access_dashboard(slug)
    form = InsightsFilterForm(
        request.GET or None,
        areas=area_choices(request.user),
        default_period=(default_start, default_end),
    )
    if form.is_bound and not form.is_valid():
        # A download link is made from a valid filter; a hand-made one gets the page, with
        # the errors beside the fields.
        return dashboard(request, slug)
    scope = scope_for(request, form)
    suppressed = reading.access_table(board, scope, key)
    lines = file_lines(suppressed, scope)
    filename = f"{board.slug}-{key}-{scope.start:%Y-%m-%d}-to-{scope.end:%Y-%m-%d}.{extension}"
    if extension == "csv":
        response = HttpResponse(csv_text(lines), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(xlsx_bytes(lines, suppressed.table.title), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def report(request: HttpRequest, month: str) -> HttpResponse:
    start, end = reading.month_period(month)
    scope = access_scope(request.user, request.GET.get("area"), start, end)
    sections = [
        (
            board,
            [
                TableOnPage(suppressed, charts_for(suppressed, id_prefix=f"{board.slug}-"))
                for suppressed in reading.suppressed_tables(board, scope)
            ],
        )
        for board in reading.all_dashboards()
    ]
    return render(
        request,
        "insights/report.html",
        {
            "scope": scope,
            "month": start,
            "sections": sections,
            "last_refreshed": reading.last_refreshed(),
        },
    )


def scope_for(request: HttpRequest, form: InsightsFilterForm) -> Scope:
    if form.is_bound:
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        start, end = form.default_period
    return access_scope(request.user, request.GET.get("area"), start, end)


def download_url(slug: str, key: str, extension: str, query: str) -> str:
    url = reverse(f"insights:download_{extension}", args=[slug, key])
    return f"{url}?{query}" if query else url
