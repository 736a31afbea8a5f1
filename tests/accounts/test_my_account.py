"""My account: home, details and roles, data download and deletion."""

import json

import pytest
from django.urls import reverse

from pahub.accounts.models import Membership, Role, User
from pahub.core.models import AuditEvent
from tests.factories import PASSWORD, make_staff

MY_ACCOUNT_PAGES = [
    "accounts:home",
    "accounts:details",
    "accounts:data_download",
    "accounts:delete",
    "accounts:representation_request",
]


@pytest.mark.parametrize("page", MY_ACCOUNT_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, db, page):
    url = reverse(page)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("page", MY_ACCOUNT_PAGES)
def test_every_signed_in_person_can_open_their_own_account_pages(client_for, pa, page):
    response = client_for(pa).get(reverse(page))

    assert response.status_code == 200


def test_account_home_greets_the_person_and_shows_no_one_elses_name(client_for, pa, outsider):
    response = client_for(pa).get(reverse("accounts:home"))

    content = response.content.decode()
    assert "Jordan Reed" in content
    assert "Oscar Side" not in content


def test_staff_member_without_two_factor_is_told_to_set_it_up(client_for, organisation):

    newcomer = make_staff(
        organisation=organisation, role=Membership.StaffRole.MEMBER, two_factor=False
    )

    response = client_for(newcomer).get(reverse("accounts:home"))

    assert response.context["two_factor_required"] is True
    assert response.context["two_factor_on"] is False


