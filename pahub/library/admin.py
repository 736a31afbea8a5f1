"""Site admins set a resource's owner here (who is reminded to review it). Content changes go
through the library's own pages, so every change is a version: those fields are read-only."""

from django.contrib import admin

from pahub.library.models import Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "local_authority", "owner", "review_due_on")
    list_filter = ("kind",)
    search_fields = ("title", "slug")
    fields = ("title", "slug", "kind", "local_authority", "owner", "review_due_on")
    readonly_fields = ("title", "slug", "kind", "local_authority", "review_due_on")
    autocomplete_fields = ("owner",)

    def has_add_permission(self, request) -> bool:
        return False  # a resource begins as a version: from the repository or the pages

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # its history is kept
