from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from pahub.accounts.models import (
    ApiKey,
    Membership,
    Organisation,
    OrganisationConsent,
    Representation,
    StaffInvitation,
    User,
    UserRole,
)


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "district", "local_authority", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", "local_authority"]
    search_fields = ["email", "full_name", "known_as"]
    raw_id_fields = ["district"]
    inlines = [UserRoleInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Personal details", {"fields": ["full_name", "known_as", "phone", "postcode"]}),
        ("Place", {"fields": ["district", "local_authority"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "verifies_evidence"]
    list_filter = ["kind", "verifies_evidence"]
    search_fields = ["name"]
    filter_horizontal = ["local_authorities"]
    inlines = [MembershipInline]


@admin.register(Representation)
class RepresentationAdmin(admin.ModelAdmin):
    list_display = ["representative", "employer", "relationship", "status", "granted_at"]
    list_filter = ["status"]
    raw_id_fields = ["employer", "representative", "granted_by"]


@admin.register(StaffInvitation)
class StaffInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    exclude = ["token"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "created_by", "created_at", "last_used_at"]

    def has_add_permission(self, request) -> bool:
        # Keys are made on the staff pages, which show the secret once.
        return False


@admin.register(OrganisationConsent)
class OrganisationConsentAdmin(admin.ModelAdmin):
    """Consents change only through the register and employers services (audited)."""

    list_display = [
        "person",
        "purpose",
        "organisation",
        "recorded_by",
        "recorded_at",
        "withdrawn_at",
    ]
    list_filter = ["purpose", "organisation"]
    search_fields = ["person__email", "person__full_name", "organisation__name"]
    list_select_related = ["person", "organisation", "recorded_by"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
