"""Load the repository's library after `migrate`, as learning loads its courses, so a fresh
database (and the test database) has the guidance and templates at once. Quick and idempotent:
files are only read and hashed; nothing is written for a file that has not changed. Skipped
when the library's own migrations are not all applied."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader


def library_fully_migrated(using: str) -> bool:
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    leaves = {node for node in loader.graph.leaf_nodes() if node[0] == "library"}
    return bool(leaves) and leaves <= set(loader.applied_migrations)


def load_library_after_migrate(sender, *, using: str = DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    from pahub.library.loading import library_load

    if using != DEFAULT_DB_ALIAS or not library_fully_migrated(using):
        return
    results = library_load()
    if verbosity >= 2:
        changed = sum(1 for result in results if result.changed)
        print(f"  Library: {len(results)} resources, {changed} new version(s)")
