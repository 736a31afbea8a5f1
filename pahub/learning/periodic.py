"""The learning zone's periodic work, registered with core's one registry
(pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.learning.events.services import event_reminders_send


@schedule.periodic(
    "send_event_reminders", every=timedelta(days=1), title="reminders of booked events"
)
def send_event_reminders() -> schedule.Outcome:
    """Remind people booked on a course or event the day before it (daily).

    Safe to run again: each booking is reminded once (`EventBooking.reminded_at`).
    """
    sent = event_reminders_send()
    return schedule.Outcome(
        lines=(f"{sent} event reminder{'s' if sent != 1 else ''} sent.",),
        figures={"sent": sent},
        idle=not sent,
    )
