"""The matching pool's change feed (`ChangeFeed`), its reloads, and the feed's pruning.

Ids are given out when a change is written but seen when its transaction commits, so the
feed must apply an id seen late, give up on one that never comes (a rolled-back write), and
load everything when it cannot trust what it has read.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from pahub.core import schedule
from pahub.matching import pool
from pahub.matching.models import PoolChange
from pahub.matching.pool import GAP_WAIT_SECONDS, PROFILES, ChangeFeed, prune_changes
from pahub.register.models import PAProfile
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db


class Clock:
    """The pool's `time`, moved by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(pool, "time", clock)
    return clock


@pytest.fixture
def base(db) -> int:
    """The feed's newest id before the test: its own rows are numbered from here."""
    return PoolChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


def write(base: int, *numbers: int) -> None:
    """Changes with these ids (after `base`), each naming profile 100 + its number."""
    for number in numbers:
        PoolChange.objects.create(
            id=base + number, kind="p", object_id=100 + number, changed_at=timezone.now()
        )


def feed_at(base: int) -> ChangeFeed:
    feed = ChangeFeed()
    feed.start_at_newest()
    assert feed.newest == base
    return feed


def profiles_named(changes) -> set[int]:
    assert changes is not None
    return set(changes.get("p", set()))


# ChangeFeed


def test_each_change_is_read_once(base, clock):
    feed = feed_at(base)
    write(base, 1, 2)

    assert profiles_named(feed.read()) == {101, 102}
    assert profiles_named(feed.read()) == set()

    write(base, 3)
    assert profiles_named(feed.read()) == {103}


def test_an_id_seen_after_a_later_one_is_still_applied(base, clock):
    feed = feed_at(base)
    write(base, 1, 2, 4)  # 3's transaction has not committed yet

    assert profiles_named(feed.read()) == {101, 102, 104}
    assert base + 3 in feed.gaps  # waited for

    clock.now += GAP_WAIT_SECONDS - 1
    write(base, 3)
    assert profiles_named(feed.read()) == {103}
    assert profiles_named(feed.read()) == set()  # 4 is not read twice
    assert base + 3 not in feed.gaps


def test_a_gap_older_than_the_wait_is_given_up(base, clock):
    feed = feed_at(base)
    write(base, 1, 2, 4)
    assert profiles_named(feed.read()) == {101, 102, 104}

    clock.now += GAP_WAIT_SECONDS + 1
    assert profiles_named(feed.read()) == set()
    assert feed.low == base + 4
    assert not feed.gaps

    write(base, 3)  # too late: taken for rolled back
    assert profiles_named(feed.read()) == set()


def test_an_id_still_open_when_the_pool_loads_is_applied_when_it_commits(base, clock):
    write(base, 1, 3)  # 2's transaction is open while the pool loads: the load misses it
    feed = ChangeFeed()
    feed.start_at_newest()

    write(base, 2)
    assert profiles_named(feed.read()) == {102}
    assert profiles_named(feed.read()) == set()


def test_a_feed_gone_backwards_is_not_trusted(base, clock):
    feed = feed_at(base)
    write(base, 1, 2)
    feed.read()

    PoolChange.objects.filter(id__gt=base + 1).delete()

    assert feed.read() is None


# The pool's reloads


@pytest.fixture
def spied_loads(monkeypatch) -> list[str]:
    """Record each full load of the pool (still done)."""
    loads: list[str] = []
    load_all = PROFILES._load_all

    def counted() -> None:
        loads.append("all")
        load_all()

    monkeypatch.setattr(PROFILES, "_load_all", counted)
    return loads


def live(profile: PAProfile) -> bool:
    return bool(PROFILES.columns.live[PROFILES.slot_of[profile.pk]])


def test_the_pool_loads_everything_when_the_feed_went_backwards(spied_loads):
    profile = make_pa()
    PROFILES.refresh()
    assert live(profile)

    # A database restored from before the pause: the change itself is not in the feed.
    PAProfile.objects.filter(pk=profile.pk).update(is_paused=True)
    PoolChange.objects.all().delete()
    PROFILES.refresh()

    assert spied_loads == ["all", "all"]
    assert profile.pk not in PROFILES.slot_of or not live(profile)


def test_more_changed_profiles_than_the_limit_load_everything(monkeypatch, spied_loads):
    monkeypatch.setattr(pool, "RELOAD_AFTER_CHANGES", 2)
    PROFILES.refresh()
    first, second = make_pa(name="One"), make_pa(name="Two")

    PROFILES.refresh()
    assert spied_loads == ["all"]  # two changed profiles: read from the feed
    assert live(first) and live(second)

    third = [make_pa(name=f"More {number}") for number in range(3)]
    PROFILES.refresh()
    assert spied_loads == ["all", "all"]
    assert all(live(profile) for profile in third)


def test_a_pool_older_than_the_limit_loads_everything(clock, spied_loads):
    profile = make_pa()
    PROFILES.refresh()
    clock.now += pool.RELOAD_AFTER_SECONDS - 1
    PROFILES.refresh()
    assert spied_loads == ["all"]

    # A change whose feed row was pruned while the pool slept is still seen.
    before = PoolChange.objects.order_by("-id").values_list("id", flat=True).first()
    PAProfile.objects.filter(pk=profile.pk).update(travel_miles=3)
    PoolChange.objects.filter(id__gt=before).delete()
    PoolChange.objects.create(kind="p", object_id=-1, changed_at=timezone.now())  # a later one
    clock.now += pool.RELOAD_AFTER_SECONDS + 1
    PROFILES.refresh()

    assert spied_loads == ["all", "all"]
    assert PROFILES.columns["travel"][PROFILES.slot_of[profile.pk]] == 3


# Pruning


def test_prune_deletes_only_changes_older_than_a_day(base):
    now = timezone.now()
    for number, age in enumerate([timedelta(hours=25), timedelta(hours=23), timedelta(0)], 1):
        PoolChange.objects.create(
            id=base + number, kind="p", object_id=number, changed_at=now - age
        )

    assert prune_changes(now=now) == 1

    assert set(PoolChange.objects.filter(id__gt=base).values_list("id", flat=True)) == {
        base + 2,
        base + 3,
    }
    assert prune_changes(now=now) == 0


def test_the_periodic_job_is_registered_and_says_how_many_went(base):
    listing = StringIO()
    call_command("run_periodic", "--list", stdout=listing)
    assert "prune_pool_changes  (every hour)" in listing.getvalue()

    old = timezone.now() - timedelta(days=2)
    for number in (1, 2):
        PoolChange.objects.create(id=base + number, kind="p", object_id=number, changed_at=old)

    outcome = schedule.run_by_name("prune_pool_changes")

    assert outcome.lines == ("2 pool changes deleted.",)
    assert outcome.figures == {"deleted": 2}
    assert not PoolChange.objects.filter(id__gt=base).exists()
    assert schedule.run_by_name("prune_pool_changes").lines == ("0 pool changes deleted.",)
