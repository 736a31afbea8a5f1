"""`manage.py load_courses`: make the database match the courses kept in the repository.

Also runs after every `migrate`. Safe to repeat: unchanged modules are left alone.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pahub.learning.courses.loading import CONTENT_DIR, CourseContentError, courses_load


class Command(BaseCommand):
    help = "Load the courses in pahub/learning/content/courses/ (new versions where changed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", type=Path, default=CONTENT_DIR, help="Course folders' home")

    def handle(self, *args, dir: Path, **options) -> None:
        try:
            results = courses_load(dir)
        except CourseContentError as error:
            raise CommandError(str(error)) from error
        for result in results:
            self.stdout.write(
                f"{result.course.slug}: version {result.course.version}, "
                f"{result.new_versions} new module version(s), {result.retired} retired"
                + (" (new course)" if result.created else "")
            )
