import django.db.models.deletion
from django.db import migrations, models


def m2m(related_name: str, to: str) -> models.ManyToManyField:
    return models.ManyToManyField(blank=True, related_name=related_name, to=to)


class Migration(migrations.Migration):
    """Point jobs' and employer profiles' vocabulary at the taxonomy app (see taxonomy.0001).

    State only: the join tables (`jobs_job_tasks`, `jobs_employerprofile_interests`, ...)
    and `required_language_id` keep their names and rows; only Django's picture changes.
    """

    dependencies = [
        ("jobs", "0003_minimum_wage_rates"),
        ("taxonomy", "0001_initial"),
    ]
    # Register drops its old models from the state there, so nothing may still name them.
    run_before = [("register", "0010_taxonomy_moves_out")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="employerprofile",
                    name="interests",
                    field=m2m("employer_profiles", "taxonomy.interest"),
                ),
                migrations.AlterField(
                    model_name="job", name="tasks", field=m2m("jobs_as_task", "taxonomy.skill")
                ),
                migrations.AlterField(
                    model_name="job",
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
                    model_name="job",
                    name="required_skills",
                    field=m2m("jobs_requiring", "taxonomy.skill"),
                ),
                migrations.AlterField(
                    model_name="job", name="nice_interests", field=m2m("+", "taxonomy.interest")
                ),
                migrations.AlterField(
                    model_name="job", name="nice_skills", field=m2m("+", "taxonomy.skill")
                ),
            ],
            database_operations=[],
        ),
    ]
