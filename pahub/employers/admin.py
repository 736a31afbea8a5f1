"""Admin for employers. The minimum wage table is edited here (add next year's rates before
1 April); employer profiles are read here.

Employer profiles change only through their services, which check the rules and write the
audit log, so the admin shows them read-only. Their access needs are special-category data:
the list does not show them, and opening one is audited.
"""

from django.contrib import admin
from django.http import HttpRequest

from pahub.core import audit
from pahub.employers.models import EmployerProfile, MinimumWageRate


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records only the employers services may write."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(MinimumWageRate)
class MinimumWageRateAdmin(admin.ModelAdmin):
    list_display = ["tax_year_starts", "band", "hourly_rate", "source"]
    list_filter = ["tax_year_starts", "band"]
    ordering = ["-tax_year_starts", "band"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        audit.record(
            request.user,
            "minimum_wage_rate.changed" if change else "minimum_wage_rate.added",
            obj,
            hourly_rate=str(obj.hourly_rate),
        )


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
