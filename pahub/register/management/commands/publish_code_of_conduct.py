"""Publish a new version of the code of conduct, recheck levels and ask PAs to sign again."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pahub.accounts.models import User
from pahub.register.code.services import CodeError, code_publish_version


class Command(BaseCommand):
    help = (
        "Publish the text in --file as the next version of the code of conduct. Every PA "
        "must sign it again; levels that need a signed code lapse until they do."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", required=True, help="UTF-8 text; sections start '## '")
        parser.add_argument("--summary", required=True, help="What has changed, for PAs")
        parser.add_argument("--by", help="Email of the site admin publishing it (audited)")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            body = path.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        by = None
        if options["by"]:
            by = User.objects.filter(email__iexact=options["by"], is_superuser=True).first()
            if by is None:
                raise CommandError(f"No site administrator has the email {options['by']}.")
        try:
            published = code_publish_version(
                body=body, summary_of_changes=options["summary"], by=by, recheck_now=True
            )
        except CodeError as error:
            raise CommandError(str(error)) from error
        recheck = published.recheck
        self.stdout.write(
            self.style.SUCCESS(f"Published version {published.version.number}.")
            + f" Rechecked {recheck.profiles_rechecked} profiles; "
            f"{recheck.levels_dropped} levels lapsed; emailed {recheck.pas_emailed} PAs."
        )
