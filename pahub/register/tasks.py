"""Background work for the register, run by `manage.py db_worker`."""

from django.tasks import task

from pahub.register.reminders import run_daily


@task()
def send_expiry_reminders() -> dict:
    """The daily run: lapse levels whose evidence expired, then send expiry reminders.

    Idempotent, so a scheduler may enqueue it more than once a day without harm.
    """
    run = run_daily()
    return {
        "sent": dict(run.sent),
        "already_sent": run.already_sent,
        "levels_recomputed": run.levels_recomputed,
        "levels_lowered": run.levels_lowered,
    }
