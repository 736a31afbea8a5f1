"""What organisation admins and staff do: team members, API keys and assisted-digital grants."""

import pytest
from django.urls import reverse

from pahub.accounts.models import ApiKey, Representation, Role, User, hash_api_key
from pahub.accounts.services import api_key_create
from pahub.core.models import AuditEvent
from tests.factories import UserFactory, make_staff


def test_org_admin_removes_a_member_and_it_is_audited(
    client_for, org_admin, verifier, organisation
):
    membership = verifier.memberships.get()

    response = client_for(org_admin).post(
        reverse("staff:member_remove", args=[organisation.pk, membership.pk])
    )

    assert response.status_code == 302
    assert response.url == reverse("staff:organisation", args=[organisation.pk])
    assert not verifier.memberships.exists()
    event = AuditEvent.objects.get(action="staff.removed")
    assert (event.actor, event.detail) == (org_admin, {"member": "verifier@example.org"})


def test_org_admin_cannot_remove_themselves(client_for, org_admin, organisation):
    membership = org_admin.memberships.get()

    response = client_for(org_admin).post(
        reverse("staff:member_remove", args=[organisation.pk, membership.pk]), follow=True
    )

    assert "You cannot remove yourself. Ask another administrator." in response.content.decode()
    assert org_admin.memberships.exists()


def test_removing_a_member_of_another_organisation_gets_404(
    client_for, org_admin, organisation, other_organisation
):

    durham_verifier = make_staff(organisation=other_organisation)

    response = client_for(org_admin).post(
        reverse(
            "staff:member_remove",
            args=[organisation.pk, durham_verifier.memberships.get().pk],
        )
    )

    assert response.status_code == 404
    assert durham_verifier.memberships.exists()


def create_key(client, organisation, name="Case system export"):
    return client.post(reverse("staff:api_key_new", args=[organisation.pk]), {"name": name})


def test_new_api_key_is_stored_only_as_a_hash_and_audited(client_for, org_admin, organisation):
    response = create_key(client_for(org_admin), organisation)

    api_key = ApiKey.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("staff:api_key_created", args=[organisation.pk, api_key.pk])
    assert (api_key.organisation, api_key.name, api_key.created_by) == (
        organisation,
        "Case system export",
        org_admin,
    )
    assert AuditEvent.objects.filter(action="api_key.created", actor=org_admin).exists()


def test_new_api_key_is_shown_once_and_then_never_again(client_for, org_admin, organisation):
    client = client_for(org_admin)
    created_page = client.get(create_key(client, organisation).url)

    raw = created_page.context["raw_key"]
    assert raw.startswith("pahub_")
    assert raw in created_page.content.decode()
    assert ApiKey.objects.get().key_hash == hash_api_key(raw)
    assert raw not in str(ApiKey.objects.values().get())
    shown_again = client.get(
        reverse("staff:api_key_created", args=[organisation.pk, ApiKey.objects.get().pk]),
        follow=True,
    )
    assert raw not in shown_again.content.decode()
    assert "A key is shown only once." in shown_again.content.decode()


def test_new_key_is_not_shown_to_another_admin_of_the_organisation(
    client_for, org_admin, organisation
):

    co_admin = make_staff(organisation=organisation, role="admin", email="co.admin@example.org")
    client_for(org_admin).post(reverse("staff:api_key_new", args=[organisation.pk]), {"name": "X"})

    response = client_for(co_admin).get(
        reverse("staff:api_key_created", args=[organisation.pk, ApiKey.objects.get().pk])
    )

    assert response.status_code == 302
    assert response.url == reverse("staff:organisation", args=[organisation.pk])


def test_api_key_without_a_name_is_refused_beside_the_field(client_for, org_admin, organisation):
    response = client_for(org_admin).post(
        reverse("staff:api_key_new", args=[organisation.pk]), {"name": ""}
    )

    content = response.content.decode()
    assert '<p id="id_name-error" class="govuk-error-message">' in content
    assert "Enter a name for the key" in content
    assert not ApiKey.objects.exists()


def test_org_admin_revokes_a_key(client_for, org_admin, organisation):

    api_key, _ = api_key_create(organisation=organisation, name="Old export", by=org_admin)

    response = client_for(org_admin).post(
        reverse("staff:api_key_revoke", args=[organisation.pk, api_key.pk])
    )

    assert response.status_code == 302
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    assert AuditEvent.objects.filter(action="api_key.revoked", actor=org_admin).exists()


