"""The endorsement and feedback API: the same rules as the pages, JSON errors, never 500."""

import json

import pytest

from pahub.community.models import Endorsement, Feedback
from tests.community.trust.conftest import written

BASE = "/api/v1/community"


def post(client, path: str, body: dict):
    return client.post(f"{BASE}{path}", json.dumps(body), content_type="application/json")


def test_the_pa_asks_and_lists_their_endorsements(client_for, pa, employer, hired):
    client = client_for(pa)

    response = post(client, "/endorsements", {"employer_id": employer.pk, "message": "Please"})

    assert response.status_code == 201, response.content
    assert response.json()["status"] == "requested"
    assert response.json()["by"] == "Amira, NE1"
    listed = client.get(f"{BASE}/endorsements").json()
    assert [row["id"] for row in listed] == [Endorsement.objects.get().pk]


def test_asking_twice_is_409(client_for, pa, employer, hired):
    post(client_for(pa), "/endorsements", {"employer_id": employer.pk})

    response = post(client_for(pa), "/endorsements", {"employer_id": employer.pk})

    assert response.status_code == 409
    assert "already asked" in response.json()["detail"]


@pytest.mark.parametrize("who", ["other_pa", "outsider"])
def test_asking_someone_who_never_employed_you_is_404(client_for, employer, hired, who, request):
    response = post(
        client_for(request.getfixturevalue(who)), "/endorsements", {"employer_id": employer.pk}
    )

    assert response.status_code == 404
    assert not Endorsement.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"employer_id": "amira"},
        {"employer_id": 0},
        {"employer_id": 2**70},
        {"employer_id": 1, "message": "x" * 501},
        {"employer_id": 1, "message": "nul\x00"},
    ],
)
def test_bad_input_is_400_json(client_for, pa, employer, hired, body):
    response = post(client_for(pa), "/endorsements", body)

    assert response.status_code == 400
    assert "detail" in response.json()


def test_logged_out_is_401(client, employer):
    assert client.get(f"{BASE}/endorsements").status_code == 401
    assert post(client, "/endorsements", {"employer_id": employer.pk}).status_code == 401
    assert post(client, "/feedback", {"about_id": employer.pk}).status_code == 401


def test_the_employer_lists_and_writes_requests(client_for, pa, employer, representative, hired):
    endorsement = Endorsement.objects.create(pa=pa, employer=employer)

    pending = client_for(representative).get(f"{BASE}/endorsements/requests").json()
    assert [row["id"] for row in pending] == [endorsement.pk]
    response = post(
        client_for(employer), f"/endorsements/{endorsement.pk}/write", {"text": "Always kind."}
    )

    assert response.status_code == 200
    assert response.json()["shown"] is False
    assert client_for(employer).get(f"{BASE}/endorsements/requests").json() == []


def test_writing_empty_or_too_long_is_400_and_for_outsiders_404(
    client_for, pa, employer, outsider, hired
):
    endorsement = Endorsement.objects.create(pa=pa, employer=employer)
    url = f"/endorsements/{endorsement.pk}/write"

    assert post(client_for(employer), url, {"text": ""}).status_code == 400
    assert post(client_for(employer), url, {"text": "   "}).status_code == 400
    assert post(client_for(employer), url, {"text": "x" * 601}).status_code == 400
    assert post(client_for(outsider), url, {"text": "Hello"}).status_code == 404
    assert post(client_for(pa), url, {"text": "Hello"}).status_code == 404
    endorsement.refresh_from_db()
    assert endorsement.status == "requested"


def test_the_pa_shows_a_written_endorsement(client_for, pa, employer, other_pa, hired):
    endorsement = written(pa, employer)
    url = f"/endorsements/{endorsement.pk}/visibility"

    assert post(client_for(other_pa), url, {"shown": True}).status_code == 404
    assert post(client_for(pa), url, {"shown": "perhaps"}).status_code == 400
    response = post(client_for(pa), url, {"shown": True})

    assert response.status_code == 200
    assert response.json()["shown"] is True


def test_showing_an_unwritten_request_is_409(client_for, pa, employer, hired):
    endorsement = Endorsement.objects.create(pa=pa, employer=employer)

    response = post(client_for(pa), f"/endorsements/{endorsement.pk}/visibility", {"shown": True})

    assert response.status_code == 409


def test_feedback_is_sent_and_never_returned(client_for, pa, employer, hired):
    response = post(
        client_for(employer),
        "/feedback",
        {"about_id": pa.pk, "category": "concern", "text": "Late twice."},
    )

    assert response.status_code == 201
    assert "Late" not in response.content.decode()
    assert Feedback.objects.get().about == pa


@pytest.mark.parametrize(
    "body",
    [
        {"category": "concern", "text": "Late"},
        {"about_id": 1, "category": "5 stars", "text": "Late"},
        {"about_id": 1, "category": "concern", "text": ""},
        {"about_id": 1, "category": "concern", "text": "x" * 2001},
        {"about_id": 1, "category": "concern", "score": 1},
    ],
)
def test_bad_feedback_is_400_json(client_for, pa, employer, hired, body):
    response = post(client_for(employer), "/feedback", body)

    assert response.status_code == 400
    assert "detail" in response.json()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("who", ["other_pa", "outsider", "representative", "admin"])
def test_feedback_about_someone_you_did_not_work_with_is_404(client_for, pa, hired, who, request):
    response = post(
        client_for(request.getfixturevalue(who)),
        "/feedback",
        {"about_id": pa.pk, "category": "concern", "text": "Late"},
    )

    assert response.status_code == 404
    assert not Feedback.objects.exists()
