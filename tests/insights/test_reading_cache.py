"""Suppressed tables are worked out once per refresh of the facts, then read from the cache by
the page, its downloads and the API; a refresh, another scope or another threshold starts
again."""

from datetime import date

import pytest
from django.core.cache import cache
from django.http import Http404
from django.utils import timezone

from pahub.insights import reading
from pahub.insights.dashboard import Dashboard
from pahub.insights.models import Refresh
from pahub.insights.scope import Scope
from pahub.insights.tables import Row, Table

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def counting_dashboard(calls: list[Scope]) -> Dashboard:
    def tables(scope: Scope) -> list[Table]:
        calls.append(scope)
        return [
            Table(
                key="people",
                title="People",
                definition="People counted.",
                row_heading="Area",
                columns=("Count",),
                rows=(Row("A", (3,)), Row("B", (12,))),
            )
        ]

    return Dashboard(slug="counting", title="Counting", summary=".", position=1, tables=tables)


def scope(*areas: str) -> Scope:
    return Scope(frozenset(areas), date(2026, 1, 1), date(2026, 12, 31), "Test")


def test_the_same_scope_is_suppressed_once_until_the_next_refresh():
    calls: list[Scope] = []
    dashboard = counting_dashboard(calls)

    first = reading.suppressed_tables(dashboard, scope("E1"))
    again = reading.suppressed_tables(dashboard, scope("E1"))
    table = reading.access_table(dashboard, scope("E1"), "people")

    assert len(calls) == 1
    assert first == again
    assert table == first[0]
    assert table.rows[0].cells[0].suppressed

    Refresh.objects.create(collector="workforce", refreshed_at=timezone.now(), fact_count=1)
    reading.suppressed_tables(dashboard, scope("E1"))
    assert len(calls) == 2


def test_another_scope_or_threshold_is_worked_out_afresh(settings):
    calls: list[Scope] = []
    dashboard = counting_dashboard(calls)

    reading.suppressed_tables(dashboard, scope("E1"))
    reading.suppressed_tables(dashboard, scope("E1", "E2"))
    settings.PAHUB_INSIGHTS_SUPPRESS_BELOW = 10
    reading.suppressed_tables(dashboard, scope("E1"))

    assert len(calls) == 3


def test_an_unknown_table_is_not_found():
    with pytest.raises(Http404):
        reading.access_table(counting_dashboard([]), scope("E1"), "nothing")
