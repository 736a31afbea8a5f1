"""The admin: the taxonomy is edited there; people's records are only read."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import PAProfile, Skill, SkillCategory

REGISTER_MODELS = [
    "skill",
    "skillcategory",
    "interest",
    "language",
    "paprofile",
    "evidence",
    "verificationrecord",
    "codeofconductversion",
    "codesignature",
    "referencerequest",
    "inductioncompletion",
    "dbsrule",
    "expiryreminder",
]


@pytest.mark.parametrize("model", REGISTER_MODELS)
def test_a_site_admin_can_list_every_register_model(client_for, admin, model):
    response = client_for(admin).get(reverse(f"admin:register_{model}_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "model",
    ["evidence", "verificationrecord", "codesignature", "referencerequest", "expiryreminder"],
)
def test_records_made_by_the_registers_services_cannot_be_added_in_the_admin(
    client_for, admin, model
):
    response = client_for(admin).get(reverse(f"admin:register_{model}_add"))

    assert response.status_code == 403


def test_an_admin_can_add_a_skill_with_a_dotted_code(client_for, admin):
    category = SkillCategory.objects.get(name="Health and medication")

    response = client_for(admin).post(
        reverse("admin:register_skill_add"),
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
        reverse("admin:register_skill_add"),
        {"code": "Health.Stoma Care", "category": category.pk, "name": "Stoma", "description": "x"},
    )

    assert response.status_code == 200
    assert "Use lower-case letters" in response.content.decode()


def test_an_existing_skills_code_cannot_be_changed(client_for, admin):
    hoist = Skill.objects.get(code="mobility.hoist")

    response = client_for(admin).get(reverse("admin:register_skill_change", args=[hoist.pk]))

    assert 'name="code"' not in response.content.decode()
    assert "mobility.hoist" in response.content.decode()


def test_a_moderated_profile_change_is_audited(client_for, admin, pa_profile):
    url = reverse("admin:register_paprofile_change", args=[pa_profile.pk])
    client = client_for(admin)

    response = client.post(
        url,
        {
            "display_name": "Jordan",
            "about_me": "Moderated text.",
            "what_matters": "",
            "other_interests": "[]",
            "initial-other_interests": "[]",
            "languages-TOTAL_FORMS": "0",
            "languages-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert PAProfile.objects.get(pk=pa_profile.pk).about_me == "Moderated text."
    event = AuditEvent.objects.get(action="profile.moderated")
    assert event.detail == {"fields": ["about_me"]}


def test_the_profile_admin_does_not_let_visibility_be_changed(client_for, admin, pa_profile):
    response = client_for(admin).get(
        reverse("admin:register_paprofile_change", args=[pa_profile.pk])
    )

    content = response.content.decode()
    assert 'name="visibility"' not in content
    assert 'name="about_me"' in content
