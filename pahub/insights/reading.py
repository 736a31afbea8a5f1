"""What the insights pages, downloads, report and API read: dashboards for a scope, with
suppression applied, and when the figures were last refreshed."""

import hashlib
import re
from calendar import monthrange
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Max, Min
from django.http import Http404

from pahub.insights import dashboard as dashboards
from pahub.insights.dashboard import Dashboard
from pahub.insights.models import Refresh
from pahub.insights.scope import Scope
from pahub.insights.suppression import SuppressedTable, suppress, threshold_setting

# The filter's default: the last twelve months, this one included.
DEFAULT_MONTHS = 12
REPORT_MONTHS = 12


def all_dashboards() -> list[Dashboard]:
    return dashboards.all_dashboards()


def access_dashboard(slug: str) -> Dashboard:
    """A dashboard by its slug; 404 for one that does not exist."""
    dashboard = next((d for d in all_dashboards() if d.slug == slug), None)
    if dashboard is None:
        raise Http404
    return dashboard


# Suppressed tables are kept until the next refresh makes new facts (the key names it), and
# at most this long: a large region's complementary suppression takes seconds, and the same
# figures are read by the page, its downloads and the API.
SUPPRESSED_CACHE_SECONDS = 2 * 60 * 60


def suppressed_tables(dashboard: Dashboard, scope: Scope) -> list[SuppressedTable]:
    """Every table of a dashboard for a scope, small numbers hidden: the only form in which a
    figure leaves this app."""
    key = suppressed_cache_key(dashboard, scope)
    tables = cache.get(key)
    if tables is None:
        tables = [suppress(table) for table in dashboard.tables(scope)]
        cache.set(key, tables, SUPPRESSED_CACHE_SECONDS)
    return tables


def suppressed_cache_key(dashboard: Dashboard, scope: Scope) -> str:
    """Everything the suppressed tables depend on: the facts (by when they were last rebuilt),
    the dashboard, the areas, the dates and the threshold."""
    latest = Refresh.objects.aggregate(latest=Max("refreshed_at"))["latest"]
    areas = ",".join(sorted(scope.local_authority_ids))
    return ":".join(
        (
            "insights",
            dashboard.slug,
            latest.isoformat() if latest else "never",
            str(threshold_setting()),
            scope.start.isoformat(),
            scope.end.isoformat(),
            hashlib.sha256(areas.encode()).hexdigest(),
        )
    )


def access_table(dashboard: Dashboard, scope: Scope, key: str) -> SuppressedTable:
    table = next((t for t in suppressed_tables(dashboard, scope) if t.table.key == key), None)
    if table is None:
        raise Http404
    return table


def last_refreshed() -> datetime | None:
    """When the oldest collector's facts were rebuilt: no figure shown is older than this."""
    return Refresh.objects.aggregate(oldest=Min("refreshed_at"))["oldest"]


def default_period(today: date) -> tuple[date, date]:
    year, month = add_months(today.year, today.month, -(DEFAULT_MONTHS - 1))
    return date(year, month, 1), today


MONTH = re.compile(r"(?P<year>2\d{3})-(?P<month>0[1-9]|1[0-2])")


def month_period(text: str) -> tuple[date, date]:
    """The first and last day of a month written YYYY-MM; 404 for anything else."""
    match = MONTH.fullmatch(text)
    if match is None:
        raise Http404
    year, month = int(match["year"]), int(match["month"])
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def recent_months(today: date, count: int = REPORT_MONTHS) -> list[date]:
    """The first days of the last `count` months, newest first, for the monthly reports."""
    months = []
    for back in range(count):
        year, month = add_months(today.year, today.month, -back)
        months.append(date(year, month, 1))
    return months


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1
