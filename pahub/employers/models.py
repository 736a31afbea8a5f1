"""Employers: their profiles, access needs, and the rates an employer's costs depend on (the
legal minimum pay a job must offer among them).

An employer is a user with the employer role; the profile is what PAs and staff see of them.
Who may act for an employer (representatives, staff with recorded consent) is decided in
`pahub.employers.permissions`, the only place that rule lives.
"""

from decimal import Decimal

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


def money(**options) -> models.DecimalField:
    return models.DecimalField(max_digits=9, decimal_places=2, **options)


class TaxYearRates(models.Model):
    """The figures an employer's costs depend on, one row per tax year: the minimum wage,
    holiday, National Insurance, the Employment Allowance, workplace pensions and Statutory
    Sick Pay, each group with the page it was read from.

    Site admins add next year's row in /admin/ before April. The minimum wage changes on
    1 April (from the first pay period starting on or after it); the tax year, and so
    National Insurance, pensions and sick pay, changes on 6 April.
    """

    tax_year_starts = models.DateField(
        unique=True, help_text="6 April, when the tax year starts, e.g. 2026-04-06"
    )
    minimum_wage_from = models.DateField(
        unique=True, help_text="1 April, when this year's minimum wage starts, e.g. 2026-04-01"
    )

    national_living_wage = money(help_text="An hour, for workers aged 21 and over")
    wage_18_to_20 = money(help_text="An hour, for workers aged 18 to 20")
    wage_under_18 = money(help_text="An hour, for workers aged 16 or 17")
    wage_apprentice = money(help_text="An hour, for apprentices")
    accommodation_offset_daily = money(help_text="A day, the most accommodation may count")
    minimum_wage_source = models.CharField(max_length=300)

    holiday_weeks = models.DecimalField(max_digits=4, decimal_places=1, default=Decimal("5.6"))
    irregular_hours_holiday_percent = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal("12.07")
    )
    holiday_source = models.CharField(max_length=300)

    ni_lower_earnings_limit_weekly = money()
    ni_secondary_threshold_weekly = money(help_text="Employer NI is paid on pay above this")
    ni_secondary_threshold_monthly = money()
    ni_secondary_threshold_yearly = money()
    ni_upper_secondary_threshold_weekly = money(
        help_text="Employer NI is 0% up to this for under-21s (and apprentices under 25)"
    )
    ni_upper_secondary_threshold_monthly = money()
    ni_upper_secondary_threshold_yearly = money()
    ni_employer_percent = models.DecimalField(max_digits=5, decimal_places=2)
    national_insurance_source = models.CharField(max_length=300)

    employment_allowance = money(help_text="A year, per employer")
    employment_allowance_source = models.CharField(max_length=300)

    pension_trigger_yearly = money()
    pension_trigger_weekly = money()
    pension_lower_qualifying_yearly = money()
    pension_lower_qualifying_weekly = money()
    pension_upper_qualifying_yearly = money()
    pension_upper_qualifying_weekly = money()
    pension_employer_percent = models.DecimalField(max_digits=5, decimal_places=2)
    pension_source = models.CharField(max_length=300)

    ssp_weekly_rate = money()
    ssp_earnings_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="SSP is this % of average weekly pay when that is lower (from April 2026)",
    )
    ssp_from_first_day = models.BooleanField(
        help_text="Paid from the first day off sick (from April 2026); before, after 3 waiting days"
    )
    ssp_needs_lower_earnings_limit = models.BooleanField(
        help_text="Only PAs paid at least the lower earnings limit get SSP (before April 2026)"
    )
    sick_pay_source = models.CharField(max_length=300)

    class Meta:
        ordering = ["-tax_year_starts"]
        verbose_name = "tax year rates"
        verbose_name_plural = "tax year rates"

    def __str__(self) -> str:
        return f"Rates for {self.tax_year_label}"

    @property
    def tax_year_label(self) -> str:
        start = self.tax_year_starts.year
        return f"{start}/{str(start + 1)[-2:]}"

    def minimum_wage_for(self, band: str) -> Decimal:
        return {
            WageBand.AGED_21_AND_OVER: self.national_living_wage,
            WageBand.AGED_18_TO_20: self.wage_18_to_20,
            WageBand.UNDER_18: self.wage_under_18,
            WageBand.APPRENTICE: self.wage_apprentice,
        }[WageBand(band)]
