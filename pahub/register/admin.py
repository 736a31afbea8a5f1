"""Admin for the register: people's records are read here (the taxonomy is `taxonomy/admin.py`).

Profiles, evidence and verifications change through the register's own pages and services,
which check the rules and write the audit log, so the admin shows them read-only (apart
from moderating a profile's own words, which is audited).
"""

from django.contrib import admin
from django.http import HttpRequest

from pahub.core import audit
from pahub.register.models import (
    CodeOfConductVersion,
    CodeSignature,
    DbsRule,
    Evidence,
    ExpiryReminder,
    InductionCompletion,
    PAProfile,
    ProfileLanguage,
    ReferenceRequest,
    VerificationRecord,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records only the register's services may write."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ProfileLanguageInline(admin.TabularInline):
    model = ProfileLanguage
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(PAProfile)
class PAProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "level", "visibility", "is_paused", "updated_at"]
    list_filter = ["level", "visibility", "is_paused", "work_wanted"]
    search_fields = ["display_name", "user__full_name", "user__email", "user__district__outcode"]
    list_select_related = ["user"]
    inlines = [ProfileLanguageInline]
    # Moderation may edit the profile's own words; everything else changes through services.
    moderated_fields = ["display_name", "about_me", "what_matters", "other_interests"]
    exclude = ["photo", "interests", "skills", "visible_in"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        editable = set(self.moderated_fields)
        names = [
            field.name
            for field in PAProfile._meta.fields
            if field.name not in editable and field.name not in self.exclude
        ]
        return [*names, "interest_names", "skill_names", "visible_in_names"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="interests")
    def interest_names(self, profile: PAProfile) -> str:
        return ", ".join(interest.name for interest in profile.interests.all())

    @admin.display(description="skills")
    def skill_names(self, profile: PAProfile) -> str:
        return ", ".join(skill.name for skill in profile.skills.all())

    @admin.display(description="visible in")
    def visible_in_names(self, profile: PAProfile) -> str:
        return ", ".join(area.name for area in profile.visible_in.all())

    def save_model(self, request: HttpRequest, obj: PAProfile, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and form.changed_data:
            audit.record(
                request.user,
                "profile.moderated",
                obj,
                fields=sorted(form.changed_data),
            )


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["profile", "kind", "status", "verified_by_organisation", "verified_at"]
    list_filter = ["kind", "status"]
    search_fields = ["profile__display_name", "profile__user__email", "title"]
    list_select_related = ["profile__user", "verified_by_organisation"]
    exclude = ["document"]


@admin.register(VerificationRecord)
class VerificationRecordAdmin(ReadOnlyAdmin):
    list_display = ["evidence", "outcome", "by", "organisation", "at"]
    list_filter = ["outcome"]
    list_select_related = ["evidence__profile__user", "by", "organisation"]


@admin.register(CodeOfConductVersion)
class CodeOfConductVersionAdmin(ReadOnlyAdmin):
    """Published through the register's own pages, which ask every PA to sign again."""

    list_display = ["number", "title", "published_at"]


@admin.register(CodeSignature)
class CodeSignatureAdmin(ReadOnlyAdmin):
    list_display = ["user", "version", "signed_at"]
    search_fields = ["user__email", "user__full_name"]


@admin.register(ReferenceRequest)
class ReferenceRequestAdmin(ReadOnlyAdmin):
    list_display = ["referee_name", "evidence", "relationship", "sent_at", "answered_at"]
    exclude = ["token_hash"]


@admin.register(InductionCompletion)
class InductionCompletionAdmin(ReadOnlyAdmin):
    list_display = ["user", "completed_on", "source", "organisation"]


@admin.register(ExpiryReminder)
class ExpiryReminderAdmin(ReadOnlyAdmin):
    list_display = ["evidence", "reason", "due_on", "sent_at"]


@admin.register(DbsRule)
class DbsRuleAdmin(admin.ModelAdmin):
    list_display = ["local_authority", "max_certificate_age_months"]
    list_editable = ["max_certificate_age_months"]
    autocomplete_fields = ["local_authority"]
