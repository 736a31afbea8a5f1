"""Reading facts for a dashboard: one GROUP BY over the fact table per table shown.

Every dashboard reads its figures here, so the scope (which areas, which months) is applied
the same way everywhere: facts of the scope's local authorities only, and of a count "per
month" only the months the scope's dates touch. Point-in-time facts (no month) always count.
"""

from collections.abc import Sequence
from datetime import date

from django.db.models import Q, Sum

from pahub.insights.models import Fact, Refresh
from pahub.insights.scope import Scope

# What a fact may be grouped by: the columns of `Fact` that hold codes, and the month.
GROUPABLE = frozenset({"local_authority_id", "district_id", "month", "dimension", "dimension_2"})

Key = tuple[str | date | None, ...]


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    if month.month == 12:
        return date(month.year + 1, 1, 1)
    return month.replace(month=month.month + 1)


def in_scope(scope: Scope) -> Q:
    """Facts for the scope's areas, and for its months where a fact has a month."""
    return Q(local_authority_id__in=sorted(scope.local_authority_ids)) & (
        Q(month__isnull=True) | Q(month__gte=first_of_month(scope.start), month__lte=scope.end)
    )


def facts_by(metric: str, scope: Scope, by: Sequence[str] = ("district_id",)) -> dict[Key, int]:
    """The metric's values summed over the scope, keyed by the `by` columns, in one query.

    `facts_by("workforce.level", scope, by=("dimension",))` gives `{("2",): 41, ...}`;
    `by=()` gives the single total under the key `()` (absent when there is nothing).
    """
    unknown = set(by) - GROUPABLE
    if unknown:
        raise ValueError(f"Facts cannot be grouped by {', '.join(sorted(unknown))}.")
    facts = Fact.objects.filter(in_scope(scope), metric=metric)
    if not by:
        total = facts.aggregate(total=Sum("value"))["total"]
        return {} if total is None else {(): total}
    rows = facts.values(*by).annotate(total=Sum("value")).order_by()
    return {tuple(row[column] for column in by): row["total"] for row in rows}


def months_in(scope: Scope) -> list[date]:
    """The first day of each month the scope touches, oldest first: the rows of a monthly
    table, so a month with nothing to count shows as 0 instead of being left out."""
    months, month = [], first_of_month(scope.start)
    while month <= scope.end:
        months.append(month)
        month = next_month(month)
    return months


def last_refreshed(collector: str) -> Refresh | None:
    """When a collector's facts were last rebuilt: the "now" of point-in-time tables."""
    return Refresh.objects.filter(collector=collector).first()
