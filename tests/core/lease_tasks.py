"""Tasks for the lease tests (tests/core/test_task_leases.py) and the several-servers test
(tests/core/test_several_servers.py). A module of its own so the worker processes can import
them by path, as they import PA Hub's tasks."""

import time
import uuid

from django.core.mail import send_mail
from django.tasks import TaskContext, task

from pahub.core import task_effects
from pahub.core.models import OutgoingEmail, TaskLease


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@task(takes_context=True)
def report_own_lease(context: TaskContext) -> dict:
    """What a task sees of itself while the worker runs it."""
    task_id = context.task_result.id
    # The immediate backend's ids are not UUIDs, and it takes no lease.
    lease = TaskLease.objects.filter(task_id=task_id).first() if is_uuid(task_id) else None
    run = task_effects.current()
    return {
        "leased_by": lease.worker_id if lease else None,
        "keyed_by_task": run is not None and run.task_id == str(task_id),
    }


@task(takes_context=True)
def email_then_wait_on_first_run(context: TaskContext, to: str, booking_id: int) -> int:
    """Records an email, then, on its first run only, waits long enough to be killed in the
    middle; a second run records the same email again (which must not send it twice) and
    finishes. Returns how many runs it took."""
    from pahub.cover import tasks as cover_tasks

    runs = len(context.task_result.worker_ids)
    send_mail("Several servers: a task's email", "Sent once.", None, [to])
    # A real cover task too: the booked PA and the employer are told once each.
    cover_tasks.tell_booking_confirmed.call(booking_id)
    if runs == 1:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # killed here by the test
            time.sleep(0.2)
    return runs


def outbox_count(subject: str) -> int:
    return OutgoingEmail.objects.filter(subject=subject).count()
