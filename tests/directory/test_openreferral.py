"""Open Referral UK, /api/v1/directory/openreferral/: every endpoint the UK profile defines
answers with JSON that validates against the official schemas (copied, with their licence and
provenance, in tests/directory/openreferral_schemas/), anyone may call it, and bad input is a
400 JSON answer, never a server error."""

import json
from functools import cache
from pathlib import Path

import jsonschema_rs
import pytest

from pahub.directory.models import Need
from pahub.directory.openreferral import mapping
from pahub.directory.services import LocationInput
from pahub.places.models import District
from tests.directory.conftest import make_service

SCHEMAS = Path(__file__).parent / "openreferral_schemas"
BASE = "/api/v1/directory/openreferral"


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


def retrieve(uri: str) -> dict:
    # taxonomy.json refers to taxonomy_term.json by its file name: it is beside it here.
    return schema(uri.rsplit("/", 1)[-1])


@cache
def validator(name: str):
    return jsonschema_rs.Draft202012Validator(
        schema(name), validate_formats=True, retriever=retrieve
    )


@cache
def page_validator():
    page = schema("openapi.json")["components"]["schemas"]["Page"]
    page = {**page, "required": [*page["properties"], "contents"]}
    page["properties"] = {**page["properties"], "contents": {"type": "array"}}
    return jsonschema_rs.Draft202012Validator(page)


def assert_valid(name: str, instance: dict) -> None:
    errors = [str(error) for error in validator(name).iter_errors(instance)]
    assert errors == [], f"{name}: {errors}"


def assert_page(body: dict, item_schema: str) -> None:
    page_validator().validate(body)
    for item in body["contents"]:
        assert_valid(item_schema, item)


@pytest.fixture
def directory(entry, approved_service, pending_service):
    make_service(
        entry,
        name="Payroll for PA employers",
        needs=[Need.PAYROLL],
        kind="payroll",
        contact_name="",
        languages=[],
        location=LocationInput(district=District.objects.get(outcode="SR1")),
    )
    return approved_service


def test_the_root_says_the_version_and_profile(client):
    response = client.get(BASE)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["version"] == "3.0"


def test_services_list_validates_and_pages(client, directory):
    response = client.get(f"{BASE}/services", {"per_page": 1})

    body = response.json()
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert_page(body, "service_list.json")
    assert body["total_items"] == 2  # the pending service is not published
    assert body["total_pages"] == 2
    assert body["first_page"] is True
    assert body["last_page"] is False
    second = client.get(f"{BASE}/services", {"per_page": 1, "page": 2}).json()
    assert second["last_page"] is True
    assert {body["contents"][0]["name"], second["contents"][0]["name"]} == {
        "Employing a PA advice line",
        "Payroll for PA employers",
    }


