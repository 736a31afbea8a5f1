"""Notifications' periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from dataclasses import asdict
from datetime import timedelta

from pahub.core import schedule
from pahub.notifications.digest import send_digests


@schedule.periodic("notifications_digest", every=timedelta(days=1), title="daily digest emails")
def notifications_digest() -> schedule.Outcome:
    """Email each person one daily digest of the notices they chose to get that way.

    Safe to run again: only notices not yet sent in a digest are sent, then marked sent.
    """
    run = send_digests()
    return schedule.Outcome(
        lines=(
            f"{run.people} digest{'s' if run.people != 1 else ''} sent, "
            f"covering {run.notices} notice{'s' if run.notices != 1 else ''}.",
        ),
        figures=asdict(run),
        idle=not run.people,
    )