def test_revoking_another_organisations_key_gets_404(
    client_for, org_admin, organisation, other_organisation
):

    durham_key, _ = api_key_create(organisation=other_organisation, name="Durham", by=org_admin)

    response = client_for(org_admin).post(
        reverse("staff:api_key_revoke", args=[organisation.pk, durham_key.pk])
    )

    assert response.status_code == 404
    durham_key.refresh_from_db()
    assert durham_key.revoked_at is None


def grant_form(**changes) -> dict:
    form = {
        "employer_email": "employer@example.org",
        "representative_email": "pa@example.org",
        "relationship": "son",
        "note": "Agreed in person at her review on 3 March, with her social worker.",
    }
    form.update(changes)
    return form


@pytest.mark.parametrize("person", ["verifier", "org_admin"])
def test_staff_record_a_grant_for_an_employer_in_their_area(
    client_for, request, person, employer, pa
):
    staff = request.getfixturevalue(person)

    response = client_for(staff).post(reverse("staff:record_grant"), grant_form())

    assert response.status_code == 302
    grant = Representation.objects.get(employer=employer, representative=pa)
    assert grant.status == Representation.Status.ACTIVE
    assert grant.granted_by == staff
    assert grant.granted_on_behalf_note == grant_form()["note"]
    assert grant.relationship == "son"
    event = AuditEvent.objects.get(action="representation.granted")
    assert event.actor == staff
    assert event.detail["on_behalf"] is True
    assert event.detail["note"] == grant_form()["note"]
    assert User.objects.get(pk=pa.pk).has_role(Role.REPRESENTATIVE)


def test_staff_cannot_record_a_grant_for_an_employer_outside_their_area(client_for, verifier, pa):
    UserFactory(email="durham.employer@example.org", postcode="DH1 1AA", roles=[Role.EMPLOYER])

    response = client_for(verifier).post(
        reverse("staff:record_grant"), grant_form(employer_email="durham.employer@example.org")
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert '<p id="id_employer_email-error" class="govuk-error-message">' in content
    assert "This employer lives outside the areas your organisation serves." in content
    assert 'value="durham.employer@example.org"' in content
    assert not Representation.objects.filter(representative=pa).exists()


def test_site_admin_can_record_a_grant_anywhere(client_for, admin, pa):
    durham_employer = UserFactory(postcode="DH1 1AA", roles=[Role.EMPLOYER])

    client_for(admin).post(
        reverse("staff:record_grant"), grant_form(employer_email=durham_employer.email)
    )

    assert Representation.objects.get(employer=durham_employer).status == "active"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"employer_email": "nobody@example.org"},
            "employer_email",
            "There is no employer with that email address.",
        ),
        (
            {"employer_email": "other.pa@example.org"},
            "employer_email",
            "There is no employer with that email address.",
        ),
        (
            {"representative_email": "nobody@example.org"},
            "representative_email",
            "There is no account with that email address. Ask them to create one first.",
        ),
        ({"note": ""}, "note", "Say how the employer agreed"),
        (
            {"relationship": ""},
            "relationship",
            "Enter how the representative is related to the employer",
        ),
    ],
    ids=["unknown-employer", "not-an-employer", "unknown-representative", "no-note", "no-relation"],
)
def test_bad_grant_shows_the_message_beside_the_field(
    client_for, verifier, employer, pa, other_pa, changes, field, message
):
    response = client_for(verifier).post(reverse("staff:record_grant"), grant_form(**changes))

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<p id="id_{field}-error" class="govuk-error-message">' in content
    assert message in content
    assert not Representation.objects.filter(representative=pa).exists()


def test_employer_cannot_be_recorded_as_their_own_representative(client_for, verifier, employer):
    response = client_for(verifier).post(
        reverse("staff:record_grant"), grant_form(representative_email="employer@example.org")
    )

    assert response.status_code == 200
    assert "A person cannot represent themselves." in response.content.decode()
    assert not Representation.objects.filter(representative=employer).exists()


def test_recording_a_grant_completes_a_request_that_was_waiting(client_for, verifier, employer, pa):
    waiting = Representation.objects.create(
        employer=employer, representative=pa, relationship="son"
    )

    client_for(verifier).post(reverse("staff:record_grant"), grant_form())

    waiting.refresh_from_db()
    assert waiting.status == Representation.Status.ACTIVE
    assert Representation.objects.filter(representative=pa).count() == 1


def test_recording_a_grant_that_is_already_active_says_so(client_for, verifier, representative):
    response = client_for(verifier).post(
        reverse("staff:record_grant"),
        grant_form(representative_email="representative@example.org"),
    )

    assert response.status_code == 200
    assert "They can already act for this employer" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert Representation.objects.filter(representative=representative).count() == 1
