"""The learning zone's periodic work, registered with core's one registry
(pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.learning.cpd.reminders import send_cpd_review_reminders


@schedule.periodic(
    "send_cpd_review_reminders", every=timedelta(days=1), title="yearly CPD review reminders"
)
def cpd_review_reminders() -> schedule.Outcome:
    """Remind PAs once a year to review their CPD log (daily).

    Safe to run again: a PA reminded in the last 365 days is not reminded again.
    """
    sent = send_cpd_review_reminders()
    return schedule.Outcome(
        lines=(f"{sent} CPD review reminder{'s' if sent != 1 else ''} sent.",),
        figures={"sent": sent},
        idle=not sent,
    )
