"""Background work for jobs, run by `manage.py db_worker`."""

from django.tasks import task

from pahub.jobs.saved_searches import run_digests


@task()
def send_saved_search_digests() -> dict:
    """The daily run: one email per person with new results for their saved searches.

    Safe to run more than once a day: a person gets at most one digest in 20 hours, and a
    result is only ever listed once.
    """
    run = run_digests()
    return {
        "people_checked": run.people_checked,
        "emails_sent": run.emails_sent,
        "new_results": run.new_results,
        "skipped_recent": run.skipped_recent,
    }
