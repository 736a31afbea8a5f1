"""Matching's periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from django.utils import timezone

from pahub.core import schedule

from .pool import prune_changes


@schedule.periodic("prune_pool_changes", every=timedelta(hours=1), title="matching pool feed")
def prune_pool_changes() -> schedule.Outcome:
    """Delete changes the matching pools no longer need: older than a day (hourly).

    Safe to run again, and on two machines at once: it only deletes what is past the day.
    A pool not refreshed for an hour loads everything again instead of reading the feed.
    """
    deleted = prune_changes(now=timezone.now())
    return schedule.Outcome(
        lines=(f"{deleted} pool change{'s' if deleted != 1 else ''} deleted.",),
        figures={"deleted": deleted},
        idle=not deleted,
    )
