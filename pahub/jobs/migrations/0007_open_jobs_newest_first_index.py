# The feed and the job search without a place list the newest open jobs first: an index in
# that order reads the first page without sorting every open job.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0006_job_paid_by_direct_payment_job_required_level"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="job",
            index=models.Index(fields=["status", "-published_at", "-id"], name="jobs_open_newest"),
        ),
    ]
