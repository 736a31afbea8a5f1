"""Cover's periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.cover.sweep import sweep_due_waves


# Someone waiting for cover cannot wait for a missed task: sweep due waves each minute.
@schedule.periodic("send_cover_waves", every=timedelta(minutes=1), title="due cover waves")
def send_cover_waves() -> schedule.Outcome:
    """Send every cover wave that is due (the relief pool's wait is over, or a widening).

    The safety net behind the task queue; see pahub/cover/sweep.py for why.
    """
    result = sweep_due_waves()
    failure = None
    if result.failed:
        failure = (
            "Waves failed for request "
            + ", ".join(map(str, result.failed))
            + "; the log has the reason. The next sweep tries them again."
        )
    return schedule.Outcome(
        lines=(result.describe(),),
        figures={
            "due": result.due,
            "waves_sent": result.waves_sent,
            "pas_alerted": result.pas_alerted,
            "closed": result.closed,
            "failed": list(result.failed),
        },
        failure=failure,
        idle=not result.due,
    )
