"""Leases on running tasks, so the task of a worker that died is run again by another.

django-tasks-db 0.13.0 marks a task RUNNING when a worker claims it, and only that worker ever
moves it on (to SUCCESSFUL or FAILED). A worker killed half-way (SIGKILL, out of memory, the
machine lost) leaves its task RUNNING for ever: no worker looks at it again and nothing says so.
PA Hub closes the gap beside the library, without changing it (docs/adr/007-task-leases.md):

- a worker starting a task (Django's `task_started` signal, sent in the worker's own process)
  takes a lease on it: a `TaskLease` row saying until when it is alive, renewed by a heartbeat
  thread every quarter of `TASK_LEASE_SECONDS` while the task runs and deleted when it
  finishes (`task_finished`);
- the sweep, `recover_stalled_tasks` (the periodic job of that name, run by the clock every
  `TASK_SWEEP_SECONDS`), finds running tasks whose lease ran out, or that never got one and
  started longer than a lease ago, and puts them back in the queue for any worker; a task
  whose workers died `TASK_MAX_ATTEMPTS` times is marked failed with `WorkerLost` instead.
  Each is logged and recorded in the audit log.

A task put back runs again from the start, so every task must be safe to run twice: what it
tells people is recorded once per task (pahub/core/task_effects.py), an email is sent once
(`pahub.core.mail.claim`), and the services a task calls check the state they change.
"""

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.db.models import Q, QuerySet
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished, task_started
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pahub.core import audit, task_effects
from pahub.core.models import TaskLease

logger = logging.getLogger(__name__)

# Heartbeats per lease: a worker misses three before its task is taken away.
BEATS_PER_LEASE = 4
# The most tasks one sweep handles; the rest wait for the next.
MOST_PER_SWEEP = 100


class WorkerLost(Exception):
    """The task's worker stopped renewing its lease, too many times to try again."""


def lease_length() -> timedelta:
    return timedelta(seconds=settings.TASK_LEASE_SECONDS)


# Taking and renewing


def lease_take(task_id: str, worker_id: str, *, now: datetime | None = None) -> TaskLease:
    now = now or timezone.now()
    lease, _ = TaskLease.objects.update_or_create(
        task_id=task_id, defaults={"worker_id": worker_id, "expires_at": now + lease_length()}
    )
    return lease


def lease_renew(task_id: str, worker_id: str, *, now: datetime | None = None) -> bool:
    """Push the lease on; False when the task is no longer this worker's to run (it finished,
    or the sweep gave it to another worker because this one went quiet), so the heartbeat
    stops."""
    now = now or timezone.now()
    workers = (
        DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING)
        .values_list("worker_ids", flat=True)
        .first()
    )
    if not workers or workers[-1] != worker_id:
        return False
    return bool(
        TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).update(
            expires_at=now + lease_length()
        )
    )


def lease_release(task_id: str) -> None:
    TaskLease.objects.filter(task_id=task_id).delete()


class Heartbeat(threading.Thread):
    """Renews one task's lease while the worker's main thread runs the task. A thread of the
    worker's own process: when the process dies, so does the heartbeat, and the lease runs out."""

    def __init__(self, task_id: str, worker_id: str) -> None:
        super().__init__(name=f"task-lease-{task_id}", daemon=True)
        self.task_id = task_id
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        every = lease_length().total_seconds() / BEATS_PER_LEASE
        try:
            while not self.stopped.wait(every):
                try:
                    if not lease_renew(self.task_id, self.worker_id):
                        return
                except DatabaseError:
                    # The database may be back by the next beat; the lease has three to spare.
                    logger.warning("Could not renew the lease of task %s.", self.task_id)
        finally:
            # This thread's own connection: Django opens one per thread.
            connections.close_all()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=lease_length().total_seconds())


# The worker's side: Django's task signals


@dataclass
class RunningTask:
    heartbeat: Heartbeat | None
    effects: object  # the task_effects token, reset when the task finishes


_running: dict[str, RunningTask] = {}


def runs_in_database_worker(task_result) -> bool:
    """Only django-tasks-db's worker needs a lease: its results carry their database row. The
    immediate backend the tests use runs a task inside the caller, which cannot die apart."""
    return hasattr(task_result, "db_result")


