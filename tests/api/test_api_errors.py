"""One error shape and one status for each kind of error, documented on every operation."""

import pytest
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from pahub.api import api
from pahub.core.api_errors import (
    ERROR_STATUSES,
    error_schema_definitions,
    field_name,
    validation_messages,
)

ERROR_REF = "#/components/schemas/ErrorOut"


@pytest.fixture(scope="module")
def document() -> dict:
    return api.get_openapi_schema(path_prefix="/api/v1/")


def operations(document: dict) -> list[tuple[str, dict]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_no_two_schemas_share_a_name(monkeypatch):
    # ninja files every model under its class name, the last one winning: two different
    # `JobOut`s would leave one operation documenting the other's fields.
    clashes: list[str] = []
    file_definitions = OpenAPISchema.add_schema_definitions

    def checking(self, definitions: dict) -> None:
        for name, definition in definitions.items():
            if name in self.schemas and self.schemas[name] != definition:
                clashes.append(name)
        file_definitions(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", checking)

    api.get_openapi_schema(path_prefix="/api/v1/")

    assert sorted(set(clashes)) == []


def test_the_errors_added_to_the_document_are_the_errors_ninja_documents():
    as_ninja_writes_it = NinjaAPI.get_openapi_schema(api, path_prefix="/api/v1/")

    for name, definition in error_schema_definitions().items():
        assert as_ninja_writes_it["components"]["schemas"][name] == definition


def test_every_secured_operation_documents_401_and_403(document):
    secured = [(name, op) for name, op in operations(document) if op.get("security")]

    assert len(secured) > 30
    assert [name for name, op in secured if not {401, 403} <= set(op["responses"])] == []


def test_every_operation_that_takes_input_documents_400(document):
    with_input = [
        (name, op)
        for name, op in operations(document)
        if op.get("parameters") or "requestBody" in op
    ]

    assert [name for name, op in with_input if 400 not in op["responses"]] == []


def test_every_operation_naming_something_in_its_path_documents_404(document):
    with_path = [
        (name, op)
        for name, op in operations(document)
        if any(parameter["in"] == "path" for parameter in op.get("parameters", []))
    ]

    assert [name for name, op in with_path if 404 not in op["responses"]] == []


def test_every_error_is_one_shape_described_in_plain_english(document):
    for name, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) >= 400 and int(status) != 503:  # 503 is health's own answer
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": ERROR_REF}, (name, status)
                assert response["description"] == ERROR_STATUSES[int(status)], (name, status)


def test_no_operation_documents_422(document):
    assert [name for name, op in operations(document) if 422 in op["responses"]] == []


# The error body


def test_validation_errors_name_the_field_the_client_sent():
    errors = [
        {"loc": ("body", "payload", "slots", 0, "day"), "msg": "Input should be a valid date"},
        {"loc": ("query", "page"), "msg": "Input should be greater than 0"},
        {"loc": ("query", "page"), "msg": "Another"},
        {"loc": ("body", "payload"), "msg": "Field required"},
    ]

    assert validation_messages(errors) == {
        "slots.0.day": ["Input should be a valid date"],
        "page": ["Input should be greater than 0", "Another"],
        "payload": ["Field required"],
    }


def test_a_location_with_only_its_source_names_the_source():
    assert field_name(("body",)) == "body"


def assert_bad_input(response, field: str) -> None:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"].startswith(f"The request was not valid: {field}: ")
    assert body["field"] == field
    assert field in body["errors"]


def test_a_missing_query_parameter_is_400_on_the_places_router(client, db):
    response = client.get("/api/v1/places/distance", {"from_district": "NE1"})

    assert_bad_input(response, "to_district")


def test_a_value_of_the_wrong_type_is_400_on_the_messaging_router(client_for, pa):
    response = client_for(pa).get("/api/v1/conversations", {"limit": "lots"})

    assert_bad_input(response, "limit")


def test_a_body_of_the_wrong_type_is_400_on_the_jobs_router(client_for, employer, draft_job):
    response = client_for(employer).patch(
        f"/api/v1/employer/jobs/{draft_job.pk}",
        {"hourly_pay": "lots"},
        content_type="application/json",
    )

    assert_bad_input(response, "hourly_pay")


def test_a_rule_broken_is_400_on_the_cover_router_as_on_the_others(client_for, employer):
    response = client_for(employer).post(
        "/api/v1/cover/requests",
        {"employer_id": employer.pk, "slots": "tomorrow"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "slots" in response.json()["errors"]


def test_a_rule_a_service_names_is_in_errors_too(client_for, employer, draft_job):
    response = client_for(employer).patch(
        f"/api/v1/employer/jobs/{draft_job.pk}",
        {"hours": ["someday_morning"]},
        content_type="application/json",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "hours"
    assert body["detail"].startswith("hours: Unknown weekly grid slot: someday_morning.")
    assert body["errors"] == {"hours": [body["detail"].removeprefix("hours: ")]}


def test_an_error_without_a_field_is_just_its_detail(client, client_for, pa):
    signed_out = client.get("/api/v1/me")
    not_found = client_for(pa).get("/api/v1/conversations/999999")

    assert (signed_out.status_code, not_found.status_code) == (401, 404)
    assert signed_out.json() == {"detail": "Authentication required."}
    assert not_found.json() == {"detail": "Not found."}
