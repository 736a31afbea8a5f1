"""Staff with Amira's consent, in her area, but without two-factor, act for no one through
the API either: the one acting-for rule refuses them, with a JSON error and none of her
details (address, phone) in the body."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, User
from pahub.cover.models import CoverRequest
from tests.cover.api.conftest import ADDRESS, PHONE, post
from tests.factories import give_employer_consent, make_staff

URL = "/api/v1/cover/requests"


@pytest.fixture
def staff_without_two_factor(organisation, amira) -> User:
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.MEMBER,
        two_factor=False,
        email="nell.no2fa@example.org",
        full_name="Nell Newcomer",
    )
    give_employer_consent(employer=amira, organisation=organisation, how_given="On the phone.")
    return staff


def assert_refused_without_her_details(response) -> None:
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    body = response.content.decode()
    assert ADDRESS not in body and "Grey Street" not in body
    assert PHONE not in body


def test_reading_her_request_is_refused(client_for, staff_without_two_factor, asked):
    response = client_for(staff_without_two_factor).get(f"{URL}/{asked.pk}")

    assert_refused_without_her_details(response)


def test_posting_a_request_for_her_is_refused_and_saves_nothing(
    client_for, staff_without_two_factor, amira
):
    before = CoverRequest.objects.count()
    tomorrow = (timezone.localdate() + timedelta(days=2)).isoformat()

    response = post(
        client_for(staff_without_two_factor),
        URL,
        {
            "employer_id": amira.pk,
            "slots": [{"day": tomorrow, "start": "08:00", "end": "11:00"}],
            "address": "1 Test Street",
            "hourly_pay": "14.00",
        },
    )

    assert_refused_without_her_details(response)
    assert CoverRequest.objects.count() == before


def test_her_requests_are_not_listed(client_for, staff_without_two_factor, asked):
    response = client_for(staff_without_two_factor).get(URL)

    assert ADDRESS not in response.content.decode()
