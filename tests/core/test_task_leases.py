"""Leases on running tasks (pahub/core/task_leases.py): a worker leases the task it runs and
renews the lease while it runs; the sweep puts back in the queue a task whose lease ran out
(its worker died), and gives up after TASK_MAX_ATTEMPTS runs."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from pahub.core import schedule, task_leases
from pahub.core.models import AuditEvent, TaskLease
from tests.core import lease_tasks

LEASE = timedelta(seconds=60)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def running_task(*, workers=("worker-a",), started_ago=timedelta(seconds=5)) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tests.core.lease_tasks.report_own_lease",
        backend_name="default",
        run_after=get_date_max(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started_ago,
        worker_ids=list(workers),
    )


def lease(task: DBTaskResult, *, expires_in: timedelta) -> TaskLease:
    return TaskLease.objects.create(
        task_id=task.pk, worker_id=task.worker_ids[-1], expires_at=timezone.now() + expires_in
    )


def status_of(task: DBTaskResult) -> str:
    task.refresh_from_db()
    return task.status


@pytest.fixture(autouse=True)
def short_settings(settings):
    settings.TASK_LEASE_SECONDS = LEASE.total_seconds()
    settings.TASK_MAX_ATTEMPTS = 3
    return settings


def test_a_task_whose_lease_ran_out_is_put_back_in_the_queue(db):
    task = running_task()
    lease(task, expires_in=-timedelta(seconds=1))

    recovery = task_leases.recover_stalled_tasks()

    assert recovery.requeued == [str(task.pk)]
    assert status_of(task) == TaskResultStatus.READY
    assert not TaskLease.objects.filter(task_id=task.pk).exists()
    assert DBTaskResult.objects.ready().filter(pk=task.pk).exists()


def test_a_task_whose_lease_is_live_is_left_to_its_worker(db):
    task = running_task(started_ago=timedelta(hours=2))  # long-running, but still renewed
    lease(task, expires_in=timedelta(seconds=30))

    recovery = task_leases.recover_stalled_tasks()

    assert recovery.requeued == recovery.given_up == []
    assert status_of(task) == TaskResultStatus.RUNNING


def test_a_task_without_a_lease_is_put_back_once_it_started_longer_than_a_lease_ago(db):
    """The worker died between claiming the task and leasing it."""
    just_claimed = running_task(started_ago=timedelta(seconds=5))
    long_ago = running_task(started_ago=LEASE + timedelta(seconds=1))

    recovery = task_leases.recover_stalled_tasks()

    assert recovery.requeued == [str(long_ago.pk)]
    assert status_of(just_claimed) == TaskResultStatus.RUNNING


def test_a_task_whose_workers_died_too_often_is_failed_with_the_reason(db):
    task = running_task(workers=("worker-a", "worker-b", "worker-c"))
    lease(task, expires_in=-timedelta(seconds=1))

    recovery = task_leases.recover_stalled_tasks()

    assert recovery.given_up == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "pahub.core.task_leases.WorkerLost"
    assert "worker-a, worker-b, worker-c" in task.traceback
    assert task.finished_at is not None


def test_the_sweep_records_what_it_did_in_the_audit_log(db):
    requeued = running_task(workers=("worker-a",))
    given_up = running_task(workers=("worker-a", "worker-b", "worker-c"))
    for task in (requeued, given_up):
        lease(task, expires_in=-timedelta(seconds=1))

    task_leases.recover_stalled_tasks()

    events = {event.target_id: event for event in AuditEvent.objects.all()}
    assert events[str(requeued.pk)].action == "tasks.requeued"
    assert events[str(requeued.pk)].detail["worker"] == "worker-a"
    assert events[str(given_up.pk)].action == "tasks.given_up"


def test_finished_tasks_and_tasks_of_other_states_are_never_touched(db):
    task = running_task(started_ago=timedelta(hours=1))
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.SUCCESSFUL)
    lease(task, expires_in=-timedelta(seconds=1))  # left behind by a worker

    recovery = task_leases.recover_stalled_tasks()

    assert recovery.requeued == recovery.given_up == []
    assert status_of(task) == TaskResultStatus.SUCCESSFUL
    assert not TaskLease.objects.exists()  # the stray lease is dropped


def test_renewing_pushes_the_lease_on_only_while_the_task_is_still_this_workers(db):
    task = running_task(workers=("worker-a",))
    old = lease(task, expires_in=timedelta(seconds=1)).expires_at

    assert task_leases.lease_renew(str(task.pk), "worker-a") is True
    assert TaskLease.objects.get(task_id=task.pk).expires_at > old

    # The sweep gave it to worker-b while worker-a was stuck: worker-a's heartbeat stops.
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["worker-a", "worker-b"])
    assert task_leases.lease_renew(str(task.pk), "worker-a") is False


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_renews_the_lease_until_stopped(settings):
    """The heartbeat is a thread with its own connection, so the rows must be committed."""
    settings.TASK_LEASE_SECONDS = 0.2
    task = running_task()
    first = lease(task, expires_in=timedelta(seconds=0.2)).expires_at
    heartbeat = task_leases.Heartbeat(str(task.pk), "worker-a")
    heartbeat.start()
    try:
        assert wait_until(lambda: TaskLease.objects.get(task_id=task.pk).expires_at > first)
    finally:
        heartbeat.stop()
    assert not heartbeat.is_alive()


def wait_until(condition, seconds: float = 30) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def run_worker(monkeypatch, worker_id: str = "worker-b") -> None:
    """django-tasks-db's own worker, in this process, until the queue is empty. It closes old
    connections between tasks, which would close the test's own transaction: not here."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


def test_the_database_worker_leases_each_task_while_it_runs_and_releases_it_after(
    settings, db, monkeypatch
):
    settings.TASKS = DATABASE_TASKS
    result = lease_tasks.report_own_lease.enqueue()

    run_worker(monkeypatch, "worker-b")

    done = DBTaskResult.objects.get(pk=result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL, done.traceback
    assert done.return_value == {"leased_by": "worker-b", "keyed_by_task": True}
    assert not TaskLease.objects.exists()


def test_a_task_put_back_by_the_sweep_is_run_by_the_next_worker(settings, db, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    task = running_task(workers=("worker-a",))  # worker-a claimed it, then died
    lease(task, expires_in=-timedelta(seconds=1))

    schedule.run_by_name("recover_stalled_tasks")
    run_worker(monkeypatch, "worker-b")

    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["worker-a", "worker-b"]


def test_the_immediate_backend_takes_no_lease(db):
    """Tests run tasks inside the caller: nothing to lease, nothing to key."""
    result = lease_tasks.report_own_lease.enqueue()

    assert result.return_value == {"leased_by": None, "keyed_by_task": False}
    assert not TaskLease.objects.exists()


def test_the_sweep_is_in_the_one_periodic_registry():
    job = schedule.registry.get("recover_stalled_tasks")

    assert job.run is not None
    assert job.every == timedelta(minutes=1)