def details_form(**changes) -> dict:
    form = {
        "full_name": "Jordan Reed",
        "known_as": "Jo",
        "phone": "0191 496 0000",
        "postcode": "ne3 1aa",
        "roles": ["pa"],
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def test_details_page_shows_what_is_stored(client_for, pa):
    response = client_for(pa).get(reverse("accounts:details"))

    content = response.content.decode()
    assert 'value="Jordan Reed"' in content
    assert 'value="NE3 1AA"' in content


def test_pa_changes_their_name_and_phone(client_for, pa):
    response = client_for(pa).post(reverse("accounts:details"), details_form())

    assert response.status_code == 302
    assert response.url == reverse("accounts:home")
    pa.refresh_from_db()
    assert (pa.known_as, pa.phone, pa.display_name) == ("Jo", "0191 496 0000", "Jo")
    assert AuditEvent.objects.filter(action="account.details_changed", actor=pa).exists()


def test_moving_house_updates_the_district_and_local_authority(client_for, pa):
    client_for(pa).post(reverse("accounts:details"), details_form(postcode="dh1 1aa"))

    pa.refresh_from_db()
    assert pa.postcode == "DH1 1AA"
    assert pa.district_id == "DH1"
    assert pa.local_authority.name == "County Durham"
    assert AuditEvent.objects.get(action="account.details_changed").detail == {"moved": True}


def test_bad_postcode_keeps_what_was_typed_and_changes_nothing(client_for, pa):
    response = client_for(pa).post(
        reverse("accounts:details"), details_form(full_name="Jordan Reed-Smith", postcode="XY1 1AA")
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "We do not recognise the postcode district XY1" in content
    assert '<p id="id_postcode-error" class="govuk-error-message">' in content
    assert 'value="Jordan Reed-Smith"' in content
    assert 'value="XY1 1AA"' in content
    pa.refresh_from_db()
    assert (pa.full_name, pa.postcode, pa.district_id) == ("Jordan Reed", "NE3 1AA", "NE3")


def test_adding_a_role_is_audited_as_granted(client_for, pa):
    client_for(pa).post(reverse("accounts:details"), details_form(roles=["pa", "employer"]))

    assert User.objects.get(pk=pa.pk).role_set == {Role.PA, Role.EMPLOYER}
    event = AuditEvent.objects.get(action="role.granted")
    assert (event.actor, event.target_id, event.detail) == (pa, str(pa.pk), {"role": "employer"})


def test_removing_a_role_is_audited_as_removed(client_for, pa):
    client_for(pa).post(reverse("accounts:details"), details_form(roles=["employer"]))

    assert User.objects.get(pk=pa.pk).role_set == {Role.EMPLOYER}
    assert AuditEvent.objects.get(action="role.removed").detail == {"role": "pa"}


def test_saving_the_same_roles_records_no_role_events(client_for, pa):
    client_for(pa).post(reverse("accounts:details"), details_form(roles=["pa"]))

    assert not AuditEvent.objects.filter(action__startswith="role.").exists()


def test_staff_is_not_a_role_anyone_can_give_themselves(client_for, pa):
    response = client_for(pa).post(reverse("accounts:details"), details_form(roles=["staff"]))

    assert response.status_code == 200
    assert User.objects.get(pk=pa.pk).role_set == {Role.PA}


def test_data_download_is_the_persons_own_data_as_json(client_for, pa, outsider):
    client_for(outsider).post(reverse("accounts:details"), details_form(full_name="Oscar Side"))

    response = client_for(pa).get(reverse("accounts:data_download"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="pahub-my-data-')
    export = json.loads(response.content)
    assert export["account"]["email"] == "pa@example.org"
    assert export["account"]["postcode"] == "NE3 1AA"
    assert export["roles"] == ["pa"]
    assert export["email_addresses"] == [
        {"email": "pa@example.org", "verified": True, "primary": True}
    ]
    assert "outsider@example.org" not in response.content.decode()
    assert "Oscar Side" not in response.content.decode()


def test_data_download_includes_who_acts_for_the_employer(client_for, employer, representative):
    export = json.loads(client_for(employer).get(reverse("accounts:data_download")).content)

    assert export["representatives_acting_for_me"] == [
        {
            "employer": "Amira Khan",
            "representative": "Sara Khan",
            "relationship": "daughter",
            "status": "active",
            "granted_at": export["representatives_acting_for_me"][0]["granted_at"],
        }
    ]
    assert export["employers_i_act_for"] == []


def test_data_download_is_audited(client_for, pa):
    client_for(pa).get(reverse("accounts:data_download"))

    event = AuditEvent.objects.get(action="account.data_downloaded")
    assert (event.actor, event.target_id) == (pa, str(pa.pk))


def test_delete_with_the_wrong_password_keeps_the_account(client_for, pa):
    response = client_for(pa).post(reverse("accounts:delete"), {"password": "not my password"})

    assert response.status_code == 200
    assert "The password is not right. Try again." in response.content.decode()
    assert User.objects.filter(pk=pa.pk).exists()


def test_delete_without_a_password_asks_for_it(client_for, pa):
    response = client_for(pa).post(reverse("accounts:delete"), {})

    assert "Enter your password" in response.content.decode()
    assert User.objects.filter(pk=pa.pk).exists()


def test_delete_with_the_right_password_deletes_the_account_and_signs_out(client_for, pa):
    client = client_for(pa)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("core:home")
    # The row stays, with nothing of the person, for the records others rely on.
    assert not User.objects.filter(email="pa@example.org").exists()
    assert User.objects.get(pk=pa.pk).full_name == ""
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:home")).status_code == 302


def test_deleted_account_leaves_an_audit_event_naming_it(client_for, pa):
    area = pa.local_authority_id
    client_for(pa).post(reverse("accounts:delete"), {"password": PASSWORD})

    event = AuditEvent.objects.get(action="account.deleted")
    assert event.actor is None
    assert event.actor_label == "pa@example.org"
    # Where the PA lived: the workforce figures count leaving PAs from this note.
    assert event.detail == {"email": "pa@example.org", "was_pa": True, "local_authority": area}


def test_deleting_an_employer_ends_their_representatives_access(
    client_for, employer, representative
):
    client_for(employer).post(reverse("accounts:delete"), {"password": PASSWORD})

    assert not representative.represents.exists()
