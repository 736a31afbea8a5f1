"""Staff find an employer in their areas and record (or withdraw) the employer's consent for
their organisation to act for them; everything audited, nobody outside the area found."""

import pytest
from django.urls import reverse

from pahub.accounts.models import OrganisationConsent
from pahub.core.models import AuditEvent
from tests.factories import UserFactory

SEARCH = reverse("staff_employers:search")


def employer_url(employer) -> str:
    return reverse("staff_employers:employer", args=[employer.pk])


def consent_url(employer) -> str:
    return reverse("staff_employers:consent", args=[employer.pk])


@pytest.fixture
def durham_employer(db):
    return UserFactory(
        email="durham.employer@example.org",
        full_name="Dev Patel",
        postcode="DH1 1AA",
        roles=["employer"],
    )


def test_visitors_are_sent_to_sign_in(client, employer):
    for url in (SEARCH, employer_url(employer), consent_url(employer)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["employer", "representative", "pa"])
def test_people_who_are_not_staff_are_refused(client_for, request, person, employer):
    client = client_for(request.getfixturevalue(person))

    for url in (SEARCH, employer_url(employer), consent_url(employer)):
        assert client.get(url).status_code == 403


def test_staff_without_two_factor_are_asked_to_set_it_up(client_for, organisation, employer):
    from tests.factories import make_staff

    staff = make_staff(organisation=organisation, two_factor=False, email="new.staff@example.org")

    response = client_for(staff).get(SEARCH)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_staff_find_employers_in_their_areas_by_email_or_name(
    client_for, verifier, employer, durham_employer, pa
):
    client = client_for(verifier)

    by_email = client.get(SEARCH, {"q": "employer@example"}).content.decode()
    by_name = client.get(SEARCH, {"q": "amira"}).content.decode()

    assert "Amira Khan" in by_email
    assert "Dev Patel" not in by_email, "another area's employer is never found"
    assert "Amira Khan" in by_name
    assert "Jordan Reed" not in client.get(SEARCH, {"q": "Jordan"}).content.decode()


def test_a_search_too_short_is_explained(client_for, verifier):
    content = client_for(verifier).get(SEARCH, {"q": "a"}).content.decode()

    assert "Enter at least 2 characters" in content


def test_an_employer_outside_the_staff_members_areas_is_not_found(
    client_for, verifier, durham_employer
):
    client = client_for(verifier)

    assert client.get(employer_url(durham_employer)).status_code == 404
    assert client.post(consent_url(durham_employer), {"how_given": "x"}).status_code == 404
    assert not OrganisationConsent.objects.exists()


def test_a_pa_is_not_an_employer_to_act_for(client_for, verifier, pa):
    assert client_for(verifier).get(employer_url(pa)).status_code == 404


def test_opening_an_employers_page_is_audited(client_for, verifier, employer):
    client_for(verifier).get(employer_url(employer))

    event = AuditEvent.objects.get(action="record.viewed")
    assert (event.actor, event.target_id) == (verifier, str(employer.pk))


def test_staff_record_consent_with_how_it_was_given(client_for, verifier, organisation, employer):
    client = client_for(verifier)

    response = client.post(
        consent_url(employer),
        {"organisation": organisation.pk, "how_given": "On the phone on 3 March, with her son."},
    )

    assert response.url == employer_url(employer)
    consent = OrganisationConsent.objects.get()
    assert (consent.person, consent.organisation, consent.recorded_by) == (
        employer,
        organisation,
        verifier,
    )
    assert consent.how_given == "On the phone on 3 March, with her son."
    event = AuditEvent.objects.get(action="employer_consent.recorded")
    assert (event.actor, event.target_id) == (verifier, str(employer.pk))
    page = client.get(employer_url(employer)).content.decode()
    assert "Act for Amira Khan" in page
    assert "On the phone on 3 March, with her son." in page


def test_consent_without_saying_how_is_refused(client_for, verifier, organisation, employer):
    response = client_for(verifier).post(
        consent_url(employer), {"organisation": organisation.pk, "how_given": "   "}
    )

    assert "Say how the employer agreed" in response.content.decode()
    assert not OrganisationConsent.objects.exists()


def test_once_recorded_it_cannot_be_recorded_twice(client_for, helping_staff, employer):
    response = client_for(helping_staff).get(consent_url(employer))

    assert response.status_code == 404
    assert OrganisationConsent.objects.count() == 1


def test_staff_withdraw_their_organisations_consent(client_for, helping_staff, employer):
    consent = OrganisationConsent.objects.get()
    client = client_for(helping_staff)

    response = client.post(
        reverse("staff_employers:consent_withdraw", args=[employer.pk, consent.pk])
    )

    assert response.url == employer_url(employer)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert AuditEvent.objects.filter(action="employer_consent.withdrawn").count() == 1
    assert client.get(reverse("employer:jobs", args=[employer.pk])).status_code == 404
    assert "Record that Amira Khan agreed" in client.get(employer_url(employer)).content.decode()


def test_staff_cannot_withdraw_another_organisations_consent(
    client_for, helping_staff, staff_without_consent, employer
):
    consent = OrganisationConsent.objects.get()

    response = client_for(staff_without_consent).post(
        reverse("staff_employers:consent_withdraw", args=[employer.pk, consent.pk])
    )

    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_the_search_page_lists_employers_the_organisation_acts_for(
    client_for, helping_staff, employer
):
    content = client_for(helping_staff).get(SEARCH).content.decode()

    assert "Employers your organisation acts for" in content
    assert f'href="{employer_url(employer)}">Amira Khan</a>' in content


def test_the_staff_area_links_to_the_employers_page(client_for, verifier):
    content = client_for(verifier).get(reverse("staff:home")).content.decode()

    assert f'href="{SEARCH}"' in content
