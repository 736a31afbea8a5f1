"""Jobs' periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import schedule
from pahub.jobs.saved_searches.services import run_digests


@schedule.periodic(
    "send_saved_search_digests", every=timedelta(days=1), title="saved-search digests"
)
def send_saved_search_digests() -> schedule.Outcome:
    """Email each person the new results of their saved searches (daily).

    Safe to run more than once a day: a person gets at most one digest in 20 hours, and a
    result is only ever listed once.
    """
    run = run_digests()
    return schedule.Outcome(
        lines=(
            f"{run.emails_sent} digest{'s' if run.emails_sent != 1 else ''} sent, "
            f"{run.new_results} new result{'s' if run.new_results != 1 else ''}; "
            f"{run.people_checked} people checked, {run.skipped_recent} already had "
            "one today.",
        ),
        figures={
            "people_checked": run.people_checked,
            "emails_sent": run.emails_sent,
            "new_results": run.new_results,
            "skipped_recent": run.skipped_recent,
        },
        idle=not run.emails_sent,
    )
