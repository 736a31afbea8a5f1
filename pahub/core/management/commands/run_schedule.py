"""The clock for `make run`: runs PA Hub's periodic work (see pahub/core/schedule.py).

manage.py run_schedule          # until stopped (Ctrl+C or SIGTERM)
manage.py run_schedule --once   # everything once, then exit
"""

import signal
import threading

from django.core.management.base import BaseCommand, CommandParser

from pahub.core.schedule import SCHEDULE, run_forever, run_once


class Command(BaseCommand):
    help = "Run PA Hub's periodic work: cover waves, message emails, digests, expiry reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run everything once and exit.")

    def handle(self, *args, **options) -> None:
        if options["once"]:
            for entry in SCHEDULE:
                ok = run_once(entry)
                self.stdout.write(f"{entry.name}: {'done' if ok else 'failed (see the log)'}")
            return
        stop = threading.Event()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signal_number, lambda *_: stop.set())
        self.stdout.write("Running periodic work: " + ", ".join(e.name for e in SCHEDULE))
        run_forever(stop=stop)
