from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="PoolChange",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("p", "PA profile"),
                            ("u", "User (a PA's home area)"),
                            ("j", "Job"),
                            ("e", "Employer profile (their interests)"),
                        ],
                        max_length=1,
                    ),
                ),
                ("object_id", models.BigIntegerField()),
                ("changed_at", models.DateTimeField(db_index=True)),
            ],
            options={"verbose_name": "matching pool change"},
        ),
    ]
