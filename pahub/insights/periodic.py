"""Insights' periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.insights import summaries


@schedule.periodic("refresh_insights", every=timedelta(hours=1), title="insights figures")
def refresh_insights() -> schedule.Outcome:
    """Rebuild the insights figures from every app's counts (hourly).

    Safe to run again: each collector's facts are replaced in one transaction.
    """
    counts = summaries.refresh()
    lines = [f"{name}: {count} figures" for name, count in counts.items()]
    return schedule.Outcome(
        lines=tuple(lines) or ("No insights collectors are registered.",),
        figures={"facts": counts},
    )
