"""The one registry of PA Hub's periodic work.

Each app registers its own periodic jobs in a `periodic.py` module of its own, with
`@schedule.periodic(...)`; core finds those modules with Django's `autodiscover_modules`, so it
never imports an app above it by name. Everything periodic runs from this registry:

- the clock (`manage.py run_periodic --clock`, started by `make run`) runs each job in its own
  process whenever it is due, starting with all of them;
- `manage.py run_periodic NAME` runs one job now (or `--enqueue`s it for `manage.py db_worker`
  through the `pahub.core.tasks.run_periodic_job` task), for cron, systemd timers and people;
- `manage.py run_periodic --list` lists them.

Every job is idempotent (it looks at the database to decide what is due), so a restart that runs
one early does no harm, and in production the same jobs may be run from cron instead
(docs/deploy.md).
"""

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, close_old_connections
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger(__name__)

# The module each app keeps its periodic jobs in.
PERIODIC_MODULE = "periodic"


@dataclass(frozen=True)
class Outcome:
    """What one run of a job did, in words for a person and in figures for a task's result."""

    lines: tuple[str, ...]
    # JSON-friendly figures, returned by the task when the run was enqueued.
    figures: dict[str, Any] = field(default_factory=dict)
    # Set when part of the run failed: the command says it and exits with an error.
    failure: str | None = None
    # True when there was nothing to do, so a loop can stay quiet.
    idle: bool = False


@dataclass(frozen=True)
class Periodic:
    name: str  # what `run_periodic NAME` takes, e.g. "send_cover_waves"
    every: timedelta  # how often the clock runs it
    title: str  # a few words for people: "due cover waves"
    run: Callable[[], Outcome]

    @property
    def description(self) -> str:
        return (self.run.__doc__ or self.title).strip().splitlines()[0]


class UnknownPeriodicJob(LookupError):
    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(f"No periodic job is called {name!r}. Known: {', '.join(known)}.")


class Registry:
    """Periodic jobs by name; filled by the apps' `periodic.py` modules on first use."""

    def __init__(self, *, discover: bool = True) -> None:
        self._jobs: dict[str, Periodic] = {}
        self._discover = discover
        self._discovered = False
        self._lock = threading.Lock()

    def register(self, job: Periodic) -> Periodic:
        existing = self._jobs.get(job.name)
        # Importing the same module twice registers the same function again: harmless.
        if existing is not None and existing.run.__qualname__ != job.run.__qualname__:
            raise ValueError(f"Two periodic jobs are called {job.name!r}.")
        self._jobs[job.name] = job
        return job

    def _discover_once(self) -> None:
        if not self._discover or self._discovered:
            return
        with self._lock:
            if not self._discovered:
                autodiscover_modules(PERIODIC_MODULE)
                self._discovered = True

    def __iter__(self) -> Iterator[Periodic]:
        self._discover_once()
        return iter(sorted(self._jobs.values(), key=lambda job: job.name))

    def names(self) -> list[str]:
        return [job.name for job in self]

    def get(self, name: str) -> Periodic:
        self._discover_once()
        try:
            return self._jobs[name]
        except KeyError:
            raise UnknownPeriodicJob(name, self.names()) from None


registry = Registry()


def periodic(
    name: str, *, every: timedelta, title: str, registry: Registry = registry
) -> Callable[[Callable[[], Outcome]], Callable[[], Outcome]]:
    """Register the decorated function, which does the work and returns an `Outcome`."""

    def decorate(function: Callable[[], Outcome]) -> Callable[[], Outcome]:
        registry.register(Periodic(name=name, every=every, title=title, run=function))
        return function

    return decorate


def run_by_name(name: str) -> Outcome:
    return registry.get(name).run()


def run_once(job: Periodic, *, long_running: bool = True) -> Outcome | None:
    """Run one job for the clock; a database error is logged and retried next time, never fatal."""
    if long_running:
        # A long-running process must notice a database that restarted.
        close_old_connections()
    try:
        outcome = job.run()
    except DatabaseError:
        logger.exception("Periodic %s failed; it will run again next time.", job.name)
        return None
    # No need to log the outcome's lines here: each job's own module logs what it did.
    return outcome


def run_forever(
    jobs: Registry | list[Periodic] = registry, *, tick: float = 5.0, stop=None
) -> None:
    """Run each job when due, starting with all of them, until `stop` (an Event) is set."""
    jobs = list(jobs)
    next_run = dict.fromkeys((job.name for job in jobs), 0.0)
    while stop is None or not stop.is_set():
        now = time.monotonic()
        for job in jobs:
            if now >= next_run[job.name]:
                run_once(job)
                next_run[job.name] = now + job.every.total_seconds()
        if stop is not None:
            stop.wait(tick)
        else:
            time.sleep(tick)
