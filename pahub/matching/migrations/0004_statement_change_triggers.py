"""The change triggers of 0002 again, made as `pahub.matching.change_triggers` now makes them:
on PostgreSQL once a statement rather than once a row (the same changes recorded, in one
insert a statement). The triggers that watch one column stay a row's; SQLite's are as they
were."""

from importlib import import_module

from django.db import migrations

from pahub.matching.change_triggers import install, remove

WATCHED = import_module("pahub.matching.migrations.0002_profile_change_triggers").WATCHED


def reinstall(apps, schema_editor):
    remove(schema_editor, WATCHED)
    install(schema_editor, WATCHED)


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_user_name_change_triggers")]

    # Backwards the triggers stay as the code makes them: either kind records the same rows.
    operations = [migrations.RunPython(reinstall, reinstall, elidable=False)]
