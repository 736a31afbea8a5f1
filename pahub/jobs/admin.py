"""Admin for jobs: jobs, applications and saved searches change only through their
services, which check the rules and write the audit log, so the admin shows them read-only.
"""

from django.contrib import admin
from django.http import HttpRequest

from pahub.jobs.models import Application, Job, SavedSearch


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records only the jobs services may write."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = [
        "title",
        "employer",
        "status",
        "district",
        "hours_per_week",
        "hourly_pay",
        "posted_by_organisation",
        "published_at",
    ]
    list_filter = ["status", "kind", "local_authority", "required_dbs"]
    search_fields = ["title", "employer__email", "employer__full_name"]
    list_select_related = ["employer", "district", "posted_by_organisation"]
    date_hierarchy = "created_at"


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["job", "pa", "origin", "status", "created_at", "decided_at"]
    list_filter = ["status", "origin"]
    search_fields = ["job__title", "pa__email", "pa__full_name"]
    list_select_related = ["job", "pa"]


@admin.register(SavedSearch)
class SavedSearchAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "kind", "alerts_enabled", "last_alerted_at", "created_at"]
    list_filter = ["kind", "alerts_enabled"]
    search_fields = ["name", "user__email"]
    list_select_related = ["user"]
