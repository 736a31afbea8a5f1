"""The API turns the service's refusals into 400 JSON naming the field."""

import pytest

from pahub.cover.models import CoverRequest
from tests.cover.api.conftest import post
from tests.cover.api.test_api_requests import URL, payload

pytestmark = pytest.mark.django_db


def test_a_gender_with_a_reason_is_saved_as_intimate_care(client_for, amira):
    response = post(
        client_for(amira),
        URL,
        payload(amira.pk, required_gender="man", gender_reason="Help using the toilet."),
    )

    assert response.status_code == 201, response.json()
    assert CoverRequest.objects.get().required_gender == "man"


def test_a_gender_without_a_reason_is_refused_by_the_service(client_for, amira):
    response = post(client_for(amira), URL, payload(amira.pk, required_gender="woman"))

    assert response.status_code == 400
    assert response.json()["field"] == "gender_reason"
    assert "Say in your own words" in response.json()["detail"]


def test_an_unknown_skill_among_known_ones_is_refused_not_dropped(client_for, amira):
    tasks = ["personal_care.washing_bathing", "cooking.nonsense"]

    response = post(client_for(amira), URL, payload(amira.pk, tasks=tasks))

    assert response.status_code == 400
    detail = "Unknown skill code: cooking.nonsense. Use codes from /taxonomy/skills."
    assert response.json() == {"detail": detail, "field": "tasks", "errors": {"tasks": [detail]}}
    assert not CoverRequest.objects.exists()
