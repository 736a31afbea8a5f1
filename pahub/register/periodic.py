"""The register's periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.register.reminders import Reason, run_daily


@schedule.periodic("send_expiry_reminders", every=timedelta(days=1), title="expiring evidence")
def send_expiry_reminders() -> schedule.Outcome:
    """Send DBS expiry reminders and recompute levels whose evidence has expired (daily).

    Safe to run again: each reminder is sent once, and a level is only recomputed while it
    still counts expired evidence.
    """
    run = run_daily()
    lines = [
        f"Levels: {run.levels_recomputed} recomputed, {run.levels_lowered} lowered "
        "because evidence expired."
    ]
    for reason, label in Reason.LABELS.items():
        if run.sent[reason]:
            lines.append(f"Reminders sent, {label.lower()}: {run.sent[reason]}")
    lines.append(
        f"{run.sent_total} reminder{'s' if run.sent_total != 1 else ''} sent; "
        f"{run.already_sent} were already sent before."
    )
    return schedule.Outcome(
        lines=tuple(lines),
        figures={
            "sent": dict(run.sent),
            "already_sent": run.already_sent,
            "levels_recomputed": run.levels_recomputed,
            "levels_lowered": run.levels_lowered,
        },
        idle=not (run.sent_total or run.levels_recomputed),
    )
