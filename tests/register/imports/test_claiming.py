"""An imported PA is invisible to employers until they claim the profile from the emailed
link, agree, choose who may see it and set a password."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from pahub.accounts.models import OrganisationConsent, Role
from pahub.register.exports import export_register_data
from pahub.register.models import PAProfile
from tests.factories import UserFactory

NAME = "Ada Lovelace"


@pytest.fixture
def imported_profile(imported) -> PAProfile:
    imported([f"{NAME},ada@example.org,NE3 2AA,0191 111 2222,12.50"])
    return PAProfile.objects.select_related("user", "claim").get(user__email="ada@example.org")


@pytest.fixture
def claim_url(imported_profile) -> str:
    return re.search(r"https?://\S+(/register/claim/\S+/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def verified_employer(db):
    return UserFactory(
        email="boss@example.org",
        full_name="Bo Boss",
        postcode="NE3 1AA",
        roles=[Role.EMPLOYER],
        verified_email=True,
    )


def test_an_unclaimed_pa_is_in_no_employer_search_match_page_or_api(
    client_for, imported_profile, pa_profile, verified_employer, open_job
):
    client = client_for(verified_employer)

    talent = client.get(reverse("matching:talent"), {"outcode": "NE3", "miles": 20})
    job_owner = client_for(open_job.employer)
    matches = job_owner.get(f"/api/v1/jobs/{open_job.pk}/matches")

    assert "Jordan" in talent.content.decode()  # a visible PA nearby is found
    assert "Ada" not in talent.content.decode()
    assert matches.status_code == 200
    assert imported_profile.pk not in [result["profile_id"] for result in matches.json()["results"]]
    assert (
        client.get(reverse("register:profile_detail", args=[imported_profile.pk])).status_code
        == 404
    )


def test_the_claim_page_shows_the_details_and_claiming_makes_the_profile_theirs(
    client, claim_url, imported_profile, organisation
):
    page = client.get(claim_url)
    assert page.status_code == 200
    assert NAME in page.content.decode() and "NE3 2AA" in page.content.decode()

    response = client.post(
        claim_url,
        {
            "consent": "on",
            "visibility": PAProfile.Visibility.ALL_EMPLOYERS,
            "password1": "a long and unusual passphrase 42",
            "password2": "a long and unusual passphrase 42",
        },
    )

    assert response["Location"] == reverse("register:profile")
    imported_profile.refresh_from_db()
    imported_profile.claim.refresh_from_db()
    user = imported_profile.user
    user.refresh_from_db()
    assert imported_profile.visibility == PAProfile.Visibility.ALL_EMPLOYERS
    assert imported_profile.claim.claimed_at is not None
    assert user.check_password("a long and unusual passphrase 42")
    assert EmailAddress.objects.get(user=user).verified
    assert OrganisationConsent.objects.get(person=user).organisation == organisation
    assert client.get(claim_url).status_code == 404  # the link works once


def test_a_claim_without_consent_or_with_different_passwords_says_what_is_wrong(
    client, claim_url, imported_profile
):
    response = client.post(
        claim_url,
        {"visibility": "local", "password1": "a long passphrase 1", "password2": "another 2"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tick the box to agree" in page
    assert "The two passwords are not the same" in page
    assert 'value="local" checked' in page
    imported_profile.claim.refresh_from_db()
    assert imported_profile.claim.claimed_at is None


def test_a_weak_password_is_refused_next_to_the_field(client, claim_url, imported_profile):
    response = client.post(
        claim_url, {"consent": "on", "visibility": "hidden", "password1": "1", "password2": "1"}
    )

    assert response.status_code == 200
    assert "too short" in response.content.decode()


def test_a_wrong_link_is_a_404(client, imported_profile):
    assert client.get(reverse("register:claim", args=["not-a-real-token"])).status_code == 404


def test_the_pas_data_download_says_which_organisation_imported_the_profile(
    imported_profile, organisation
):
    imported = export_register_data(imported_profile.user)["profile"]["imported"]

    assert imported["by_organisation"] == organisation.name
    assert imported["invited_at"] is not None
    assert imported["claimed_at"] is None


def test_a_profile_the_pa_made_was_not_imported(pa_profile):
    assert export_register_data(pa_profile.user)["profile"]["imported"] is None
