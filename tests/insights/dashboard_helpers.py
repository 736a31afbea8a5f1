"""Shared by the demand, development and support dashboard tests: a scope, the months it
covers, and a table's figures by row."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from statistics import median_low

from django.utils import timezone

from pahub.insights.facts import months_in
from pahub.insights.figures.rows import MIN_FOR_MEDIAN
from pahub.insights.scope import Scope
from pahub.insights.tables import Table
from pahub.places.models import LocalAuthority

# Examples place their records up to this many days ago: the last three months or so.
DAYS_BACK = 80


def scope_of(*names: str) -> Scope:
    today = timezone.localdate()
    codes = LocalAuthority.objects.filter(name__in=names).values_list("gss_code", flat=True)
    return Scope(
        local_authority_ids=frozenset(codes),
        start=today - timedelta(days=DAYS_BACK),
        end=today,
        label=", ".join(names),
    )


def ago(days: int, hours: int = 0) -> datetime:
    return timezone.now() - timedelta(days=days, hours=hours)


def month_of(moment: datetime | date) -> date:
    day = timezone.localdate(moment) if isinstance(moment, datetime) else moment
    return day.replace(day=1)


def month_label(month: date) -> str:
    return f"{month:%B %Y}"


def figures(table: Table) -> dict[str, tuple]:
    return {row.label: row.values for row in table.rows}


def table(tables: list[Table], key: str) -> Table:
    return next(found for found in tables if found.key == key)


def monthly(scope: Scope, counted: dict[date, int]) -> dict[str, tuple[int]]:
    """Expected one-column monthly rows: every month of the scope, 0 where none."""
    return {month_label(month): (counted.get(month, 0),) for month in months_in(scope)}


def count_and_median(durations: Iterable[int]) -> tuple[int, int | None]:
    values = list(durations)
    return len(values), median_low(values) if len(values) >= MIN_FOR_MEDIAN else None
