"""Send every cover wave that is due: the safety net behind the task queue.

    manage.py send_cover_waves              # one sweep (from cron, every minute)
    manage.py send_cover_waves --loop 60    # sweep every 60 seconds until stopped

See pahub/cover/sweep.py for why, and docs/cover.md for running it. With `--loop` it stops
cleanly on SIGTERM or Ctrl+C after the sweep in progress, and keeps going through database
errors (logged), so a process supervisor or `make run` can leave it running.
"""

import logging
import signal
import threading
from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, close_old_connections

from pahub.cover.sweep import SweepResult, sweep_due_waves

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


class Command(BaseCommand):
    help = "Send every cover wave that is due (the relief pool's wait is over, or a widening)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop",
            type=positive_seconds,
            metavar="SECONDS",
            help="Keep sweeping, this many seconds apart, until stopped.",
        )
        parser.add_argument(
            "--max-sweeps",
            type=at_least_one,
            default=None,
            help="With --loop, stop after this many sweeps.",
        )

    def handle(self, *args, **options) -> None:
        loop: float | None = options["loop"]
        if not loop:
            result = sweep_due_waves()
            self.report(result, quiet=False)
            if result.failed:
                raise CommandError(
                    "Waves failed for request "
                    + ", ".join(map(str, result.failed))
                    + "; the log has the reason. The next sweep tries them again."
                )
            return
        self.run_loop(loop, options["max_sweeps"], verbosity=options["verbosity"])

    def run_loop(self, seconds: float, max_sweeps: int | None, *, verbosity: int) -> None:
        stop = threading.Event()

        def ask_to_stop(signum, frame) -> None:
            stop.set()

        previous = {
            signum: signal.signal(signum, ask_to_stop) for signum in (signal.SIGTERM, signal.SIGINT)
        }
        self.stdout.write(f"Sweeping for due cover waves every {seconds:g} s.")
        sweeps = 0
        try:
            while not stop.is_set():
                # A long-running process must notice a database that restarted.
                close_old_connections()
                try:
                    self.report(sweep_due_waves(), quiet=verbosity < 2)
                except DatabaseError:
                    logger.exception("The cover wave sweep could not reach the database")
                sweeps += 1
                if max_sweeps is not None and sweeps >= max_sweeps:
                    break
                stop.wait(seconds)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            close_old_connections()
        self.stdout.write(f"Stopped after {sweeps} sweep{'s' if sweeps != 1 else ''}.")

    def report(self, result: SweepResult, *, quiet: bool) -> None:
        """One line per sweep that did something; in a loop, silence when nothing was due."""
        if quiet and not result.due:
            return
        style = self.style.ERROR if result.failed else self.style.SUCCESS
        self.stdout.write(style(result.describe()))
