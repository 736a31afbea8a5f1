"""The community's periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.community.forum.digest import community_digest_send
from pahub.core import schedule


@schedule.periodic(
    "send_community_digests", every=timedelta(hours=1), title="new posts in followed threads"
)
def send_community_digests() -> schedule.Outcome:
    """Tell people about new posts in the threads they follow, one notice each (hourly).

    Safe to run again: each subscription remembers how far it has been told about.
    """
    sent = community_digest_send()
    return schedule.Outcome(
        lines=(f"{sent} community digest{'s' if sent != 1 else ''} sent.",),
        figures={"sent": sent},
        idle=not sent,
    )
