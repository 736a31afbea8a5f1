"""Insights reads from the replica when there is one; writes, and every other app, never."""

import pytest

from pahub.accounts.models import User
from pahub.insights import routers
from pahub.insights.models import Fact, Refresh
from pahub.insights.routers import InsightsReplicaRouter


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(routers, "has_replica", lambda: True)


def test_with_a_replica_insights_reads_from_it(with_replica):
    router = InsightsReplicaRouter()

    assert router.db_for_read(Fact) == "replica"
    assert router.db_for_read(Refresh) == "replica"


def test_writes_always_go_to_the_default_database(with_replica):
    router = InsightsReplicaRouter()

    assert router.db_for_write(Fact) == "default"
    assert router.db_for_write(Refresh) == "default"


def test_other_apps_are_not_routed(with_replica):
    router = InsightsReplicaRouter()

    assert router.db_for_read(User) is None
    assert router.db_for_write(User) is None


def test_without_a_replica_insights_reads_the_default_database():
    # The test settings have no DATABASE_REPLICA_URL.
    assert not routers.has_replica()
    assert InsightsReplicaRouter().db_for_read(Fact) is None


def test_migrations_never_run_on_the_replica():
    router = InsightsReplicaRouter()

    assert router.allow_migrate("replica", "insights") is False
    assert router.allow_migrate("default", "insights") is None


def test_the_settings_add_the_replica_and_router_from_the_environment(monkeypatch):
    import importlib

    import pahub.settings as settings_module

    monkeypatch.setenv("DATABASE_REPLICA_URL", "postgres://reader@replica.example.org:5432/pahub")
    try:
        reloaded = importlib.reload(settings_module)
        assert reloaded.DATABASES["replica"]["HOST"] == "replica.example.org"
        assert reloaded.DATABASE_ROUTERS == ["pahub.insights.routers.InsightsReplicaRouter"]
    finally:
        monkeypatch.delenv("DATABASE_REPLICA_URL")
        importlib.reload(settings_module)
