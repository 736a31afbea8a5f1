"""Send DBS expiry reminders and lapse levels whose evidence expired: run once a day.

    manage.py send_expiry_reminders            # do it now, in this process
    manage.py send_expiry_reminders --enqueue  # hand it to the task worker instead

Safe to run again: each reminder is sent once, and a level is only recomputed while it still
counts expired evidence. See docs/register-verification.md for scheduling it with cron or a
systemd timer.
"""

from django.core.management.base import BaseCommand, CommandParser

from pahub.register.reminders import Reason, run_daily
from pahub.register.tasks import send_expiry_reminders


class Command(BaseCommand):
    help = "Send DBS expiry reminders and recompute levels whose evidence has expired."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the work for `manage.py db_worker` instead of doing it here.",
        )

    def handle(self, *args, **options) -> None:
        if options["enqueue"]:
            result = send_expiry_reminders.enqueue()
            self.stdout.write(f"Queued as task {result.id}.")
            return
        run = run_daily()
        self.stdout.write(
            f"Levels: {run.levels_recomputed} recomputed, {run.levels_lowered} lowered "
            "because evidence expired."
        )
        for reason, label in Reason.LABELS.items():
            if run.sent[reason]:
                self.stdout.write(f"Reminders sent, {label.lower()}: {run.sent[reason]}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.sent_total} reminder{'s' if run.sent_total != 1 else ''} sent; "
                f"{run.already_sent} were already sent before."
            )
        )
