"""/me for people signed in with a session; /organisation for systems with an API key."""

import pytest

from pahub.accounts.models import ApiKey
from pahub.accounts.services import api_key_create, api_key_revoke


def test_me_tells_an_anonymous_visitor_to_authenticate_in_json(client, db):
    response = client.get("/api/v1/me")

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Authentication required."}


def test_me_gives_the_signed_in_pa_their_own_details(client_for, pa, outsider):
    response = client_for(pa).get("/api/v1/me")

    assert response.status_code == 200
    assert response.json() == {
        "email": "pa@example.org",
        "display_name": "Jordan Reed",
        "roles": ["pa"],
        "district": "NE3",
        "local_authority": "Newcastle upon Tyne",
        "organisations": [],
    }


def test_me_never_shows_the_full_postcode(client_for, pa):
    assert "NE3 1AA" not in client_for(pa).get("/api/v1/me").content.decode()


def test_me_lists_the_organisations_a_staff_member_belongs_to(client_for, verifier, organisation):
    response = client_for(verifier).get("/api/v1/me")

    assert response.json()["organisations"] == [
        {
            "organisation": "Newcastle Independent Living",
            "organisation_id": organisation.pk,
            "role": "verifier",
        }
    ]


def test_me_does_not_accept_an_organisation_api_key(client, organisation, org_admin):
    _, raw = api_key_create(organisation=organisation, name="Case system", by=org_admin)

    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 401


@pytest.fixture
def case_system_key(organisation, org_admin) -> tuple[ApiKey, str]:
    return api_key_create(organisation=organisation, name="Case system", by=org_admin)


EXPECTED_ORGANISATION = {
    "name": "Newcastle Independent Living",
    "kind": "support_agency",
    "local_authorities": ["Newcastle upon Tyne"],
    "key_name": "Case system",
}


def test_organisation_key_as_bearer_token_gives_the_organisation(client, case_system_key):
    api_key, raw = case_system_key

    response = client.get("/api/v1/organisation", headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 200
    assert response.json() == {"id": api_key.organisation_id, **EXPECTED_ORGANISATION}


def test_organisation_key_in_x_api_key_header_gives_the_organisation(client, case_system_key):
    api_key, raw = case_system_key

    response = client.get("/api/v1/organisation", headers={"X-API-Key": raw})

    assert response.status_code == 200
    assert response.json() == {"id": api_key.organisation_id, **EXPECTED_ORGANISATION}


def test_using_a_key_records_when_it_was_last_used(client, case_system_key):
    api_key, raw = case_system_key

    client.get("/api/v1/organisation", headers={"X-API-Key": raw})

    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


def test_revoked_key_is_401(client, case_system_key, org_admin):
    api_key, raw = case_system_key
    api_key_revoke(api_key=api_key, by=org_admin)

    for headers in ({"Authorization": f"Bearer {raw}"}, {"X-API-Key": raw}):
        response = client.get("/api/v1/organisation", headers=headers)
        assert response.status_code == 401
        assert response.json() == {"detail": "Authentication required."}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer pahub_00000000_not-a-real-key"},
        {"Authorization": "Bearer "},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"X-API-Key": "pahub_00000000_not-a-real-key"},
        {"X-API-Key": ""},
    ],
    ids=["none", "wrong-bearer", "empty-bearer", "basic", "wrong-header", "empty-header"],
)
def test_missing_or_wrong_key_is_401(client, case_system_key, headers):
    response = client.get("/api/v1/organisation", headers=headers)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}


def test_right_prefix_with_a_wrong_secret_is_401(client, case_system_key):
    api_key, _ = case_system_key

    response = client.get(
        "/api/v1/organisation",
        headers={"Authorization": f"Bearer pahub_{api_key.prefix}_guessed-secret"},
    )

    assert response.status_code == 401


def test_signed_in_org_admin_without_a_key_gets_401_from_the_system_endpoint(client_for, org_admin):
    response = client_for(org_admin).get("/api/v1/organisation")

    assert response.status_code == 401
