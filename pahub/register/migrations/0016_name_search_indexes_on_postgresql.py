"""GIN indexes for the staff register's name search on PostgreSQL: full-text vectors of a
person's full name and known-as name, and of a profile's display name, with the `simple`
configuration (names are not English: no stemming, no stop words).

Expression indexes rather than stored columns, so the users table (the accounts app's) gains
no column; `search.profiles_named` builds the very same expressions, which is what lets
PostgreSQL use them. Added with SQL because SQLite has neither tsvector nor GIN: there the
search falls back to icontains (pahub/register/search.py), and this migration does nothing.
"""

from django.db import migrations

INDEXES = {
    "register_user_names_search": (
        "accounts_user",
        "to_tsvector('simple'::regconfig, "
        "COALESCE(full_name, '') || ' ' || COALESCE(known_as, ''))",
    ),
    "register_profile_display_name_search": (
        "register_paprofile",
        "to_tsvector('simple'::regconfig, COALESCE(display_name, ''))",
    ),
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))")


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("register", "0015_profile_claim"),
    ]

    operations = [migrations.RunPython(add_indexes, remove_indexes, elidable=False)]
