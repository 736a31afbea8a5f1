"""The one registry of periodic work: the apps register their jobs, the clock and
`manage.py run_periodic` run them, and a database error is never fatal."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from pahub.core import schedule
from pahub.core.schedule import Outcome, Periodic, Registry, UnknownPeriodicJob, run_once
from pahub.core.tasks import run_periodic_job

EVERY_JOB = [
    "apply_local_rules",
    "notifications_digest",
    "prune_pool_changes",
    "recover_stalled_tasks",
    "refresh_insights",
    "resume_imports",
    "retention",
    "retry_emails",
    "send_community_digests",
    "send_cover_waves",
    "send_cpd_review_reminders",
    "send_event_reminders",
    "send_expiry_reminders",
    "send_library_review_reminders",
    "send_message_notifications",
    "send_saved_search_digests",
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("run_periodic", *args, stdout=out)
    return out.getvalue()


def test_each_app_registers_its_jobs_from_its_periodic_module():
    assert schedule.registry.names() == EVERY_JOB


def test_the_list_says_each_job_and_how_often_it_runs():
    listing = run("--list")

    assert "send_cover_waves  (every minute): Send every cover wave that is due" in listing
    assert "send_message_notifications  (every 5 minutes)" in listing
    assert "send_expiry_reminders  (every day)" in listing
    assert "send_saved_search_digests  (every day)" in listing
    assert "notifications_digest  (every day)" in listing


@pytest.mark.django_db
@pytest.mark.parametrize("name", EVERY_JOB)
def test_every_registered_job_runs_on_an_empty_database(name):
    outcome = schedule.run_by_name(name)

    assert outcome.lines and outcome.failure is None
    assert run(name).strip()


@pytest.mark.django_db
@pytest.mark.parametrize("name", EVERY_JOB)
def test_every_registered_job_can_be_handed_to_the_task_worker(name):
    result = run_periodic_job.enqueue(name)

    assert isinstance(result.return_value, dict)


@pytest.mark.django_db
def test_running_everything_once_works_on_an_empty_database():
    output = run("--all")

    assert all(f"{name}: done" in output for name in EVERY_JOB)


def test_an_unknown_name_is_refused_with_the_names_that_exist():
    with pytest.raises(CommandError, match="No periodic job is called 'send_everything'") as error:
        run("send_everything")

    assert all(name in str(error.value) for name in EVERY_JOB)


def test_no_name_is_refused_with_the_names_that_exist():
    with pytest.raises(CommandError, match="send_cover_waves"):
        run()


def test_a_name_and_the_whole_schedule_together_are_refused():
    with pytest.raises(CommandError, match="not both"):
        run("send_cover_waves", "--all")


@pytest.mark.django_db
def test_a_database_error_is_logged_and_not_fatal(caplog):
    def flaky() -> Outcome:
        raise DatabaseError("database is locked")

    assert run_once(Periodic("flaky", timedelta(minutes=1), "flakes", flaky)) is None
    assert "flaky failed" in caplog.text


def test_a_registry_finds_jobs_by_name_and_refuses_two_with_one_name():
    jobs = Registry(discover=False)

    @schedule.periodic("tidy", every=timedelta(hours=1), title="tidying", registry=jobs)
    def tidy() -> Outcome:
        """Tidy up."""
        return Outcome(lines=("Tidied.",))

    def other() -> Outcome:
        return Outcome(lines=())

    assert jobs.get("tidy").run() == Outcome(lines=("Tidied.",))
    assert jobs.get("tidy").description == "Tidy up."
    with pytest.raises(UnknownPeriodicJob):
        jobs.get("sweep")
    with pytest.raises(ValueError, match="Two periodic jobs"):
        jobs.register(Periodic("tidy", timedelta(hours=1), "tidying", other))


def test_the_clock_starts_by_running_every_job_then_waits_until_each_is_due(monkeypatch):
    monkeypatch.setattr(schedule, "close_old_connections", lambda: None)  # no database here
    stop = threading.Event()
    ran = []

    def often() -> Outcome:
        ran.append("often")
        if ran.count("often") == 2:
            stop.set()
        return Outcome(lines=("Done.",))

    def daily() -> Outcome:
        ran.append("daily")
        return Outcome(lines=("Done.",))

    jobs = [
        Periodic("often", timedelta(seconds=0.01), "often", often),
        Periodic("daily", timedelta(days=1), "daily", daily),
    ]
    schedule.run_forever(jobs, tick=0.02, stop=stop)

    assert ran == ["often", "daily", "often"]
