"""Background work for core, run by `manage.py db_worker`."""

from django.tasks import task

from pahub.core import schedule


@task()
def run_periodic_job(name: str) -> dict:
    """Run one registered periodic job in the worker (`manage.py run_periodic NAME --enqueue`).

    Every periodic job is idempotent, so a job queued twice, or queued while the clock runs
    it too, does no harm. Returns the run's figures.
    """
    return schedule.run_by_name(name).figures
