from django.db import migrations

MODELS = ("skillcategory", "skill", "interest", "language")


def move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    """Carry admin permissions and history with the models by relabelling their content types.

    On a new database there are none yet (Django makes them after migrating), so this is a
    no-op there.
    """
    content_type = apps.get_model("contenttypes", "ContentType")
    rows = content_type.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        if rows.filter(app_label=target, model=model).exists():
            continue
        rows.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor) -> None:
    move_content_types(apps, schema_editor, source="register", target="taxonomy")


def backwards(apps, schema_editor) -> None:
    move_content_types(apps, schema_editor, source="taxonomy", target="register")


class Migration(migrations.Migration):
    """Rename register's taxonomy tables to the taxonomy app's own names.

    A plain table rename: rows, ids and the foreign keys pointing at them are kept (SQLite
    and PostgreSQL both carry references across `ALTER TABLE ... RENAME TO`). The join
    tables belong to the models that hold the many-to-many fields, so they keep their names.
    """

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("taxonomy", "0001_initial"),
        # Register no longer has these models, so the old names are free of any state.
        ("register", "0010_taxonomy_moves_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="skillcategory", table=None),
        migrations.AlterModelTable(name="skill", table=None),
        migrations.AlterModelTable(name="interest", table=None),
        migrations.AlterModelTable(name="language", table=None),
        migrations.RunPython(forwards, backwards),
    ]
