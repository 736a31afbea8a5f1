"""Triggers recording every change to what a job's match is made of, for the in-memory pool of
published jobs (`pahub.jobs.matches.pool`, `pahub.matching.change_triggers`): the job row
(status, district, hours, must-haves), its tasks, required and nice-to-have skills and
interests, and its employer's own interests."""

from django.db import migrations

from pahub.matching.change_triggers import Watched, install, remove

WATCHED = [
    Watched("job", "jobs_job", "j", "id"),
    Watched("job_tasks", "jobs_job_tasks", "j", "job_id"),
    Watched("job_required_skills", "jobs_job_required_skills", "j", "job_id"),
    Watched("job_nice_skills", "jobs_job_nice_skills", "j", "job_id"),
    Watched("job_nice_interests", "jobs_job_nice_interests", "j", "job_id"),
    Watched("employer_interests", "employers_employerprofile_interests", "e", "employerprofile_id"),
]


def add_triggers(apps, schema_editor):
    install(schema_editor, WATCHED)


def remove_triggers(apps, schema_editor):
    remove(schema_editor, WATCHED)


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0003_tax_year_rates"),
        ("jobs", "0007_open_jobs_newest_first_index"),
        ("matching", "0002_profile_change_triggers"),
    ]

    operations = [migrations.RunPython(add_triggers, remove_triggers, elidable=False)]
