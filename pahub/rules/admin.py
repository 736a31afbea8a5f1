from django.contrib import admin

from pahub.rules.models import LocalRule


@admin.register(LocalRule)
class LocalRuleAdmin(admin.ModelAdmin):
    # Read-only here: changes go through the council's rule pages, so they are audited and
    # open jobs follow them.
    list_display = ("council", "kind", "applies_to", "in_force_from", "is_retired")
    list_filter = ("kind", "is_retired")
    search_fields = ("council__name", "explanation")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
