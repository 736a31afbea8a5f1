"""Facts are read for a scope: its areas only, and its months only where a fact has one."""

from datetime import date

import pytest

from pahub.insights.facts import facts_by, months_in
from pahub.insights.models import Fact
from pahub.insights.scope import Scope

NEWCASTLE, NORTHUMBERLAND, LEEDS = "E08000021", "E06000057", "E08000035"


def scope(*areas: str, start=date(2026, 9, 15), end=date(2026, 11, 30)) -> Scope:
    return Scope(frozenset(areas), start, end, "Test")


@pytest.fixture
def facts(db):
    Fact.objects.bulk_create(
        [
            Fact(metric="t.pas", local_authority_id=NEWCASTLE, district_id="NE1", value=3),
            Fact(metric="t.pas", local_authority_id=NEWCASTLE, district_id="NE2", value=4),
            Fact(metric="t.pas", local_authority_id=NORTHUMBERLAND, district_id="NE46", value=5),
            Fact(metric="t.pas", local_authority_id=LEEDS, district_id="LS1", value=100),
            Fact(metric="t.new", local_authority_id=NEWCASTLE, month=date(2026, 8, 1), value=1),
            Fact(metric="t.new", local_authority_id=NEWCASTLE, month=date(2026, 9, 1), value=2),
            Fact(metric="t.new", local_authority_id=NEWCASTLE, month=date(2026, 11, 1), value=6),
            Fact(metric="t.new", local_authority_id=NEWCASTLE, month=date(2026, 12, 1), value=9),
        ]
    )


def test_only_the_scopes_areas_are_summed(facts):
    assert facts_by("t.pas", scope(NEWCASTLE, NORTHUMBERLAND)) == {
        ("NE1",): 3,
        ("NE2",): 4,
        ("NE46",): 5,
    }
    assert facts_by("t.pas", scope(NEWCASTLE, NORTHUMBERLAND), by=("local_authority_id",)) == {
        (NEWCASTLE,): 7,
        (NORTHUMBERLAND,): 5,
    }


def test_no_columns_gives_the_total_or_nothing(facts):
    assert facts_by("t.pas", scope(NEWCASTLE), by=()) == {(): 7}
    assert facts_by("t.pas", scope("E06000001"), by=()) == {}


def test_monthly_facts_outside_the_scopes_months_are_left_out(facts):
    assert facts_by("t.new", scope(NEWCASTLE), by=("month",)) == {
        (date(2026, 9, 1),): 2,
        (date(2026, 11, 1),): 6,
    }


def test_an_unknown_column_is_refused(facts):
    with pytest.raises(ValueError, match="cannot be grouped by value"):
        facts_by("t.pas", scope(NEWCASTLE), by=("value",))


def test_months_in_a_scope_cross_the_year():
    assert months_in(scope(start=date(2026, 11, 20), end=date(2027, 1, 3))) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
