"""Load the repository's courses after `migrate`, as the places and taxonomy data arrive with
their migrations, so a fresh database (and the test database) has the courses at once.

Quick and idempotent: files are only read and hashed; nothing is written for a module that
has not changed. Skipped when the learning zone's own migrations are not all applied (for
example after `migrate learning zero`), since the models would not match the tables.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader


def learning_fully_migrated(using: str) -> bool:
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    leaves = {node for node in loader.graph.leaf_nodes() if node[0] == "learning"}
    return bool(leaves) and leaves <= set(loader.applied_migrations)


def load_courses_after_migrate(sender, *, using: str = DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    from pahub.learning.courses.loading import courses_load

    if using != DEFAULT_DB_ALIAS or not learning_fully_migrated(using):
        return
    results = courses_load()
    if verbosity >= 2:
        for result in results:
            print(f"  Course {result.course.slug}: {result.new_versions} new module version(s)")
