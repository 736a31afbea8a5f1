"""Triggers recording a change of a PA's name or district (see
`pahub.matching.change_triggers`), for the register's in-memory search index
(`pahub.register.search_index`), which lists PAs by name and filters by district; its home
area was already watched (0002)."""

from django.db import migrations

from pahub.matching.change_triggers import Watched, install, remove

WATCHED = [
    Watched("user_name", "accounts_user", "u", "id", only_when="full_name"),
    Watched("user_known_as", "accounts_user", "u", "id", only_when="known_as"),
    Watched("user_district", "accounts_user", "u", "id", only_when="district_id"),
]


def add_triggers(apps, schema_editor):
    install(schema_editor, WATCHED)


def remove_triggers(apps, schema_editor):
    remove(schema_editor, WATCHED)


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_profile_change_triggers")]

    operations = [migrations.RunPython(add_triggers, remove_triggers, elidable=False)]
