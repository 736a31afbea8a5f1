"""Print who to sign in as to try PA Hub with the demo data, and the shared password."""

from django.core.management.base import BaseCommand

from pahub.setup.demo import DEMO_PASSWORD, demo_people_present


class Command(BaseCommand):
    help = "List the demo accounts and their shared password."

    def handle(self, *args, **options) -> None:
        present = demo_people_present()
        if not present:
            self.stdout.write(
                "There are no demo accounts in this database. "
                "Create them with `manage.py demo_data`."
            )
            return
        rows = [("Role", "Email")] + [(person.description, user.email) for person, user in present]
        width = max(len(role) for role, _ in rows)
        rule = "-" * (width + 2 + max(len(email) for _, email in rows))
        self.stdout.write("Demo accounts")
        self.stdout.write(rule)
        for index, (role, email) in enumerate(rows):
            self.stdout.write(f"{role.ljust(width)}  {email}")
            if index == 0:
                self.stdout.write(rule)
        self.stdout.write(rule)
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write(
            "Staff and the site admin have no two-factor yet: the first staff page they open\n"
            "(/staff/ or /admin/) asks them to set it up with an authenticator app\n"
            "(Google Authenticator, Microsoft Authenticator, 2FAS, Aegis, ...)."
        )
