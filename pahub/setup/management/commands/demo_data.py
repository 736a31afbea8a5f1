"""Create the demo organisations and people for `make run` (see pahub/setup/demo.py)."""

from django.core.management.base import BaseCommand, CommandParser

from pahub.accounts.models import User
from pahub.insights import summaries
from pahub.setup.demo import demo_data_create


class Command(BaseCommand):
    help = "Create demo organisations and people who share one password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if anyone has an account already (what `make run` uses).",
        )

    def handle(self, *args, **options) -> None:
        if options["if_empty"] and User.objects.exists():
            self.stdout.write("Demo data: people already have accounts, so nothing was added.")
            return
        summary = demo_data_create()
        if not (summary.organisations_created or summary.people_created):
            self.stdout.write("Demo data: everything was there already.")
            return
        # So the demo commissioner's dashboards have figures at once, not after an hour.
        facts = sum(summaries.refresh().values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {summary.organisations_created} organisations, "
                f"{summary.people_created} people and "
                f"{summary.representations_created} representatives added. "
                "`manage.py demo_logins` lists them."
            )
        )
        self.stdout.write(f"Insights: {facts} figures made from the data.")
