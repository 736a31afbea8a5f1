"""Two people acting at the same moment: the job's row lock makes them take turns, so a job
is filled once and a PA applies once, whatever the timing."""

import threading
from collections.abc import Callable

import pytest
from django.db import connections

from pahub.jobs.applications.services import ApplicationError, application_hire, application_submit
from pahub.jobs.models import Application, Job
from tests.jobs.public.fixtures import make_application

# On PostgreSQL the row lock makes them take turns; on SQLite (a file database in tests) each
# transaction takes the write lock when it begins, with the same effect.


def at_the_same_moment(*actions: Callable[[], object]) -> list[str]:
    start = threading.Barrier(len(actions))
    outcomes: list[str] = []

    def run(action: Callable[[], object]) -> None:
        try:
            start.wait()
            action()
            outcomes.append("done")
        except ApplicationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_two_hires_at_once_fill_the_job_once(
    employer, representative, open_job, pa, pa_profile, other_pa, other_pa_profile
):
    jordan = make_application(open_job, pa)
    chris = make_application(open_job, other_pa)

    outcomes = at_the_same_moment(
        lambda: application_hire(application=jordan, by=employer),
        lambda: application_hire(application=chris, by=representative),
    )

    assert outcomes == ["done", "refused"]
    job = Job.objects.get(pk=open_job.pk)
    statuses = dict(Application.objects.values_list("pa_id", "status"))
    assert job.status == "filled"
    assert statuses[job.hired_pa_id] == "hired"
    assert sorted(statuses.values()) == ["hired", "unsuccessful"]


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_pressing_apply_twice_at_once_makes_one_application(open_job, pa, pa_profile):
    def apply() -> None:
        application_submit(job=open_job, pa=pa, origin="applied", message="Hello")

    outcomes = at_the_same_moment(apply, apply)

    assert outcomes == ["done", "refused"]
    assert Application.objects.filter(job=open_job, pa=pa).count() == 1
