import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Skills, categories, interests and languages are now the taxonomy app's models.

    State only: the profile's join tables (`register_paprofile_skills`,
    `register_paprofile_interests`) and the foreign key columns keep their names and rows,
    so nothing in the database changes here. Jobs and cover re-point their own fields first
    (their migrations run before this one), because the old models go from the state here.
    """

    dependencies = [
        ("register", "0009_profile_district"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="paprofile",
                    name="interests",
                    field=models.ManyToManyField(
                        blank=True, related_name="profiles", to="taxonomy.interest"
                    ),
                ),
                migrations.AlterField(
                    model_name="paprofile",
                    name="skills",
                    field=models.ManyToManyField(
                        blank=True, related_name="profiles", to="taxonomy.skill"
                    ),
                ),
                migrations.AlterField(
                    model_name="profilelanguage",
                    name="language",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.language",
                    ),
                ),
                migrations.AlterField(
                    model_name="evidence",
                    name="skill",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="taxonomy.skill",
                    ),
                ),
                migrations.DeleteModel(name="Skill"),
                migrations.DeleteModel(name="SkillCategory"),
                migrations.DeleteModel(name="Interest"),
                migrations.DeleteModel(name="Language"),
            ],
            database_operations=[],
        ),
    ]
