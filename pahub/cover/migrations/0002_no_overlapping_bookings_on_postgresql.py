"""On PostgreSQL, the database itself refuses a second confirmed booking for a PA that overlaps
one they already hold. SQLite has no exclusion constraints; the booking service serialises
confirmations there instead (docs/adr/003-no-double-booking.md).

The constraint is added with SQL rather than in Meta.constraints because Django would then try
to create it on SQLite too.
"""

from django.db import migrations

CONSTRAINT = "cover_booking_no_overlap_per_pa"


def add_exclusion_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE cover_booking ADD CONSTRAINT {CONSTRAINT} "
        "EXCLUDE USING gist (pa_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
        "WHERE (status = 'confirmed')"
    )


def remove_exclusion_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE cover_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("cover", "0001_initial")]

    operations = [migrations.RunPython(add_exclusion_constraint, remove_exclusion_constraint)]
