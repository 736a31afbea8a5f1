"""`manage.py load_library`: make the shared library match the files kept in the repository.

Also runs after every `migrate`. Safe to repeat: unchanged files are left alone.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pahub.library.loading import CONTENT_DIR, LibraryContentError, library_load


class Command(BaseCommand):
    help = "Load pahub/library/content/guidance and templates (new versions where changed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", type=Path, default=CONTENT_DIR, help="The content folder")

    def handle(self, *args, dir: Path, **options) -> None:
        try:
            results = library_load(dir)
        except LibraryContentError as error:
            raise CommandError(str(error)) from error
        for result in results:
            state = "new" if result.created else "new version" if result.changed else "unchanged"
            self.stdout.write(f"{result.slug}: version {result.number} ({state})")
