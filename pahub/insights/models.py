"""Materialised summaries: the counts dashboards read, refreshed from every app's queries.

A dashboard never counts 200,000 profiles while someone waits. `summaries.refresh` asks each
registered collector for its counts (GROUP BY queries in the apps that own the rows) and
replaces that collector's facts in one transaction; pages then sum a few hundred facts for
the areas and months they show (docs/insights.md).
"""

from django.db import models


class Fact(models.Model):
    # "workforce.level", "demand.time_to_fill_days": `<collector>.<measure>`.
    metric = models.CharField(max_length=80)
    # Plain codes rather than foreign keys: facts are replaced wholesale, never joined, and a
    # summary outlives nothing it counts.
    local_authority_id = models.CharField(max_length=9)
    district_id = models.CharField(max_length=4, blank=True)
    # The first day of the month the count belongs to; null for a count of "now" (the
    # register as it stands at the refresh).
    month = models.DateField(null=True, blank=True)
    # What the count is broken down by: a level ("2"), a skill code, a time of day
    # ("mon_morning"), an answer ("declined"). Up to two, for cross-tabulations.
    dimension = models.CharField(max_length=80, blank=True)
    dimension_2 = models.CharField(max_length=80, blank=True)
    value = models.BigIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["metric", "local_authority_id", "month"], name="insights_fact_lookup"
            )
        ]

    def __str__(self) -> str:
        return f"{self.metric} {self.local_authority_id} {self.dimension}={self.value}"


class Refresh(models.Model):
    """When each collector's facts were last rebuilt, shown on every dashboard."""

    collector = models.CharField(max_length=40, primary_key=True)
    refreshed_at = models.DateTimeField()
    fact_count = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    def __str__(self) -> str:
        return f"{self.collector} at {self.refreshed_at:%Y-%m-%d %H:%M}"