def on_task_started(sender, task_result, **kwargs) -> None:
    if not runs_in_database_worker(task_result):
        return
    task_id = str(task_result.id)
    worker_id = task_result.worker_ids[-1]
    heartbeat = None
    try:
        lease_take(task_id, worker_id)
        heartbeat = Heartbeat(task_id, worker_id)
        heartbeat.start()
    except DatabaseError:
        # Run the task anyway: without a lease the sweep judges it by when it started.
        logger.exception("Could not take a lease on task %s.", task_id)
    _running[task_id] = RunningTask(heartbeat, task_effects.run_started(task_id))


def on_task_finished(sender, task_result, **kwargs) -> None:
    running = _running.pop(str(task_result.id), None)
    if running is None:
        return
    task_effects.run_finished(running.effects)
    if running.heartbeat is not None:
        running.heartbeat.stop()
    try:
        lease_release(str(task_result.id))
    except DatabaseError:
        # Harmless: the sweep drops the leases of tasks that are no longer running.
        logger.warning("Could not release the lease of task %s.", task_result.id)


def connect_signals() -> None:
    task_started.connect(on_task_started, dispatch_uid="pahub.core.task_leases.started")
    task_finished.connect(on_task_finished, dispatch_uid="pahub.core.task_leases.finished")


# The sweep


@dataclass
class Recovery:
    """What one sweep did, by task id."""

    requeued: list[str] = field(default_factory=list)
    given_up: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"{len(self.requeued)} task{'s' if len(self.requeued) != 1 else ''} of workers that "
            f"stopped put back in the queue; {len(self.given_up)} given up."
        )


def stalled_tasks(*, now: datetime) -> QuerySet[DBTaskResult]:
    """Running tasks whose worker has gone quiet: the lease ran out, or there never was one
    (the worker died between claiming and leasing, or ran without PA Hub's signals) and the
    task started longer than a lease ago."""
    leases = TaskLease.objects.values("task_id")
    live = TaskLease.objects.filter(expires_at__gt=now).values("task_id")
    return (
        DBTaskResult.objects.running()
        .exclude(pk__in=live)
        .filter(Q(pk__in=leases) | Q(started_at__lt=now - lease_length()))
        .order_by("started_at")
    )


def recover_stalled_tasks(*, now: datetime | None = None) -> Recovery:
    """Put back in the queue every task whose worker stopped renewing its lease."""
    now = now or timezone.now()
    recovery = Recovery()
    with transaction.atomic():
        # Locked, so two sweeps at once never both handle a task; skipped, so a sweep never
        # waits for a worker that is just finishing one.
        stalled = stalled_tasks(now=now).select_for_update(skip_locked=True)[:MOST_PER_SWEEP]
        for task in stalled:
            if len(task.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                task_give_up(task, now=now)
                recovery.given_up.append(str(task.pk))
            else:
                task_requeue(task)
                recovery.requeued.append(str(task.pk))
        TaskLease.objects.filter(task_id__in=recovery.requeued + recovery.given_up).delete()
        # Leases left by a worker that finished without saying so (no task_finished signal).
        TaskLease.objects.exclude(task_id__in=DBTaskResult.objects.running().values("pk")).delete()
    return recovery


def task_requeue(task: DBTaskResult) -> None:
    task.status = TaskResultStatus.READY
    task.save(update_fields=["status"])
    logger.warning(
        "Task %s (%s) put back in the queue: worker %s stopped renewing its lease (run %s of %s).",
        task.pk,
        task.task_path,
        task.worker_ids[-1] if task.worker_ids else "?",
        len(task.worker_ids),
        settings.TASK_MAX_ATTEMPTS,
    )
    audit.record(
        None,
        "tasks.requeued",
        task,
        task=task.task_path,
        worker=task.worker_ids[-1] if task.worker_ids else "",
        runs=len(task.worker_ids),
    )


def task_give_up(task: DBTaskResult, *, now: datetime) -> None:
    error = WorkerLost(
        f"Its worker stopped renewing its lease {len(task.worker_ids)} times "
        f"(workers {', '.join(task.worker_ids)}); not tried again."
    )
    task.status = TaskResultStatus.FAILED
    task.finished_at = now
    task.return_value = None
    task.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
    task.traceback = f"{WorkerLost.__qualname__}: {error}"
    task.save(
        update_fields=["status", "finished_at", "return_value", "exception_class_path", "traceback"]
    )
    logger.error("Task %s (%s) given up: %s", task.pk, task.task_path, error)
    audit.record(None, "tasks.given_up", task, task=task.task_path, workers=list(task.worker_ids))
