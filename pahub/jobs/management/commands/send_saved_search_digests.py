"""Email saved-search digests: run once a day.

    manage.py send_saved_search_digests            # do it now, in this process
    manage.py send_saved_search_digests --enqueue  # hand it to the task worker instead

Safe to run again: a person gets at most one digest in 20 hours and each result is listed
once. See docs/vacancies-and-applications.md for scheduling it with cron or a systemd timer.
"""

from django.core.management.base import BaseCommand, CommandParser

from pahub.jobs.saved_searches import run_digests
from pahub.jobs.tasks import send_saved_search_digests


class Command(BaseCommand):
    help = "Email each person the new results of their saved searches (daily)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the work for `manage.py db_worker` instead of doing it here.",
        )

    def handle(self, *args, **options) -> None:
        if options["enqueue"]:
            result = send_saved_search_digests.enqueue()
            self.stdout.write(f"Queued as task {result.id}.")
            return
        run = run_digests()
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.emails_sent} digest{'s' if run.emails_sent != 1 else ''} sent, "
                f"{run.new_results} new result{'s' if run.new_results != 1 else ''}; "
                f"{run.people_checked} people checked, {run.skipped_recent} already had "
                "one today."
            )
        )
