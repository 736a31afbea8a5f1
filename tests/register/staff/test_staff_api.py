"""GET /api/v1/register/pas and /api/v1/register/pas/{id}: organisation API keys and staff
sessions, scoped to their areas; never contact details; bad filters are 4xx JSON."""

from datetime import timedelta

import pytest
from django.test import Client

from pahub.accounts.services import api_key_create
from pahub.core.models import AuditEvent
from pahub.register.availability import mask_from_keys
from pahub.register.models import Evidence
from tests.register.verification.fixtures import speaks, today, verified

LIST = "/api/v1/register/pas"


def detail(profile) -> str:
    return f"{LIST}/{profile.pk}"


@pytest.fixture
def api_key(org_admin, organisation) -> str:
    return api_key_create(organisation=organisation, name="Council CRM", by=org_admin)[1]


@pytest.fixture
def durham_key(other_organisation, durham_verifier) -> str:
    return api_key_create(organisation=other_organisation, name="Durham", by=durham_verifier)[1]


def with_key(raw: str) -> Client:
    return Client(headers={"authorization": f"Bearer {raw}"})


def test_without_authentication_it_is_401_json(client, pa_profile):
    response = client.get(LIST)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}


def test_a_revoked_or_made_up_key_is_401(pa_profile):
    response = with_key("pahub_deadbeef_nothing").get(LIST)

    assert response.status_code == 401


def test_an_organisation_key_lists_pas_in_its_areas_only(api_key, pa_profile, durham_profile):
    response = with_key(api_key).get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert [item["id"] for item in body["results"]] == [pa_profile.pk]


def test_the_x_api_key_header_works_too(api_key, pa_profile):
    response = Client(headers={"x-api-key": api_key}).get(LIST)

    assert response.json()["count"] == 1


def test_another_organisations_key_sees_its_own_area(durham_key, pa_profile, durham_profile):
    response = with_key(durham_key).get(LIST)

    assert [item["id"] for item in response.json()["results"]] == [durham_profile.pk]
    assert with_key(durham_key).get(detail(pa_profile)).status_code == 404


def test_results_carry_the_register_fields_and_never_contact_details(
    api_key, pa_profile, organisation
):
    speaks(pa_profile, "bsl", "British Sign Language")
    verified(pa_profile, Evidence.Kind.DBS, organisation, expires_on=today() + timedelta(days=99))
    verified(pa_profile, Evidence.Kind.IDENTITY, organisation)
    verified(pa_profile, Evidence.Kind.QUALIFICATION, expires_on=today() - timedelta(days=1))

    response = with_key(api_key).get(LIST)

    [item] = response.json()["results"]
    assert item == {
        "id": pa_profile.pk,
        "display_name": "Jordan",
        "district": "NE3",
        "local_authority": "Newcastle upon Tyne",
        "level": 0,
        "level_name": "Not yet on a level",
        "skills": ["personal_care.dressing"],
        "languages": ["bsl"],
        "availability": ["monday_morning", "tuesday_morning", "saturday_afternoon"],
        "work_wanted": "both",
        "is_paused": False,
        "verified_evidence": ["dbs", "identity"],
    }
    text = response.content.decode()
    for secret in ("pa@example.org", "NE3 1AA", "Jordan Reed"):
        assert secret not in text


def test_filters_work_as_in_the_staff_search(api_key, pa_profile, skill):
    client = with_key(api_key)

    def ids(**params) -> list[int]:
        return [item["id"] for item in client.get(LIST, params).json()["results"]]

    assert ids(name="jord") == [pa_profile.pk]
    assert ids(name="nobody") == []
    assert ids(district="ne3") == [pa_profile.pk]
    assert ids(district="NE6") == []
    assert ids(skill=skill.code) == [pa_profile.pk]
    assert ids(min_level=2) == []
    assert ids(available=["monday_morning", "tuesday_morning"]) == [pa_profile.pk]
    assert ids(available=["monday_morning", "sunday_night"]) == []
    assert ids(available="monday_morning,tuesday_morning") == [pa_profile.pk]
    assert ids(status="looking") == [pa_profile.pk]
    assert ids(evidence="dbs_verified") == []


