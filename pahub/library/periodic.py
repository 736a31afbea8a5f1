"""The library's periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.library.reminders import send_review_reminders


@schedule.periodic(
    "send_library_review_reminders",
    every=timedelta(days=1),
    title="reminders that library resources are due for review",
)
def library_review_reminders() -> schedule.Outcome:
    """Tell owners when guidance or a template they look after is due for review (daily).

    Safe to run again: each due date of each resource is reminded once.
    """
    sent = send_review_reminders()
    return schedule.Outcome(
        lines=(f"{sent} review reminder{'s' if sent != 1 else ''} sent.",),
        figures={"sent": sent},
        idle=not sent,
    )
