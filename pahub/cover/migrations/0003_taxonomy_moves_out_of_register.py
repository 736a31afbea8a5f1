import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Point cover requests' vocabulary at the taxonomy app (see taxonomy.0001).

    State only: the join tables and `required_language_id` keep their names and rows.
    """

    dependencies = [
        ("cover", "0002_no_overlapping_bookings_on_postgresql"),
        ("taxonomy", "0001_initial"),
    ]
    # Register drops its old models from the state there, so nothing may still name them.
    run_before = [("register", "0010_taxonomy_moves_out")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="coverrequest",
                    name="tasks",
                    field=models.ManyToManyField(
                        blank=True, related_name="cover_requests", to="taxonomy.skill"
                    ),
                ),
                migrations.AlterField(
                    model_name="coverrequest",
                    name="required_language",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.language",
                    ),
                ),
                migrations.AlterField(
                    model_name="coverrequest",
                    name="required_skills",
                    field=models.ManyToManyField(blank=True, related_name="+", to="taxonomy.skill"),
                ),
            ],
            database_operations=[],
        ),
    ]
