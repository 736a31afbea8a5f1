"""Periodic work for a single-machine PA Hub (`make run`): one small clock process.

Each entry runs a plain function in the clock's own process at a fixed interval. They are all
idempotent (they look at the database to decide what is due), so a restart that runs one early
does no harm, and in production the same functions may be run from cron instead (docs/deploy.md).
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import DatabaseError, close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    every: timedelta
    function: str  # dotted path, called with no arguments


SCHEDULE: tuple[Periodic, ...] = (
    # Someone waiting for cover cannot wait for a missed task: sweep due waves each minute.
    Periodic("cover waves", timedelta(minutes=1), "pahub.cover.sweep.sweep_due_waves"),
    Periodic("message emails", timedelta(minutes=5), "pahub.messaging.notifications.send_pending"),
    Periodic("saved search digests", timedelta(days=1), "pahub.jobs.saved_searches.run_digests"),
    Periodic("evidence expiry", timedelta(days=1), "pahub.register.reminders.run_daily"),
)


def run_once(entry: Periodic, *, call: Callable[[str], object] | None = None) -> bool:
    """Run one entry; a database error is logged and retried next time, never fatal."""
    call = call or (lambda path: import_string(path)())
    close_old_connections()
    try:
        call(entry.function)
    except DatabaseError:
        logger.exception("Periodic %s failed; it will run again next time.", entry.name)
        return False
    return True


def run_forever(schedule: tuple[Periodic, ...] = SCHEDULE, *, tick: float = 5.0, stop=None) -> None:
    """Run each entry when due, starting with all of them, until `stop` (an Event) is set."""
    next_run = dict.fromkeys((entry.name for entry in schedule), 0.0)
    while stop is None or not stop.is_set():
        now = time.monotonic()
        for entry in schedule:
            if now >= next_run[entry.name]:
                run_once(entry)
                next_run[entry.name] = now + entry.every.total_seconds()
        if stop is not None:
            stop.wait(tick)
        else:
            time.sleep(tick)