def test_one_service_is_fully_nested_and_validates(client, directory):
    response = client.get(f"{BASE}/services/{directory.uuid}")

    body = response.json()
    assert response.status_code == 200
    assert_valid("service.json", body)
    assert body["organization"]["name"] == "Newcastle Independent Living"
    assert [schedule["byday"] for schedule in body["schedules"]] == ["MO", "WE"]
    assert body["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == ("NE1 4ST")
    assert {term["taxonomy_term"]["term"] for term in body["attributes"]} >= {
        "employing_advice",
        "direct_payments",
    }


def test_a_pending_or_unknown_service_is_404_json(client, pending_service):
    assert client.get(f"{BASE}/services/{pending_service.uuid}").status_code == 404
    response = client.get(f"{BASE}/services/not-a-uuid")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_services_filter_by_taxonomy_term(client, directory):
    payroll = mapping.need_term_id(Need.PAYROLL)

    body = client.get(f"{BASE}/services", {"taxonomy_term_id": payroll}).json()

    assert [item["name"] for item in body["contents"]] == ["Payroll for PA employers"]
    unknown = client.get(f"{BASE}/services", {"taxonomy_term_id": "nothing"}).json()
    assert unknown["empty"] is True


def test_services_filter_by_day_and_times(client, directory):
    assert client.get(f"{BASE}/services", {"day": "WE"}).json()["total_items"] == 2
    assert client.get(f"{BASE}/services", {"day": "SU"}).json()["total_items"] == 0
    assert client.get(f"{BASE}/services", {"end_time": "13:00"}).json()["total_items"] == 2
    assert client.get(f"{BASE}/services", {"start_time": "10:00"}).json()["total_items"] == 0


def test_service_at_locations_validate_and_search_by_postcode_proximity(client, directory):
    everything = client.get(f"{BASE}/service_at_locations").json()
    assert_page(everything, "service_at_location_list.json")
    assert everything["total_items"] == 2

    near = client.get(
        f"{BASE}/service_at_locations", {"postcode": "NE2 1AA", "proximity": "8000"}
    ).json()

    assert [item["service"]["name"] for item in near["contents"]] == ["Employing a PA advice line"]
    one = client.get(f"{BASE}/service_at_locations/{near['contents'][0]['id']}")
    assert one.status_code == 200
    # The profile's openapi.json names the service schema for this endpoint, but the answer
    # is a service at a location, so it is checked against that schema.
    assert_valid("service_at_location.json", one.json())


def test_taxonomies_and_terms_validate(client):
    taxonomies = client.get(f"{BASE}/taxonomies").json()
    assert_page(taxonomies, "taxonomy.json")
    terms = client.get(f"{BASE}/taxonomy_terms", {"per_page": 5}).json()
    assert_page(terms, "taxonomy_term.json")
    assert terms["total_items"] == len(Need.choices) + 10

    taxonomy = client.get(f"{BASE}/taxonomies/{mapping.NEEDS_TAXONOMY_ID}")
    assert_valid("taxonomy.json", taxonomy.json())
    term = client.get(f"{BASE}/taxonomy_terms/{terms['contents'][0]['id']}")
    assert_valid("taxonomy_term.json", term.json())
    assert client.get(f"{BASE}/taxonomies/nothing").status_code == 404
    assert client.get(f"{BASE}/taxonomy_terms/nothing").status_code == 404


def test_organizations_validate(client, directory):
    listed = client.get(f"{BASE}/organizations").json()
    assert [item["name"] for item in listed["contents"]] == ["Newcastle Independent Living"]
    assert_page(listed, "organization.json")

    one = client.get(f"{BASE}/organizations/{listed['contents'][0]['id']}").json()

    assert_valid("organization.json", one)
    assert len(one["services"]) == 2


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("services", {"page": "0"}, "page"),
        ("services", {"per_page": "100000"}, "per_page"),
        ("services", {"page": "many"}, "page"),
        ("services", {"day": "funday"}, "day"),
        ("services", {"start_time": "teatime"}, "start_time"),
        # Found by schemathesis: a time with a zone cannot be compared with opening hours.
        ("services", {"start_time": "15:01:39.10Z"}, "start_time"),
        ("services", {"end_time": "17:00+01:00"}, "end_time"),
        ("services", {"search": "bad\x00"}, "search"),
        ("service_at_locations", {"postcode": "nowhere"}, "postcode"),
        ("service_at_locations", {"proximity": "500"}, "postcode"),
        ("service_at_locations", {"postcode": "NE1", "proximity": "far"}, "proximity"),
        ("taxonomy_terms", {"per_page": "-1"}, "per_page"),
    ],
)
def test_bad_input_is_a_400_json_answer_naming_the_field(client, directory, path, query, field):
    response = client.get(f"{BASE}/{path}", query)

    assert response.status_code == 400
    assert response.json()["field"] == field


def test_the_services_list_query_count_does_not_grow(client, entry, django_assert_max_num_queries):
    for number in range(3):
        make_service(entry, name=f"Service {number}")
    with django_assert_max_num_queries(6) as few:
        client.get(f"{BASE}/services")
    for number in range(3, 12):
        make_service(entry, name=f"Service {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"{BASE}/services")
