"""Loading the matching pools when a server process starts (pahub/jobs/matches/warm.py)."""

import gc

import pytest

from pahub.jobs.matches import warm
from pahub.jobs.matches.pool import JOBS
from pahub.matching.pool import PROFILES
from pahub.register.search_index import INDEX as REGISTER_INDEX


@pytest.mark.django_db
def test_warming_loads_both_pools_and_the_register_index(jordan, open_job):
    assert not PROFILES.loaded and not JOBS.loaded and not REGISTER_INDEX.loaded

    warm.warm_pools()

    assert PROFILES.loaded and JOBS.loaded and REGISTER_INDEX.loaded
    assert jordan.pk in PROFILES.slot_of
    assert open_job.pk in JOBS.slot_of
    assert jordan.pk in REGISTER_INDEX.slot_of


@pytest.mark.django_db
def test_what_warming_loaded_is_out_of_the_collectors_sight(jordan, open_job):
    try:
        warm.warm_pools()

        collected = {id(thing) for thing in gc.get_objects()}
        assert gc.get_freeze_count() > 0
        # The index's list of names, one of the big containers a full collection walked.
        assert gc.is_tracked(REGISTER_INDEX.full_names)
        assert id(REGISTER_INDEX.full_names) not in collected
    finally:
        gc.unfreeze()  # the test process's objects go back to the collector


def test_a_failed_load_is_logged_not_raised(monkeypatch, caplog):
    def broken() -> None:
        raise RuntimeError("database away")

    monkeypatch.setattr(warm, "warm_pools", broken)

    warm.warm_pools_in_background().join(timeout=10)

    assert "Loading the matching pools at start-up failed." in caplog.text
