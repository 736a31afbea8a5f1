"""Facts are rebuilt one collector at a time, wholesale and atomically."""

from datetime import date

import pytest

from pahub.insights import summaries
from pahub.insights.models import Fact, Refresh
from pahub.insights.summaries import FactRow


@pytest.fixture
def fake_collectors(monkeypatch):
    """Two collectors of our own, instead of the app's real ones."""
    registry: dict = {}
    monkeypatch.setattr(summaries, "_collectors", registry)
    rows = {
        "alpha": [
            FactRow("alpha.pas", "E08000021", 7),
            FactRow("alpha.pas", "E06000047", 3, month=date(2026, 11, 1), dimension="2"),
        ],
        "beta": [FactRow("beta.jobs", "E08000021", 4)],
    }
    summaries.collector("alpha")(lambda: rows["alpha"])
    summaries.collector("beta")(lambda: rows["beta"])
    return rows


def test_refresh_writes_every_collectors_facts_and_when(db, fake_collectors):
    assert summaries.refresh() == {"alpha": 2, "beta": 1}
    assert Fact.objects.count() == 3
    assert set(Refresh.objects.values_list("collector", "fact_count")) == {
        ("alpha", 2),
        ("beta", 1),
    }


def test_refreshing_twice_gives_the_same_facts(db, fake_collectors):
    summaries.refresh()
    first = sorted(Fact.objects.values_list("metric", "local_authority_id", "value"))
    summaries.refresh()
    assert sorted(Fact.objects.values_list("metric", "local_authority_id", "value")) == first


def test_one_collector_is_replaced_without_touching_the_others(db, fake_collectors):
    summaries.refresh()
    fake_collectors["alpha"][:] = [FactRow("alpha.pas", "E08000021", 9)]
    summaries.refresh(["alpha"])
    assert sorted(Fact.objects.values_list("metric", "value")) == [
        ("alpha.pas", 9),
        ("beta.jobs", 4),
    ]


def test_zero_counts_are_not_stored(db, fake_collectors):
    fake_collectors["beta"][:] = [FactRow("beta.jobs", "E08000021", 0)]
    summaries.refresh(["beta"])
    assert not Fact.objects.filter(metric="beta.jobs").exists()


def test_a_collector_writing_anothers_metric_is_refused_and_changes_nothing(db, fake_collectors):
    summaries.refresh()
    fake_collectors["beta"][:] = [FactRow("alpha.pas", "E08000021", 1)]
    with pytest.raises(ValueError, match="does not belong to the beta collector"):
        summaries.refresh(["beta"])
    assert Fact.objects.filter(metric="beta.jobs").exists()
