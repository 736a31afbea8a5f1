"""Local rules: what a council asks of the jobs it funds, on top of PA Hub's core standard.

A council's staff (or a site admin) add, change and retire its rules through
`pahub.rules.services`; everything that builds or matches work (the job builder, cover
requests, matching) reads them through `pahub.rules.queries.requirements_for`, which
combines the rules in force (the strictest wins) and says why, in the council's name.
docs/rules.md describes the kinds of rule and what happens to jobs already open.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from pahub.taxonomy.dbs import DbsLevel


class LocalRule(models.Model):
    class Kind(models.TextChoices):
        DBS_CHECK = "dbs_check", "A DBS check PAs must have"
        MINIMUM_PA_LEVEL = "minimum_pa_level", "A minimum PA Hub level"
        EMPLOYER_INSURANCE_FUNDED = (
            "employer_insurance_funded",
            "The council funds the employer's insurance",
        )

    class AppliesTo(models.TextChoices):
        DIRECT_PAYMENT = "direct_payment", "Jobs paid by a direct payment from the council"
        ALL_JOBS = "all_jobs", "All jobs of employers who live in the council's area"

    council = models.ForeignKey(
        "places.LocalAuthority", on_delete=models.PROTECT, related_name="local_rules"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    applies_to = models.CharField(
        max_length=20, choices=AppliesTo.choices, default=AppliesTo.DIRECT_PAYMENT
    )
    # Only for a DBS rule: the lowest check a PA may have (never "none").
    dbs_level = models.CharField(max_length=20, choices=DbsLevel.choices, blank=True, default="")
    # Only for a level rule: a register level, 1 (entry) to 4 (`pahub.register.levels`).
    pa_level = models.PositiveSmallIntegerField(null=True, blank=True)
    # Only for the insurance rule: how to claim it, what it covers, who to contact.
    funding_details = models.TextField(blank=True)
    explanation = models.CharField(
        max_length=300, help_text="Why the council asks this, in a sentence or two."
    )
    in_force_from = models.DateField()
    is_retired = models.BooleanField(default=False)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_rules_made",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["council", "kind", "in_force_from", "pk"]
        indexes = [models.Index(fields=["council", "is_retired"], name="rules_by_council")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="dbs_check") | ~Q(dbs_level=""),
                name="dbs_rule_names_a_check",
            ),
            models.CheckConstraint(
                condition=~Q(kind="minimum_pa_level") | Q(pa_level__gte=1, pa_level__lte=4),
                name="level_rule_names_a_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council_id}: {self.get_kind_display()}"
