from django.contrib import admin
from django.http import HttpRequest

from pahub.places.models import District, DistrictLocalAuthority, LocalAuthority


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "gss_code", "region_name", "is_spoke"]
    list_filter = ["is_spoke", "region_name"]
    # Switching a spoke on is the everyday admin task here, so it is editable in the list.
    list_editable = ["is_spoke"]
    search_fields = ["name", "gss_code"]
    readonly_fields = ["gss_code", "name", "region_name"]
    fieldsets = [
        (None, {"fields": ["gss_code", "name", "region_name", "is_spoke"]}),
        (
            "Local support organisation",
            {"fields": ["support_phone", "support_email", "support_url"]},
        ),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Authorities come from the ONS data (manage.py load_places), never typed in.
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: LocalAuthority | None = None
    ) -> bool:
        return False


class DistrictLocalAuthorityInline(admin.TabularInline):
    model = DistrictLocalAuthority
    fields = ["local_authority", "postcode_count"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: District | None = None) -> bool:
        return False


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    """Read-only: districts are loaded from Code-Point Open and re-synced by load_places."""

    list_display = ["outcode", "local_authority", "postcode_count", "latitude", "longitude"]
    list_filter = ["local_authority__is_spoke", "local_authority__region_name"]
    list_select_related = ["local_authority"]
    search_fields = ["outcode", "local_authority__name"]
    fields = ["outcode", "local_authority", "postcode_count", "latitude", "longitude"]
    readonly_fields = fields
    inlines = [DistrictLocalAuthorityInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: District | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: District | None = None) -> bool:
        return False
