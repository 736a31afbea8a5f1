"""Assisted digital: staff record a PA's consent, make an account for them, and edit their
profile on their behalf; nothing without consent, everything audited."""

from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from pahub.accounts.models import OrganisationConsent, Role, User
from pahub.core.models import AuditEvent
from pahub.register.availability import keys_from_mask
from pahub.register.masks import bit_of
from pahub.register.models import PAProfile
from pahub.register.verification.assisted_digital import consent_record
from pahub.taxonomy.models import Skill


def consent_url(profile) -> str:
    return reverse("register_staff:consent", args=[profile.pk])


def edit_url(profile) -> str:
    return reverse("register_staff:profile_edit", args=[profile.pk])


CREATE_URL = reverse("register_staff:pa_create")


@pytest.fixture
def consent(pa_profile, member, organisation) -> OrganisationConsent:
    return consent_record(
        profile=pa_profile,
        staff=member,
        organisation=organisation,
        how_given="In person at the drop-in on 3 March.",
    )


def edit_data(skill, **changes) -> dict:
    data = {
        "about_me": "I love gardening and cooking.",
        "skills": [skill.pk],
        "available_monday": ["1", "2"],
        "available_sunday": ["3"],
        "travel_miles": "12",
        "hourly_rate": "14.25",
        "work_wanted": "cover",
        "visibility": "all",
    }
    data.update(changes)
    return data


# Consent


