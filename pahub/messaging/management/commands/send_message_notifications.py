"""Email people about unread messages (batched, no content): run every few minutes.

    manage.py send_message_notifications            # do it now, in this process
    manage.py send_message_notifications --enqueue  # hand it to the task worker instead

Safe to run again or on two machines at once: each person is emailed at most once per
MESSAGE_EMAIL_INTERVAL_MINUTES. See docs/messaging.md for scheduling it.
"""

from django.core.management.base import BaseCommand, CommandParser

from pahub.messaging.notifications import send_pending
from pahub.messaging.tasks import send_message_notifications


class Command(BaseCommand):
    help = "Email people who have unread messages (at most once per interval, no content)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the work for `manage.py db_worker` instead of doing it here.",
        )

    def handle(self, *args, **options) -> None:
        if options["enqueue"]:
            result = send_message_notifications.enqueue()
            self.stdout.write(f"Queued as task {result.id}.")
            return
        run = send_pending()
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.emailed} email{'s' if run.emailed != 1 else ''} sent; "
                f"{run.too_soon} people emailed too recently to email again; "
                f"{run.nothing_new} with nothing new; {run.turned_off} turned emails off."
            )
        )
