import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Skills, categories, interests and languages move here from register, keeping their rows.

    Only Django's picture of the models changes (state): the tables, rows and ids stay as
    register made them, under register's table names until 0002 renames them. Register,
    jobs and cover point their fields here in their own migrations, without touching the
    database, so no join table is dropped.
    """

    initial = True

    dependencies = [
        # The tables exist and hold the starting taxonomy from here on.
        ("register", "0009_profile_district"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SkillCategory",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=80, unique=True)),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        "verbose_name_plural": "skill categories",
                        "ordering": ["position", "name"],
                        "db_table": "register_skillcategory",
                    },
                ),
                migrations.CreateModel(
                    name="Skill",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "code",
                            models.SlugField(
                                help_text="Stable id, e.g. mobility.hoist",
                                max_length=60,
                                unique=True,
                            ),
                        ),
                        ("name", models.CharField(max_length=120)),
                        (
                            "description",
                            models.TextField(help_text="What this means, in plain English."),
                        ),
                        (
                            "is_specialist",
                            models.BooleanField(
                                default=False,
                                help_text="Evidence of this skill counts towards Level 4.",
                            ),
                        ),
                        ("is_active", models.BooleanField(default=True)),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                        (
                            "category",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="skills",
                                to="taxonomy.skillcategory",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["category__position", "position", "name"],
                        "db_table": "register_skill",
                    },
                ),
                migrations.CreateModel(
                    name="Interest",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=60, unique=True)),
                    ],
                    options={"ordering": ["name"], "db_table": "register_interest"},
                ),
                migrations.CreateModel(
                    name="Language",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("code", models.SlugField(max_length=20, unique=True)),
                        ("name", models.CharField(max_length=60, unique=True)),
                        (
                            "is_signed",
                            models.BooleanField(
                                default=False, help_text="A sign language or signing system."
                            ),
                        ),
                    ],
                    options={"ordering": ["name"], "db_table": "register_language"},
                ),
            ],
            database_operations=[],
        ),
    ]
