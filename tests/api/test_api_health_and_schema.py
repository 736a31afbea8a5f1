"""The service's health and its published OpenAPI schema."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pahub.core import api as core_api
from pahub.core.mail import deliver_email


def test_health_reports_the_database_and_task_queue(client, db):
    response = client.get("/api/v1/health")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    health = response.json()
    assert health["status"] == "ok"
    assert health["database"]["ok"] is True
    assert health["database"]["engine"] in {"sqlite", "postgresql"}
    assert health["task_queue"]["ok"] is True
    assert health["task_queue"]["queued"] == 0


def test_health_names_the_task_backend_in_use(client, db):
    response = client.get("/api/v1/health")

    assert response.json()["task_queue"]["backend"] == "ImmediateBackend"


@pytest.fixture
def database_task_queue(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue_an_email(waiting: timedelta) -> None:

    deliver_email.enqueue({"subject": "Hello", "body": "", "to": []})
    DBTaskResult.objects.update(enqueued_at=timezone.now() - waiting)


def test_health_counts_the_tasks_waiting_in_the_database_queue(client, database_task_queue):
    queue_an_email(waiting=timedelta(seconds=30))

    response = client.get("/api/v1/health")

    assert response.status_code == 200
    task_queue = response.json()["task_queue"]
    assert (task_queue["backend"], task_queue["queued"]) == ("DatabaseBackend", 1)
    assert task_queue["oldest_queued_seconds"] == pytest.approx(30, abs=5)


def test_health_is_503_when_a_task_has_waited_ten_minutes(client, database_task_queue):
    queue_an_email(waiting=timedelta(minutes=11))

    response = client.get("/api/v1/health")

    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["task_queue"]["ok"] is False


def test_health_needs_no_sign_in_even_for_a_signed_in_person(client_for, pa):
    assert client_for(pa).get("/api/v1/health").status_code == 200


def test_health_is_503_when_the_database_is_down(client, db, monkeypatch):

    monkeypatch.setattr(
        core_api, "database_health", lambda: core_api.DatabaseHealth(ok=False, engine="sqlite")
    )

    response = client.get("/api/v1/health")

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
