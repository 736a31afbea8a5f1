"""The learning zone's periodic work, registered with core's one registry
(pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.learning.cpd.reminders import send_cpd_review_reminders
from pahub.learning.events.services import event_reminders_send


def sent_outcome(sent: int, what: str) -> schedule.Outcome:
    return schedule.Outcome(
        lines=(f"{sent} {what}{'s' if sent != 1 else ''} sent.",),
        figures={"sent": sent},
        idle=not sent,
    )


@schedule.periodic(
    "send_cpd_review_reminders", every=timedelta(days=1), title="yearly CPD review reminders"
)
def cpd_review_reminders() -> schedule.Outcome:
    """Remind PAs once a year to review their CPD log (daily).

    Safe to run again: a PA reminded in the last 365 days is not reminded again.
    """
    return sent_outcome(send_cpd_review_reminders(), "CPD review reminder")


@schedule.periodic(
    "send_event_reminders", every=timedelta(days=1), title="reminders of booked events"
)
def send_event_reminders() -> schedule.Outcome:
    """Remind people booked on a course or event the day before it (daily).

    Safe to run again: each booking is reminded once (`EventBooking.reminded_at`).
    """
    return sent_outcome(event_reminders_send(), "event reminder")
