"""Staff with Amira's consent, in her area, but without two-factor may neither read her
conversations nor send messages as her through the API (JSON error, none of the messages)."""

import json

import pytest

from pahub.accounts.models import Membership, User
from tests.factories import give_employer_consent, make_staff


@pytest.fixture
def staff_without_two_factor(organisation, employer_profile) -> User:
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        two_factor=False,
        email="nell.no2fa@example.org",
    )
    give_employer_consent(
        employer=employer_profile.user, organisation=organisation, how_given="Phone"
    )
    return staff


def test_reading_her_conversation_is_refused(client_for, staff_without_two_factor, conversation):
    response = client_for(staff_without_two_factor).get(f"/api/v1/conversations/{conversation.pk}")

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert "I would love to hear more" not in response.content.decode()


def test_posting_a_message_as_her_is_refused(client_for, staff_without_two_factor, conversation):
    before = conversation.messages.count()

    response = client_for(staff_without_two_factor).post(
        f"/api/v1/conversations/{conversation.pk}/messages",
        json.dumps({"body": "Hello from staff"}),
        content_type="application/json",
    )

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert conversation.messages.count() == before


def test_her_conversations_are_not_listed(client_for, staff_without_two_factor, conversation):
    response = client_for(staff_without_two_factor).get("/api/v1/conversations")

    assert response.status_code == 403
    assert "Amira" not in response.content.decode()
