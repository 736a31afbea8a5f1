"""The one place facts are rebuilt: a registry of collectors and `refresh`.

Each collector is a function returning `FactRow`s computed by query functions of the app that
owns the rows (`pahub.register.queries`, `pahub.jobs.queries`, ...). `refresh` replaces one
collector's facts atomically, so a dashboard read during a refresh sees the old facts or the
new ones, never half of each.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from pahub.insights.models import Fact, Refresh

INSERT_BATCH = 5000


@dataclass(frozen=True)
class FactRow:
    metric: str
    local_authority_id: str
    value: int
    district_id: str = ""
    month: date | None = None
    dimension: str = ""
    dimension_2: str = ""


Collector = Callable[[], Iterable[FactRow]]
_collectors: dict[str, Collector] = {}


def collector(name: str) -> Callable[[Collector], Collector]:
    """Register a collector; every metric it yields must start with `<name>.`."""

    def register(function: Collector) -> Collector:
        _collectors[name] = function
        return function

    return register


def collector_names() -> list[str]:
    return sorted(_collectors)


def refresh(names: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the facts of the named collectors (all by default); returns facts per collector."""
    counts = {}
    for name in sorted(names) if names is not None else collector_names():
        counts[name] = refresh_one(name)
    return counts


def refresh_one(name: str) -> int:
    started = time.perf_counter()
    rows = [row for row in _collectors[name]() if row.value]
    for row in rows:
        if not row.metric.startswith(f"{name}."):
            raise ValueError(f"{row.metric} does not belong to the {name} collector.")
    with transaction.atomic():
        Fact.objects.filter(metric__startswith=f"{name}.").delete()
        Fact.objects.bulk_create(
            (
                Fact(
                    metric=row.metric,
                    local_authority_id=row.local_authority_id,
                    district_id=row.district_id,
                    month=row.month,
                    dimension=row.dimension,
                    dimension_2=row.dimension_2,
                    value=row.value,
                )
                for row in rows
            ),
            batch_size=INSERT_BATCH,
        )
        Refresh.objects.update_or_create(
            collector=name,
            defaults={
                "refreshed_at": timezone.now(),
                "fact_count": len(rows),
                "seconds": time.perf_counter() - started,
            },
        )
    return len(rows)