def test_anonymous_visitors_are_sent_to_sign_in(client, pa_profile):
    for url in (consent_url(pa_profile), edit_url(pa_profile), CREATE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer"])
def test_pas_and_employers_are_refused(client_for, person, request, pa_profile):
    client = client_for(request.getfixturevalue(person))

    for url in (consent_url(pa_profile), edit_url(pa_profile), CREATE_URL):
        assert client.get(url).status_code == 403


def test_staff_record_consent_with_how_it_was_given(client_for, member, organisation, pa_profile):
    response = client_for(member).post(
        consent_url(pa_profile), {"how_given": "On the phone on 3 March, with her daughter."}
    )

    assert response.status_code == 302
    consent = OrganisationConsent.objects.get()
    assert (consent.person.pa_profile, consent.recorded_by, consent.organisation) == (
        pa_profile,
        member,
        organisation,
    )
    assert AuditEvent.objects.filter(action="consent.recorded", actor=member).exists()


def test_consent_needs_to_say_how_it_was_given(client_for, member, pa_profile):
    response = client_for(member).post(consent_url(pa_profile), {"how_given": ""})

    assert 'id="id_how_given-error"' in response.content.decode()
    assert not OrganisationConsent.objects.exists()


def test_staff_of_another_area_cannot_record_consent(client_for, durham_verifier, pa_profile):
    response = client_for(durham_verifier).post(consent_url(pa_profile), {"how_given": "Phone"})

    assert response.status_code == 404


def test_consent_cannot_be_recorded_twice(client_for, member, consent, pa_profile):
    response = client_for(member).post(consent_url(pa_profile), {"how_given": "Again"})

    assert "already has this PA" in response.content.decode()
    assert OrganisationConsent.objects.count() == 1


def test_staff_can_withdraw_their_organisations_consent(client_for, verifier, consent, pa_profile):
    url = reverse("register_staff:consent_withdraw", args=[pa_profile.pk, consent.pk])

    response = client_for(verifier).post(url)

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert AuditEvent.objects.filter(action="consent.withdrawn", actor=verifier).exists()
    assert client_for(verifier).get(edit_url(pa_profile)).status_code == 404


def test_staff_of_another_organisation_cannot_withdraw_it(
    client_for, durham_verifier, consent, pa_profile, durham_profile
):
    pa_profile.visible_in.add(durham_profile.user.local_authority)
    url = reverse("register_staff:consent_withdraw", args=[pa_profile.pk, consent.pk])

    response = client_for(durham_verifier).post(url)

    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


# Editing on the PA's behalf


def test_without_consent_the_edit_page_is_404(client_for, member, pa_profile, skill):
    client = client_for(member)

    assert client.get(edit_url(pa_profile)).status_code == 404
    assert client.post(edit_url(pa_profile), edit_data(skill)).status_code == 404


def test_with_consent_staff_edit_the_main_fields_and_it_is_audited(
    client_for, member, consent, pa_profile, skill, organisation
):
    response = client_for(member).post(edit_url(pa_profile), edit_data(skill))

    assert response.status_code == 302
    pa_profile.refresh_from_db()
    assert pa_profile.about_me == "I love gardening and cooking."
    assert keys_from_mask(pa_profile.availability) == [
        "monday_morning",
        "monday_afternoon",
        "sunday_evening",
    ]
    assert pa_profile.travel_miles == 12
    assert pa_profile.hourly_rate == Decimal("14.25")
    assert pa_profile.work_wanted == "cover"
    event = AuditEvent.objects.get(action="profile.edited_by_staff")
    assert event.actor == member
    assert event.detail["organisation"] == organisation.name
    assert "about_me" in event.detail["fields"]


def test_the_edit_form_starts_with_the_profile_as_it_is(client_for, member, consent, pa_profile):
    html = client_for(member).get(edit_url(pa_profile)).content.decode()

    assert "I have cared for my grandad for five years." in html
    assert 'name="available_monday" type="checkbox" value="1" checked' in html


def test_bad_input_keeps_what_was_typed(client_for, member, consent, pa_profile, skill):
    response = client_for(member).post(
        edit_url(pa_profile), edit_data(skill, travel_miles="500", hourly_rate="lots")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_travel_miles-error"' in html
    assert 'id="id_hourly_rate-error"' in html
    assert 'value="lots"' in html
    assert "I love gardening and cooking." in html
    assert not AuditEvent.objects.filter(action="profile.edited_by_staff").exists()


def test_staff_of_another_area_cannot_edit_even_with_consent_elsewhere(
    client_for, durham_verifier, consent, pa_profile
):
    assert client_for(durham_verifier).get(edit_url(pa_profile)).status_code == 404


# Making an account for a PA


def create_data(**changes) -> dict:
    data = {
        "full_name": "Brenda Milburn",
        "email": "Brenda.Milburn@example.org",
        "postcode": "ne6 2aa",
        "how_given": "In person at our office; she asked us to set it up.",
    }
    data.update(changes)
    return data


def test_staff_make_an_account_with_consent_and_a_set_password_email(
    client_for, member, organisation, mailoutbox, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(member).post(CREATE_URL, create_data())

    user = User.objects.get(email="brenda.milburn@example.org")
    profile = PAProfile.objects.get(user=user)
    assert response.status_code == 302
    assert response.url == reverse("register_staff:profile", args=[profile.pk])
    assert not user.has_usable_password()
    assert user.role_set == {Role.PA}
    assert user.district_id == "NE6"
    address = EmailAddress.objects.get(user=user)
    assert (address.verified, address.primary) == (False, True)
    consent = OrganisationConsent.objects.get(person=profile.user)
    assert consent.organisation == organisation
    assert AuditEvent.objects.filter(action="account.created_by_staff", actor=member).exists()
    # Two emails: how to set a password, and what the recorded agreement lets staff do.
    assert [m.to for m in mail.outbox] == [["brenda.milburn@example.org"]] * 2
    [notice] = [m for m in mail.outbox if "can now help you" in m.subject]
    assert "create and change your PA profile for you" in notice.body
    [message] = [m for m in mail.outbox if m is not notice]
    assert organisation.name in message.body
    link = next(line for line in message.body.splitlines() if "/password/reset/key/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    opened = client.get("/" + path)
    assert opened.status_code == 302
    assert opened.url.endswith("-set-password/")
    chosen = client.post(
        opened.url,
        {"password1": "a quiet walk by the river", "password2": "a quiet walk by the river"},
    )
    assert chosen.status_code == 302
    user.refresh_from_db()
    assert user.has_usable_password()


def test_an_email_already_in_use_is_refused_beside_the_field(client_for, member, pa):
    response = client_for(member).post(CREATE_URL, create_data(email="PA@example.org"))

    html = response.content.decode()
    assert 'id="id_email-error"' in html
    assert "already an account" in html
    assert 'value="Brenda Milburn"' in html


def test_a_postcode_outside_the_staff_members_areas_is_refused(client_for, member):
    response = client_for(member).post(CREATE_URL, create_data(postcode="DH1 1AA"))

    html = response.content.decode()
    assert 'id="id_postcode-error"' in html
    assert "outside the areas your organisation works in" in html
    assert not User.objects.filter(email="brenda.milburn@example.org").exists()


def test_a_made_up_postcode_is_refused(client_for, member):
    response = client_for(member).post(CREATE_URL, create_data(postcode="ZZ99 9ZZ"))

    assert 'id="id_postcode-error"' in response.content.decode()


def test_consent_text_is_required(client_for, member):
    response = client_for(member).post(CREATE_URL, create_data(how_given=""))

    assert 'id="id_how_given-error"' in response.content.decode()
    assert not User.objects.filter(email="brenda.milburn@example.org").exists()


def test_staff_changing_a_pas_skills_changes_their_skills_mask(
    client_for, member, consent, pa_profile, skill
):
    meals = Skill.objects.get(code="food.meal_prep")

    response = client_for(member).post(edit_url(pa_profile), edit_data(meals))

    assert response.status_code == 302
    # Matching reads the skills from the mask (register.masks).
    assert PAProfile.objects.get(pk=pa_profile.pk).skills_mask == bit_of(meals.pk)
