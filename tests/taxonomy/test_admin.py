"""The taxonomy's admin: admins edit skills, categories, interests and languages there."""

import pytest
from django.urls import reverse

from pahub.taxonomy.models import Skill, SkillCategory

TAXONOMY_MODELS = ["skill", "skillcategory", "interest", "language"]


@pytest.mark.parametrize("model", TAXONOMY_MODELS)
def test_a_site_admin_can_list_every_taxonomy_model(client_for, admin, model):
    response = client_for(admin).get(reverse(f"admin:taxonomy_{model}_changelist"))

    assert response.status_code == 200


def test_an_admin_can_add_a_skill_with_a_dotted_code(client_for, admin):
    category = SkillCategory.objects.get(name="Health and medication")

    response = client_for(admin).post(
        reverse("admin:taxonomy_skill_add"),
        {
            "code": "health.stoma_care",
            "category": category.pk,
            "name": "Stoma care",
            "description": "Emptying and changing a stoma bag, once trained.",
            "is_specialist": "on",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Skill.objects.get(code="health.stoma_care").is_specialist


def test_a_skill_code_with_spaces_or_capitals_is_refused(client_for, admin):
    category = SkillCategory.objects.first()

    response = client_for(admin).post(
        reverse("admin:taxonomy_skill_add"),
        {"code": "Health.Stoma Care", "category": category.pk, "name": "Stoma", "description": "x"},
    )

    assert response.status_code == 200
    assert "Use lower-case letters" in response.content.decode()


def test_an_existing_skills_code_cannot_be_changed(client_for, admin):
    hoist = Skill.objects.get(code="mobility.hoist")

    response = client_for(admin).get(reverse("admin:taxonomy_skill_change", args=[hoist.pk]))

    assert 'name="code"' not in response.content.decode()
    assert "mobility.hoist" in response.content.decode()
