"""Make the standard zones after `migrate`, as the learning zone loads its courses, so a
fresh database (and the test database) has them at once. Skipped while the community's own
migrations are not all applied, since the models would not match the tables."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader


def community_fully_migrated(using: str) -> bool:
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    leaves = {node for node in loader.graph.leaf_nodes() if node[0] == "community"}
    return bool(leaves) and leaves <= set(loader.applied_migrations)


def ensure_zones_after_migrate(sender, *, using: str = DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    from pahub.community.forum.zones import zones_ensure

    if using != DEFAULT_DB_ALIAS or not community_fully_migrated(using):
        return
    zones = zones_ensure()
    if verbosity >= 2:
        print(f"  Community: {len(zones)} standard zones")
