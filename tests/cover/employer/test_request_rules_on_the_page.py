"""The page turns the service's refusals into errors by the field they name."""

import pytest
from django.urls import reverse

from pahub.cover.models import CoverRequest
from tests.cover.employer.test_asking_for_cover import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(employer) -> str:
    return reverse("cover:request_new", args=[employer.pk])


@pytest.fixture
def amira(client_for, employer, employer_profile):
    return client_for(employer)


def field_error(body: str, field: str) -> str:
    assert f'id="id_{field}-error"' in body, field
    return body.split(f'id="id_{field}-error"', 1)[1].split("</p>", 1)[0].replace("&#x27;", "'")


def test_the_intimate_care_rule_comes_from_the_service(amira, page, tomorrow):
    """Nothing in the form checks it any more: the service's error lands on the tick box."""
    data = form_data(tomorrow, required_gender="woman", gender_reason="I prefer it.")

    body = amira.post(page, data).content.decode()

    assert "intimate personal care" in field_error(body, "includes_intimate_care")
    assert not CoverRequest.objects.exists()


def test_a_gender_with_intimate_care_and_a_reason_is_asked_for(amira, page, tomorrow):
    data = form_data(
        tomorrow,
        required_gender="woman",
        includes_intimate_care="on",
        gender_reason="Help with washing.",
    )

    response = amira.post(page, data)

    assert response.status_code == 302
    assert CoverRequest.objects.get().required_gender == "woman"


def test_a_task_that_is_not_in_the_list_is_refused(amira, page, tomorrow):
    body = amira.post(page, form_data(tomorrow, tasks=["999999"])).content.decode()

    assert "Select a valid choice" in field_error(body, "tasks")
    assert not CoverRequest.objects.exists()
