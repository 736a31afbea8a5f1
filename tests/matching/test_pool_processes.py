"""A change committed by another connection (another process or server) is seen by this
process's pool on its next rank: the feed is in the database, not in this process."""

import threading
from collections.abc import Callable

import pytest
from django.db import connections

from pahub.employers.models import EmployerProfile
from pahub.jobs.matches.needs import job_needs
from pahub.matching.pool import PROFILES, fits
from pahub.register.models import PAProfile
from tests.matching.conftest import make_pa
from tests.matching.test_pool_triggers import ranked


def in_another_connection(write: Callable[[], object]) -> list[object]:
    """Run `write` in a thread, with its own database connection, committed when it ends."""
    made: list[object] = []

    def run() -> None:
        try:
            made.append(write())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert made, "the other connection's write failed"
    return made


def without_lists(job) -> None:
    """The job with no skills or interests: after a transactional test's flush the reference
    data is loaded again with ids in the thousands, beyond the 63 bits the pool ranks with
    (such a job goes to the database, and this test would not test the pool)."""
    for listed in (job.tasks, job.nice_skills, job.required_skills, job.nice_interests):
        listed.clear()
    EmployerProfile.interests.through.objects.filter(employerprofile__user=job.employer).delete()
    assert fits(job_needs(job))


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data_loaded")
def test_a_change_committed_by_another_connection_is_seen(open_job):
    without_lists(open_job)
    profile = make_pa(name="Here first")
    assert ranked(open_job) == [profile.pk]
    assert PROFILES.loaded

    in_another_connection(lambda: PAProfile.objects.filter(pk=profile.pk).update(is_paused=True))
    assert ranked(open_job) == []

    (newcomer,) = in_another_connection(lambda: make_pa(name="Made elsewhere"))
    assert ranked(open_job) == [newcomer.pk]
