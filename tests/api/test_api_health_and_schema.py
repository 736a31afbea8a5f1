"""The service's health and its published OpenAPI schema."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pahub.accounts.services import api_key_create, api_key_revoke
from pahub.core import api as core_api
from pahub.core.mail import deliver_email
from tests.factories import make_staff


@pytest.fixture
def staff_client(client_for, verifier):
    """Organisation staff with two-factor: they may see what the service runs on."""
    return client_for(verifier)


def test_health_reports_the_database_and_task_queue_to_staff(staff_client):
    response = staff_client.get("/api/v1/health")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    health = response.json()
    assert health["status"] == "ok"
    assert health["database"]["ok"] is True
    assert health["database"]["engine"] in {"sqlite", "postgresql"}
    assert health["task_queue"]["ok"] is True
    assert health["task_queue"]["queued"] == 0


# Who sees what: the public learns only ok or not ok


def test_the_public_sees_only_ok(client, db):
    response = client.get("/api/v1/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_signed_in_person_who_is_not_staff_sees_only_ok(client_for, pa):
    assert client_for(pa).get("/api/v1/health").json() == {"status": "ok"}


def test_staff_without_two_factor_see_only_ok(client_for, organisation):
    staff = make_staff(organisation=organisation, two_factor=False, email="no.2fa@example.org")

    response = client_for(staff).get("/api/v1/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_site_admin_with_two_factor_sees_the_details(client_for, admin):
    assert "database" in client_for(admin).get("/api/v1/health").json()


@pytest.mark.parametrize("header", ["Authorization", "X-API-Key"])
def test_an_organisation_api_key_sees_the_details(client, organisation, org_admin, header):
    _, raw = api_key_create(organisation=organisation, name="Monitoring", by=org_admin)
    value = f"Bearer {raw}" if header == "Authorization" else raw

    health = client.get("/api/v1/health", headers={header: value}).json()

    assert health["database"]["ok"] is True
    assert "queued" in health["task_queue"]


def test_a_wrong_or_revoked_api_key_sees_only_ok(client, organisation, org_admin):
    api_key, raw = api_key_create(organisation=organisation, name="Monitoring", by=org_admin)
    api_key_revoke(api_key=api_key, by=org_admin)

    for value in (f"Bearer {raw}", "Bearer pahub_nope_nope", "Basic abc"):
        response = client.get("/api/v1/health", headers={"Authorization": value})
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


def test_the_public_sees_only_that_it_is_not_ok_when_degraded(client, db, monkeypatch):
    monkeypatch.setattr(
        core_api, "database_health", lambda: core_api.DatabaseHealth(ok=False, engine="sqlite")
    )

    response = client.get("/api/v1/health")

    assert response.status_code == 503
    assert response.json() == {"status": "degraded"}


def test_health_names_the_task_backend_in_use(staff_client):
    response = staff_client.get("/api/v1/health")

    assert response.json()["task_queue"]["backend"] == "ImmediateBackend"


@pytest.fixture
def database_task_queue(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue_an_email(waiting: timedelta) -> None:

    deliver_email.enqueue({"subject": "Hello", "body": "", "to": []})
    DBTaskResult.objects.update(enqueued_at=timezone.now() - waiting)


def test_health_counts_the_tasks_waiting_in_the_database_queue(staff_client, database_task_queue):
    queue_an_email(waiting=timedelta(seconds=30))

    response = staff_client.get("/api/v1/health")

    assert response.status_code == 200
    task_queue = response.json()["task_queue"]
    assert (task_queue["backend"], task_queue["queued"]) == ("DatabaseBackend", 1)
    assert task_queue["oldest_queued_seconds"] == pytest.approx(30, abs=5)


def test_health_is_503_when_a_task_has_waited_ten_minutes(staff_client, database_task_queue):
    queue_an_email(waiting=timedelta(minutes=11))

    response = staff_client.get("/api/v1/health")

    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["task_queue"]["ok"] is False


def test_health_needs_no_sign_in_even_for_a_signed_in_person(client_for, pa):
    assert client_for(pa).get("/api/v1/health").status_code == 200


def test_health_is_503_when_the_database_is_down(staff_client, monkeypatch):

    monkeypatch.setattr(
        core_api, "database_health", lambda: core_api.DatabaseHealth(ok=False, engine="sqlite")
    )

    response = staff_client.get("/api/v1/health")

    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["task_queue"]["ok"] is False


def test_openapi_schema_is_valid_json_listing_every_path(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "PA Hub API"
    assert {
        "/api/v1/health",
        "/api/v1/me",
        "/api/v1/organisation",
        "/api/v1/places/local-authorities",
        "/api/v1/places/districts/{outcode}",
        "/api/v1/places/distance",
    } <= set(schema["paths"])


def test_openapi_schema_declares_both_ways_to_send_an_api_key(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["OrganisationKeyBearer"].items()
    assert schemes["OrganisationKeyHeader"]["name"] == "X-API-Key"


def test_api_docs_page_is_served(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert "openapi.json" in response.content.decode()
