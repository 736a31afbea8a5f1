"""An index on the users' full names (then ids), on PostgreSQL, for the staff register
search, which lists PAs in that order 25 at a time: with it, a page of a whole region is read
in name order from the index and stops after the page, instead of sorting every PA in scope
first (bench/register_search_bench.py, 200,000 PAs, all spokes, page 40: 490 to 50 ms).

Not on SQLite: without statistics its planner walks this index even when a narrow filter
(a name, a skill and a language) leaves a few dozen PAs, reading all 200,000 users in order
(12 s instead of 0.5 s), so there the search keeps sorting what it found.

On the accounts app's table, but made here because the register search is what needs it;
Django's model state does not track it.
"""

from django.db import migrations

INDEX = "register_user_name_order"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON accounts_user (full_name, id)")


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("register", "0016_name_search_indexes_on_postgresql"),
    ]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]
