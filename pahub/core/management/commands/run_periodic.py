"""Run PA Hub's periodic work, from the one registry in pahub/core/schedule.py.

    manage.py run_periodic --list                     # every job, how often the clock runs it
    manage.py run_periodic NAME                       # run one job now, in this process
    manage.py run_periodic NAME --enqueue             # hand it to `manage.py db_worker` instead
    manage.py run_periodic NAME --loop 60             # run it every 60 s until stopped
    manage.py run_periodic --all                      # every job once, then exit
    manage.py run_periodic --clock                    # the clock: every job when due, until stopped

With `--loop` or `--clock` it stops cleanly on SIGTERM or Ctrl+C after the run in progress, and
keeps going through database errors (logged), so a process supervisor or `make run` can leave
it running.
"""

import logging
import signal
import threading
from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, close_old_connections

from pahub.core import schedule
from pahub.core.schedule import Outcome, Periodic, UnknownPeriodicJob

logger = logging.getLogger(__name__)


def positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < seconds <= 24 * 3600:
        raise ArgumentTypeError("must be more than 0 and at most 86400 seconds")
    return seconds


def at_least_one(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a whole number") from None
    if count < 1:
        raise ArgumentTypeError("must be at least 1")
    return count


def every_in_words(job: Periodic) -> str:
    seconds = int(job.every.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            count = seconds // size
            return f"every {unit}" if count == 1 else f"every {count} {unit}s"
    return f"every {seconds} seconds"


class Command(BaseCommand):
    help = "Run PA Hub's periodic work: one job by name, all of them once, or the clock."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="The job to run (see --list).")
        what = parser.add_mutually_exclusive_group()
        what.add_argument("--list", action="store_true", help="List the periodic jobs.")
        what.add_argument("--all", action="store_true", help="Run every job once and exit.")
        what.add_argument(
            "--clock", action="store_true", help="Run every job whenever due, until stopped."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the job for `manage.py db_worker` instead of running it here.",
        )
        parser.add_argument(
            "--loop",
            type=positive_seconds,
            metavar="SECONDS",
            help="Keep running the job, this many seconds apart, until stopped.",
        )
        parser.add_argument(
            "--max-sweeps",
            type=at_least_one,
            default=None,
            help="With --loop, stop after this many runs.",
        )

    def handle(self, *args, **options) -> None:
        name: str | None = options["name"]
        whole_schedule = options["list"] or options["all"] or options["clock"]
        if whole_schedule and name:
            raise CommandError("Give a job's name, or --list, --all or --clock, not both.")
        if options["list"]:
            return self.list_jobs()
        if options["all"]:
            return self.run_all()
        if options["clock"]:
            return self.run_clock()
        if not name:
            raise CommandError(
                "Which periodic job? Give its name: " + ", ".join(schedule.registry.names())
            )
        try:
            job = schedule.registry.get(name)
        except UnknownPeriodicJob as error:
            raise CommandError(str(error)) from None
        if options["enqueue"]:
            from pahub.core.tasks import run_periodic_job

            result = run_periodic_job.enqueue(job.name)
            self.stdout.write(f"Queued as task {result.id}.")
            return
        if options["loop"]:
            return self.run_loop(
                job, options["loop"], options["max_sweeps"], verbosity=options["verbosity"]
            )
        outcome = job.run()
        self.report(outcome, quiet=False)
        if outcome.failure:
            raise CommandError(outcome.failure)

    def list_jobs(self) -> None:
        for job in schedule.registry:
            self.stdout.write(f"{job.name}  ({every_in_words(job)}): {job.description}")

    def run_all(self) -> None:
        failed = []
        for job in schedule.registry:
            outcome = schedule.run_once(job, long_running=False)
            if outcome is None or outcome.failure:
                failed.append(job.name)
            self.stdout.write(f"{job.name}: {'done' if job.name not in failed else 'failed'}")
            if outcome is not None:
                self.report(outcome, quiet=False)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}; the log has the reason.")

    def run_clock(self) -> None:
        stop = threading.Event()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signal_number, lambda *_: stop.set())
        jobs = list(schedule.registry)
        self.stdout.write(
            "Running periodic work: " + ", ".join(f"{job.name} ({job.title})" for job in jobs)
        )
        schedule.run_forever(jobs, stop=stop)

    def run_loop(self, job: Periodic, seconds: float, max_runs: int | None, *, verbosity: int):
        stop = threading.Event()

        def ask_to_stop(signum, frame) -> None:
            stop.set()

        previous = {
            signum: signal.signal(signum, ask_to_stop) for signum in (signal.SIGTERM, signal.SIGINT)
        }
        self.stdout.write(f"Sweeping for {job.title} every {seconds:g} s.")
        runs = 0
        try:
            while not stop.is_set():
                # A long-running process must notice a database that restarted.
                close_old_connections()
                try:
                    self.report(job.run(), quiet=verbosity < 2)
                except DatabaseError:
                    logger.exception("Periodic %s could not reach the database", job.name)
                runs += 1
                if max_runs is not None and runs >= max_runs:
                    break
                stop.wait(seconds)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            close_old_connections()
        self.stdout.write(f"Stopped after {runs} sweep{'s' if runs != 1 else ''}.")

    def report(self, outcome: Outcome, *, quiet: bool) -> None:
        """The job's lines, the last one coloured; in a loop, silence when nothing was due."""
        if quiet and outcome.idle:
            return
        *first, last = outcome.lines or ("Done.",)
        for line in first:
            self.stdout.write(line)
        style = self.style.ERROR if outcome.failure else self.style.SUCCESS
        self.stdout.write(style(last))
