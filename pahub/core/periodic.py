"""Core's periodic work, registered with the one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from pahub.core import retention, schedule, task_leases
from pahub.core.mail import deliver, emails_due


@schedule.periodic("retention", every=timedelta(days=1), title="retention rules")
def apply_retention() -> schedule.Outcome:
    """Delete or anonymise personal data kept longer than its retention rule allows (daily).

    Safe to run again: each rule only finds what is past its period, in bounded batches, and
    one audit event records the counts. The rules: pahub/core/retention.py and /privacy/retention/.
    """
    run = retention.apply_all()
    lines = [f"{name}: {count}" for name, count in run.counts.items() if count]
    lines.append(
        f"{run.total} record{'s' if run.total != 1 else ''} deleted or anonymised "
        f"under {len(run.counts)} rules."
    )
    return schedule.Outcome(lines=tuple(lines), figures=dict(run.counts), idle=not run.total)


# Enough for one run; any more wait a minute for the next.
MOST_EMAILS_PER_RUN = 200


@schedule.periodic("retry_emails", every=timedelta(minutes=1), title="failed emails")
def retry_emails() -> schedule.Outcome:
    """Try again to send emails that failed, or whose first try never happened.

    Safe to run again or on two machines at once: each email is claimed before it is sent,
    so it goes out once.
    """
    due = list(emails_due(now=timezone.now()).values_list("pk", flat=True)[:MOST_EMAILS_PER_RUN])
    sent = sum(deliver(email_id) for email_id in due)
    failed = len(due) - sent
    return schedule.Outcome(
        lines=(f"{sent} email{'s' if sent != 1 else ''} sent on retry; {failed} failed again.",),
        figures={"tried": len(due), "sent": sent, "failed": failed},
        failure=f"{failed} emails failed again." if failed else None,
        idle=not due,
    )


@schedule.periodic("resume_imports", every=timedelta(minutes=5), title="stalled imports")
def resume_imports() -> schedule.Outcome:
    """Start again every import whose worker died (not heard of for ten minutes).

    Safe to run again: an import goes on from its saved cursor, and a chunk finds the cursor
    moved if another worker got there first (pahub/core/imports/runner.py).
    """
    from pahub.core.imports.services import imports_resume_stale

    restarted = imports_resume_stale(now=timezone.now())
    return schedule.Outcome(
        lines=(f"{restarted} stalled import{'s' if restarted != 1 else ''} started again.",),
        figures={"restarted": restarted},
        idle=not restarted,
    )


@schedule.periodic(
    "recover_stalled_tasks",
    every=timedelta(seconds=settings.TASK_SWEEP_SECONDS),
    title="tasks of workers that died",
)
def recover_stalled_tasks() -> schedule.Outcome:
    """Put back in the queue the tasks whose worker died (its lease ran out), for another.

    Safe to run again or on two machines at once: each task is locked while it is handled, and
    a task put back is leased again by the worker that takes it (pahub/core/task_leases.py).
    """
    recovery = task_leases.recover_stalled_tasks(now=timezone.now())
    return schedule.Outcome(
        lines=(recovery.describe(),),
        figures={"requeued": recovery.requeued, "given_up": recovery.given_up},
        failure=(
            f"{len(recovery.given_up)} tasks given up after their workers died: "
            + ", ".join(recovery.given_up)
            if recovery.given_up
            else None
        ),
        idle=not (recovery.requeued or recovery.given_up),
    )
