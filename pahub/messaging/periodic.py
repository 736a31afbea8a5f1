"""Messaging's periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from dataclasses import asdict
from datetime import timedelta

from pahub.core import schedule
from pahub.messaging.notifications import send_pending


@schedule.periodic(
    "send_message_notifications", every=timedelta(minutes=5), title="unread-message emails"
)
def send_message_notifications() -> schedule.Outcome:
    """Email people who have unread messages (at most once per interval, no content).

    Safe to run again or on two machines at once: each person is emailed at most once per
    MESSAGE_EMAIL_INTERVAL_MINUTES.
    """
    run = send_pending()
    return schedule.Outcome(
        lines=(
            f"{run.emailed} email{'s' if run.emailed != 1 else ''} sent; "
            f"{run.too_soon} people emailed too recently to email again; "
            f"{run.nothing_new} with nothing new; {run.turned_off} turned emails off.",
        ),
        figures=asdict(run),
        idle=not run.emailed,
    )
