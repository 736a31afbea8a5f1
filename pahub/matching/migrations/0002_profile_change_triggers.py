"""Triggers recording every change to what a PA's match is made of (see
`pahub.matching.change_triggers`): the profile row (its masks, availability, travel,
visibility, pause, level...), its languages and chosen areas, and the PA's home area."""

from django.db import migrations

from pahub.matching.change_triggers import Watched, install, remove

WATCHED = [
    Watched("profile", "register_paprofile", "p", "id"),
    Watched("profile_language", "register_profilelanguage", "p", "profile_id"),
    Watched("profile_area", "register_paprofile_visible_in", "p", "paprofile_id"),
    Watched("user_area", "accounts_user", "u", "id", only_when="local_authority_id"),
]


def add_triggers(apps, schema_editor):
    install(schema_editor, WATCHED)


def remove_triggers(apps, schema_editor):
    remove(schema_editor, WATCHED)


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        ("accounts", "0005_membership_views_insights"),
        ("register", "0019_profile_matching_index_with_masks"),
    ]

    operations = [migrations.RunPython(add_triggers, remove_triggers, elidable=False)]
