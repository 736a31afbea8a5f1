"""Saved support plans: the answers to the cost calculator, kept for an employer.

The answers are kept as typed (in `answers`, checked by the same form as the page), and the
costs are worked out again each time a plan is opened, so a plan saved in March shows the
new year's rates when its date is moved into April.
"""

from django.conf import settings
from django.db import models


class CostPlan(models.Model):
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cost_plans"
    )
    name = models.CharField(max_length=80)
    costed_on = models.DateField(help_text="The tax year of this date gives the rates")
    answers = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.name
