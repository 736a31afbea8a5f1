"""/api/v1/concerns/: raise a concern (JSON errors), and safeguarding staff read them."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from pahub.support.concerns.services import RAISE_LIMIT
from pahub.support.models import Concern

URL = "/api/v1/concerns/"


def body(**changes) -> dict:
    return {
        "who": "My neighbour",
        "what_happened": "I heard shouting.\nShe has bruises.",
        "in_danger": False,
        "may_contact": False,
    } | changes


def post(client, payload):
    return client.post(URL, json.dumps(payload), content_type="application/json")


def test_a_signed_in_person_raises_a_concern_about_a_booking(
    client_for, employer, pa, cover_booking, newcastle
):
    response = post(client_for(employer), body(about=f"booking:{cover_booking.pk}"))

    assert response.status_code == 201
    data = response.json()
    assert data["area"] == "Newcastle upon Tyne"
    assert data["status"] == "received"
    assert "999" in data["advice"]
    concern = Concern.objects.get()
    assert (concern.about_user, concern.area) == (pa, newcastle)


def test_someone_in_danger_is_told_to_call_999_now(client_for, employer, durham):
    response = post(client_for(employer), body(area=durham.pk, in_danger=True))

    assert response.status_code == 201
    assert "call 999 now" in response.json()["advice"]


def test_without_context_the_area_is_needed(client_for, employer):
    response = post(client_for(employer), body())

    assert response.status_code == 400
    assert response.json()["field"] == "area"


@pytest.mark.parametrize(
    "payload, field",
    [
        (body(area="E06000057", who=""), "who"),
        (body(area="E06000057", may_contact=True), "contact_details"),
        (body(area="NOPE"), "area"),
        (body(area="E06000057", who="a\x00b"), "who"),
        ({"who": "x"}, "what_happened"),
        (body(area="E06000057", in_danger="perhaps"), "in_danger"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client_for, employer, payload, field):
    response = post(client_for(employer), payload)

    assert response.status_code == 400
    assert field in json.dumps(response.json())
    assert not Concern.objects.exists()


def test_a_body_that_is_not_json_is_a_400(client_for, employer):
    response = client_for(employer).post(URL, "not json", content_type="application/json")

    assert response.status_code == 400


def test_logged_out_is_401(newcastle):
    assert post(Client(), body(area=newcastle.pk)).status_code == 401
    assert Client().get(URL).status_code == 401


def test_too_many_in_an_hour_is_429(client_for, employer, newcastle):
    client = client_for(employer)
    for _ in range(RAISE_LIMIT):
        assert post(client, body(area=newcastle.pk)).status_code == 201

    response = post(client, body(area=newcastle.pk))

    assert response.status_code == 429
    assert "999" in response.json()["detail"]


def test_safeguarding_staff_list_the_concerns_in_their_areas_only(
    client_for, safeguarder, durham_safeguarder, concern
):
    mine = client_for(safeguarder).get(URL)
    theirs = client_for(durham_safeguarder).get(URL)

    assert [row["reference"] for row in mine.json()] == [concern.reference]
    assert theirs.json() == []


@pytest.mark.parametrize("who", ["council_colleague", "employer", "pa", "outsider"])
def test_anyone_else_gets_404(request, client_for, concern, who):
    client = client_for(request.getfixturevalue(who))

    assert client.get(URL).status_code == 404
    assert client.get(reverse("api:concern_detail", args=[concern.pk])).status_code == 404


def test_staff_read_one_concern_with_its_details(client_for, safeguarder, concern):
    response = client_for(safeguarder).get(reverse("api:concern_detail", args=[concern.pk]))

    assert response.status_code == 200
    assert response.json()["what_happened"] == concern.what_happened


def test_an_id_too_large_is_a_400_not_a_500(client_for, safeguarder):
    response = client_for(safeguarder).get(f"{URL}99999999999999999999999")

    assert response.status_code in (400, 404)
