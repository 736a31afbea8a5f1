"""Reading facts (through `pahub.insights.facts`) into table rows for the demand, development
and support dashboards.

One GROUP BY over the fact table per figure (`facts.facts_by`: the scope's areas and months).
Durations (days to fill a job, hours to cover a request) are stored as counts per whole
duration (`duration_facts`), so a median over any areas and months is exact: medians cannot
be added up, but counts of each duration can.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from statistics import median_low

from pahub.insights.facts import facts_by, months_in
from pahub.insights.scope import Scope
from pahub.insights.summaries import FactRow
from pahub.insights.tables import Row
from pahub.places.queries import local_authority_names

# A median of fewer records than this is "not available": too few to mean anything, and
# close to describing one person's case.
MIN_FOR_MEDIAN = 5


def area_rows(scope: Scope, values: dict[str, tuple[int, ...]], width: int) -> tuple[Row, ...]:
    """One row per local authority in the scope, by name; zeros where nothing was counted."""
    names = local_authority_names(scope.local_authority_ids)
    return tuple(
        Row(name, values.get(code, (0,) * width))
        for code, name in sorted(names.items(), key=lambda item: item[1])
    )


def area_by_dimension(metric: str, scope: Scope, dimensions: Sequence[str]) -> tuple[Row, ...]:
    """Rows of local authorities, a column per dimension value."""
    found = facts_by(metric, scope, ("local_authority_id", "dimension"))
    values = {
        code: tuple(found.get((code, dimension), 0) for dimension in dimensions)
        for code in scope.local_authority_ids
    }
    return area_rows(scope, values, len(dimensions))


def month_rows(scope: Scope, columns: Sequence[dict[date, int | None]]) -> tuple[Row, ...]:
    """One row per month of the scope ("November 2026"), one value from each column."""
    return tuple(
        Row(f"{month:%B %Y}", tuple(column.get(month, 0) for column in columns))
        for month in months_in(scope)
    )


def by_month(metric: str, scope: Scope) -> dict[date, int]:
    """The metric summed per month."""
    return {month: total for (month,), total in facts_by(metric, scope, ("month",)).items()}


def monthly_columns(metric: str, scope: Scope, dimensions: Sequence[str]) -> list[dict[date, int]]:
    """The metric summed per month, one column per dimension value, in one query."""
    found = facts_by(metric, scope, ("month", "dimension"))
    return [
        {month: total for (month, value), total in found.items() if value == dimension}
        for dimension in dimensions
    ]


# Durations


def duration_facts(metric: str, rows: Iterable[tuple[str, date, int, int]]) -> list[FactRow]:
    """(local authority, month, whole days or hours, records) as facts, one per duration."""
    counted: Counter = Counter()
    for area, month, duration, records in rows:
        counted[(area, month, max(duration, 0))] += records
    return [
        FactRow(metric, area, records, month=month, dimension=str(duration))
        for (area, month, duration), records in sorted(counted.items())
    ]


def medians_by_month(metric: str, scope: Scope) -> tuple[dict[date, int], dict[date, int | None]]:
    """Per month: how many records, and their median duration (the lower middle value when
    there is an even number), or None for fewer than `MIN_FOR_MEDIAN` records."""
    durations: dict[date, list[int]] = defaultdict(list)
    for (month, duration), records in facts_by(metric, scope, ("month", "dimension")).items():
        durations[month] += [int(duration)] * records
    counts = {month: len(values) for month, values in durations.items()}
    medians: dict[date, int | None] = {month: None for month in months_in(scope)}
    for month, values in durations.items():
        if len(values) >= MIN_FOR_MEDIAN:
            medians[month] = median_low(values)
    return counts, medians
