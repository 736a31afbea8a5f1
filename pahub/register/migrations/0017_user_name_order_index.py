"""An index on the users' full names (then ids), for the staff register search, which lists
PAs in that order 25 at a time: with it, a page of the whole register is read in name order
from the index and stops after the page, instead of sorting every PA in scope first
(bench/register_search_bench.py, PostgreSQL, all spokes, page 40: 490 to 50 ms).

On the accounts app's table, but made here, in SQL both databases understand, because the
register search is what needs it; Django's model state does not track it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("register", "0016_name_search_indexes_on_postgresql"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS register_user_name_order ON accounts_user (full_name, id)",
            "DROP INDEX IF EXISTS register_user_name_order",
            elidable=False,
        )
    ]