def test_pages_have_a_size_of_at_most_100(api_key, pa_profile):
    client = with_key(api_key)

    first = client.get(LIST, {"page_size": 1}).json()
    beyond = client.get(LIST, {"page": 5}).json()

    assert (first["count"], first["pages"], first["page_size"]) == (1, 1, 1)
    assert beyond["results"] == []
    assert client.get(LIST, {"page_size": 101}).status_code == 400
    assert client.get(LIST, {"page": 0}).status_code == 400


@pytest.mark.parametrize(
    "params",
    [
        {"district": "1AB"},
        {"available": "someday_morning"},
        {"skill": "no-such-skill"},
        {"language": "klingon"},
    ],
)
def test_bad_filters_are_a_400_naming_the_filter(api_key, pa_profile, params):
    response = with_key(api_key).get(LIST, params)

    assert response.status_code == 400
    (name,) = params
    assert response.json()["detail"].startswith(f"{name}: ")
    assert response.json()["field"] == name


def test_a_nul_character_in_a_filter_is_a_400_with_a_message(api_key, pa_profile):
    response = with_key(api_key).get(LIST, {"name": "nul\x00byte"})

    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"min_level": "high"},
        {"min_level": 9},
        {"evidence": "forged"},
        {"status": "asleep"},
        # Hidden characters are refused by the same text rules as every other input.
        {"name": "nul\x00byte"},
        {"name": "evil\u202eeman"},
        {"available": "monday_morning\x00"},
    ],
)
def test_invalid_values_are_a_400(api_key, pa_profile, params):
    response = with_key(api_key).get(LIST, params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


def test_a_pa_is_read_by_id_and_the_view_is_audited_for_the_organisation(
    api_key, pa_profile, organisation
):
    response = with_key(api_key).get(detail(pa_profile))

    assert response.status_code == 200
    assert response.json()["id"] == pa_profile.pk
    event = AuditEvent.objects.get(action="record.viewed")
    assert event.detail["organisation"] == organisation.name
    assert event.target_id == str(pa_profile.pk)


def test_an_unknown_id_is_404(api_key, pa_profile):
    assert with_key(api_key).get(f"{LIST}/999999").status_code == 404


def test_staff_signed_in_with_two_factor_can_use_it(client_for, member, pa_profile, durham_profile):
    client = client_for(member)

    listing = client.get(LIST)
    one = client.get(detail(pa_profile))

    assert [item["id"] for item in listing.json()["results"]] == [pa_profile.pk]
    assert one.status_code == 200
    assert client.get(detail(durham_profile)).status_code == 404
    assert AuditEvent.objects.filter(action="record.viewed", actor=member).exists()


@pytest.mark.parametrize("person", ["pa", "employer"])
def test_pas_and_employers_signed_in_are_refused(client_for, person, request, pa_profile):
    response = client_for(request.getfixturevalue(person)).get(LIST)

    assert response.status_code == 403
    assert response.json()["detail"]


def test_staff_without_two_factor_are_refused(client_for, verifier_without_two_factor, pa_profile):
    response = client_for(verifier_without_two_factor).get(LIST)

    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


@pytest.mark.parametrize("count", [5, 60])
def test_the_query_count_does_not_grow_with_results(
    api_key, skill, count, django_assert_max_num_queries
):
    from tests.register.staff.test_register_search import newcastle_pa

    for number in range(count):
        profile = newcastle_pa(
            skill, f"Person {number:02d}", availability=mask_from_keys(["monday_night"])
        )
        speaks(profile, "pl", "Polish")
        verified(profile, Evidence.Kind.IDENTITY)
    client = with_key(api_key)
    client.get(LIST, {"page_size": 100})  # the first search loads the register's index

    with django_assert_max_num_queries(10):
        response = client.get(LIST, {"page_size": 100})

    assert len(response.json()["results"]) == count
