"""Admin for employers. The tax year rates (minimum wage, National Insurance, pensions, sick
pay) are edited here: add next year's row before 1 April. Employer profiles are read here.

Employer profiles change only through their services, which check the rules and write the
audit log, so the admin shows them read-only. Their access needs are special-category data:
the list does not show them, and opening one is audited.
"""

from django.contrib import admin
from django.http import HttpRequest

from pahub.core import audit
from pahub.employers.models import EmployerProfile, TaxYearRates


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records only the employers services may write."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(TaxYearRates)
class TaxYearRatesAdmin(admin.ModelAdmin):
    list_display = [
        "tax_year_starts",
        "national_living_wage",
        "ni_secondary_threshold_weekly",
        "ni_employer_percent",
        "employment_allowance",
        "ssp_weekly_rate",
    ]
    ordering = ["-tax_year_starts"]
    fieldsets = [
        ("Tax year", {"fields": ["tax_year_starts", "minimum_wage_from"]}),
        (
            "Minimum wage (an hour)",
            {
                "fields": [
                    "national_living_wage",
                    "wage_18_to_20",
                    "wage_under_18",
                    "wage_apprentice",
                    "accommodation_offset_daily",
                    "minimum_wage_source",
                ]
            },
        ),
        (
            "Holiday",
            {"fields": ["holiday_weeks", "irregular_hours_holiday_percent", "holiday_source"]},
        ),
        (
            "Employer National Insurance",
            {
                "fields": [
                    "ni_lower_earnings_limit_weekly",
                    "ni_secondary_threshold_weekly",
                    "ni_secondary_threshold_monthly",
                    "ni_secondary_threshold_yearly",
                    "ni_upper_secondary_threshold_weekly",
                    "ni_upper_secondary_threshold_monthly",
                    "ni_upper_secondary_threshold_yearly",
                    "ni_employer_percent",
                    "national_insurance_source",
                    "employment_allowance",
                    "employment_allowance_source",
                ]
            },
        ),
        (
            "Workplace pension (automatic enrolment)",
            {
                "fields": [
                    "pension_trigger_yearly",
                    "pension_trigger_weekly",
                    "pension_lower_qualifying_yearly",
                    "pension_lower_qualifying_weekly",
                    "pension_upper_qualifying_yearly",
                    "pension_upper_qualifying_weekly",
                    "pension_employer_percent",
                    "pension_source",
                ]
            },
        ),
        (
            "Statutory Sick Pay",
            {
                "fields": [
                    "ssp_weekly_rate",
                    "ssp_earnings_percent",
                    "ssp_from_first_day",
                    "ssp_needs_lower_earnings_limit",
                    "sick_pay_source",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        audit.record(
            request.user,
            "tax_year_rates.changed" if change else "tax_year_rates.added",
            obj,
            changed=sorted(form.changed_data),
        )

    def delete_model(self, request, obj) -> None:
        audit.record(request.user, "tax_year_rates.deleted", obj)
        super().delete_model(request, obj)


@admin.register(EmployerProfile)
class EmployerProfileAdmin(ReadOnlyAdmin):
    list_display = ["display_name", "user", "district", "local_authority", "updated_at"]
    list_filter = ["local_authority"]
    search_fields = ["display_name", "user__email", "user__full_name"]
    list_select_related = ["user", "district", "local_authority"]
    fields = [
        "user",
        "display_name",
        "district",
        "local_authority",
        "what_matters",
        "interests",
        "other_interests",
        "access_needs",
        "access_needs_other",
        "share_access_needs_with_pas",
        "created_by",
        "created_at",
        "updated_at",
    ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        profile = self.get_object(request, object_id)
        if profile is not None:
            audit.record_view(request.user, profile)
        return super().change_view(request, object_id, form_url, extra_context)
