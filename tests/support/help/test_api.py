"""The API for requests for help: own list and create, reply, the staff queue and pick up.
JSON errors for bad input, 404 for other people's requests, never a 500."""

import pytest

from pahub.support.help import services
from pahub.support.models import HelpRequest

pytestmark = pytest.mark.django_db

GOOD = {"topic": "employing", "need": "How do I set up payroll for my PA?"}


def test_an_employer_asks_through_the_api_and_lists_it(employer_profile, org_admin, client_for):
    client = client_for(employer_profile.user)
    response = client.post("/api/v1/support/requests", GOOD, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["status"] == "waiting"
    listed = client.get("/api/v1/support/requests").json()
    assert [item["topic"] for item in listed] == ["employing"]


def test_bad_input_is_400_json_naming_the_field(employer_profile, org_admin, client_for):
    response = client_for(employer_profile.user).post(
        "/api/v1/support/requests",
        GOOD | {"contact_by": "phone"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["field"] == "phone"
    wrong_topic = client_for(employer_profile.user).post(
        "/api/v1/support/requests", GOOD | {"topic": "x"}, content_type="application/json"
    )
    assert wrong_topic.status_code == 400


def test_nobody_serving_the_area_is_409_with_national_services(other_pa, client_for):
    response = client_for(other_pa).post(
        "/api/v1/support/requests", GOOD, content_type="application/json"
    )
    assert response.status_code == 409
    assert "acas.org.uk" in response.json()["detail"]


def test_signed_out_is_401(client):
    assert client.get("/api/v1/support/requests").status_code == 401
    assert client.get("/api/v1/support/queue").status_code == 401


def test_the_queue_is_for_helping_staff_only(help_request, org_admin, employer, client_for):
    assert client_for(employer).get("/api/v1/support/queue").status_code == 403
    queue = client_for(org_admin).get("/api/v1/support/queue").json()
    assert [item["id"] for item in queue] == [help_request.pk]


def test_pick_up_and_reply_through_the_api(help_request, org_admin, nell, client_for):
    staff = client_for(org_admin)
    picked = staff.post(
        f"/api/v1/support/requests/{help_request.pk}/pick-up", {}, content_type="application/json"
    )
    assert picked.status_code == 200
    assert picked.json()["organisation"] == "Newcastle Independent Living"
    again = client_for(nell).post(
        f"/api/v1/support/requests/{help_request.pk}/pick-up", {}, content_type="application/json"
    )
    assert again.status_code == 409
    assert again.json()["detail"] == "Someone else has already picked up this request."
    reply = staff.post(
        f"/api/v1/support/requests/{help_request.pk}/messages",
        {"body": "Here is how payroll works."},
        content_type="application/json",
    )
    assert reply.status_code == 201
    assert reply.json()["messages"][0]["from_adviser"] is True


def test_replying_to_a_closed_request_is_409(help_request, organisation, org_admin, client_for):
    services.help_request_pick_up(
        help_request=help_request, organisation=organisation, by=org_admin
    )
    services.help_request_close(help_request=help_request, by=org_admin, outcome="answered")
    response = client_for(help_request.person).post(
        f"/api/v1/support/requests/{help_request.pk}/messages",
        {"body": "One more thing"},
        content_type="application/json",
    )
    assert response.status_code == 409


def test_an_empty_or_control_character_message_is_400(help_request, client_for):
    client = client_for(help_request.person)
    for body in ("", "bad\x00text"):
        response = client.post(
            f"/api/v1/support/requests/{help_request.pk}/messages",
            {"body": body},
            content_type="application/json",
        )
        assert response.status_code == 400


def test_an_outsider_gets_404(help_request, outsider, client_for):
    client = client_for(outsider)
    assert client.get(f"/api/v1/support/requests/{help_request.pk}").status_code == 404
    response = client.post(
        f"/api/v1/support/requests/{help_request.pk}/messages",
        {"body": "Hello"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert HelpRequest.objects.get().messages.count() == 0
