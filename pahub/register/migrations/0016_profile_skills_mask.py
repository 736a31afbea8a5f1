from django.db import migrations, models

# Every existing profile's mask from its skill rows: skill n is bit n - 1, for skills 1 to 63
# (`register.skills_mask`). A profile lists each skill once, so the sum of the bits is their OR
# (SQLite has no bitwise OR aggregate). BIGINT throughout: PostgreSQL's 1 is a 32-bit integer.
BACKFILL = """
UPDATE register_paprofile SET skills_mask = COALESCE((
    SELECT CAST(SUM(CAST(1 AS BIGINT) << (register_paprofile_skills.skill_id - 1)) AS BIGINT)
    FROM register_paprofile_skills
    WHERE register_paprofile_skills.paprofile_id = register_paprofile.id
    AND register_paprofile_skills.skill_id BETWEEN 1 AND 63
), 0)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0015_profile_claim"),
    ]

    operations = [
        migrations.AddField(
            model_name="paprofile",
            name="skills_mask",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
