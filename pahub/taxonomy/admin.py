"""Admin for the shared taxonomy: admins edit skills, categories, interests and languages here.

Skills are named by code in profiles, evidence, jobs and the API, so a code cannot change
once made; everything else about a skill can.
"""

import re

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from pahub.core.forms import ModelForm
from pahub.taxonomy.models import Interest, Language, Skill, SkillCategory

SKILL_CODE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")


class SkillAdminForm(ModelForm):
    """Codes like `mobility.hoist` have a dot, which a SlugField's own check refuses."""

    code = forms.CharField(
        max_length=60,
        help_text="Stable id: lower case, like mobility.hoist. It cannot change later.",
    )

    class Meta:
        model = Skill
        fields = ["code", "category", "name", "description", "is_specialist", "is_active"]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not SKILL_CODE.match(code):
            raise forms.ValidationError(
                "Use lower-case letters, numbers and underscores, with dots between parts, "
                "like mobility.hoist"
            )
        return code

    def _get_validation_exclusions(self):
        # The form checks the code itself (above); the model's slug check would refuse dots.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("code")
        return exclusions


class SkillInline(admin.TabularInline):
    model = Skill
    fields = ["code", "name", "is_specialist", "is_active", "position"]
    readonly_fields = ["code"]
    extra = 0
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(SkillCategory)
class SkillCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    inlines = [SkillInline]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    form = SkillAdminForm
    list_display = ["code", "name", "category", "description", "is_specialist", "is_active"]
    list_editable = ["name", "description", "is_specialist", "is_active"]
    list_filter = ["category", "is_specialist", "is_active"]
    search_fields = ["code", "name", "description"]
    list_select_related = ["category"]
    list_per_page = 100

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        # Profiles, evidence and the API refer to skills by code.
        return ["code"] if obj is not None else []


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "is_signed"]
    list_editable = ["is_signed"]
    list_filter = ["is_signed"]
    search_fields = ["name", "code"]
