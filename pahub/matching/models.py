"""The matching pool's change feed: one row for each write to anything a match is made of.

Rows are written by database triggers (`pahub.matching.change_triggers`, installed by
migrations), not by Python, so every way a row can change is caught: `save()`,
`QuerySet.update()`, bulk loads, the admin and raw SQL alike. Each process's in-memory pool
(`pahub.matching.pool`) reads the rows newer than the last it saw and reloads just those
profiles or jobs. `prune_pool_changes` (periodic) deletes rows older than a day.
"""

from django.db import models


class PoolChange(models.Model):
    class Kind(models.TextChoices):
        PROFILE = "p", "PA profile"
        USER = "u", "User (a PA's home area)"
        JOB = "j", "Job"
        EMPLOYER = "e", "Employer profile (their interests)"

    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=1, choices=Kind.choices)
    # The changed row's owner: a profile, user, job or employer profile id.
    object_id = models.BigIntegerField()
    changed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "matching pool change"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id} at {self.changed_at:%Y-%m-%d %H:%M}"
