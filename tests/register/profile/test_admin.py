"""The register's admin: people's records are only read (the taxonomy: tests/taxonomy)."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import PAProfile

REGISTER_MODELS = [
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
