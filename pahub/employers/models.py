"""Employers: their profiles, access needs, and the legal minimum pay a job must offer.

An employer is a user with the employer role; the profile is what PAs and staff see of them.
Who may act for an employer (representatives, staff with recorded consent) is decided in
`pahub.employers.permissions`, the only place that rule lives.
"""

from django.conf import settings
from django.db import models


class AccessNeed(models.TextChoices):
    """How an employer needs the hub (and people from it) to communicate with them."""

    LARGE_PRINT = "large_print", "Large print"
    BSL = "bsl", "British Sign Language"
    EASY_READ = "easy_read", "Easy read"
    PHONE = "phone", "Contact by phone rather than in writing"
    SCREEN_READER = "screen_reader", "I use a screen reader"
    SOMEONE_WITH_ME = "someone_with_me", "Someone to be with me when we talk"


class EmployerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_profile"
    )
    display_name = models.CharField(
        max_length=80, help_text="How PAs see you; need not be your legal name."
    )
    # The full postcode is private; only its district is ever shown.
    postcode = models.CharField(max_length=8)
    district = models.ForeignKey(
        "places.District", on_delete=models.PROTECT, related_name="employer_profiles"
    )
    local_authority = models.ForeignKey(
        "places.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="employer_profiles",
    )
    what_matters = models.TextField(blank=True)
    interests = models.ManyToManyField(
        "taxonomy.Interest", blank=True, related_name="employer_profiles"
    )
    other_interests = models.JSONField(default=list, blank=True)
    access_needs = models.JSONField(default=list, blank=True)
    access_needs_other = models.CharField(max_length=300, blank=True)
    # Access needs are shown to staff; to PAs only when the employer says so.
    share_access_needs_with_pas = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.display_name

    @property
    def access_need_labels(self) -> list[str]:
        labels = dict(AccessNeed.choices)
        shown = [labels[need] for need in self.access_needs if need in labels]
        if self.access_needs_other:
            shown.append(self.access_needs_other)
        return shown


class WageBand(models.TextChoices):
    AGED_21_AND_OVER = "21_and_over", "National Living Wage (21 and over)"
    AGED_18_TO_20 = "18_to_20", "18 to 20"
    UNDER_18 = "under_18", "Under 18"
    APPRENTICE = "apprentice", "Apprentice"


class MinimumWageRate(models.Model):
    """The legal minimum hourly pay per band, for each tax year (from 1 April)."""

    tax_year_starts = models.DateField(help_text="1 April of the tax year, e.g. 2026-04-01")
    band = models.CharField(max_length=12, choices=WageBand.choices)
    hourly_rate = models.DecimalField(max_digits=6, decimal_places=2)
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["-tax_year_starts", "band"]
        constraints = [
            models.UniqueConstraint(fields=["tax_year_starts", "band"], name="one_rate_per_band"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_band_display()} from {self.tax_year_starts:%-d %B %Y}: £{self.hourly_rate}"
        )

    @property
    def tax_year_label(self) -> str:
        start = self.tax_year_starts.year
        return f"{start}/{str(start + 1)[-2:]}"
