"""Who may call each cover endpoint: signed out is 401; anyone not in the request, booking or
timesheet gets 404 and changes nothing; each side may only do its own side's actions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.cover.models import Booking, CoverOffer, CoverRequest, Timesheet
from tests.cover.api.conftest import post

API = "/api/v1/cover"


@pytest.fixture
def world(asked, jordans_offer, booking, worked_booking, amira, pa):
    """A request with Jordan's confirmed booking, and yesterday's hours waiting for approval."""
    timesheet = Timesheet.objects.create(
        booking=worked_booking,
        started_at=worked_booking.starts_at,
        ended_at=worked_booking.ends_at,
    )
    tomorrow = (timezone.localdate() + timedelta(days=2)).isoformat()
    return {
        "request": asked.pk,
        "slot": asked.slots.get().pk,
        "offer": jordans_offer.pk,
        "booking": booking.pk,
        "worked": worked_booking.pk,
        "timesheet": timesheet.pk,
        "employer": amira.pk,
        "new_request": {
            "employer_id": amira.pk,
            "slots": [{"day": tomorrow, "start": "08:00", "end": "11:00"}],
            "address": "1 Test Street",
            "hourly_pay": "14.00",
        },
    }


# (method, path, body): each names the ids in `world` it needs.
EMPLOYER_SIDE = [
    ("get", "/requests/{request}", None),
    ("post", "/requests/{request}/cancel", {"reason": "Not needed now"}),
    ("post", "/requests", "new_request"),
    ("post", "/offers/{offer}/confirm", None),
    ("post", "/timesheets/{timesheet}/approve", {}),
    ("post", "/timesheets/{timesheet}/query", {"note": "I make it 2 hours"}),
]
PA_SIDE = [
    ("post", "/slots/{slot}/offers", {"message": "Happy to help"}),
    ("post", "/offers/{offer}/withdraw", None),
    ("post", "/bookings/{worked}/timesheet", "hours"),
]
EITHER_SIDE = [
    ("get", "/bookings/{booking}", None),
    ("post", "/bookings/{booking}/cancel", {"reason": "Ill"}),
]
LISTS = ["/requests", "/bookings", "/timesheets", "/feeds"]


def call(client, world, method, path, body):
    url = API + path.format(**world)
    if body == "new_request":
        body = world["new_request"]
    elif body == "hours":
        yesterday = timezone.localdate() - timedelta(days=1)
        body = {"day": yesterday.isoformat(), "start": "08:00", "end": "11:00"}
    if method == "get":
        return client.get(url)
    return post(client, url, body)


def state(world) -> tuple:
    """Everything an endpoint could change, to show a refused call changed nothing."""
    return (
        CoverRequest.objects.get(pk=world["request"]).status,
        CoverRequest.objects.count(),
        CoverOffer.objects.get(pk=world["offer"]).status,
        Booking.objects.get(pk=world["booking"]).status,
        Timesheet.objects.get(pk=world["timesheet"]).status,
        CoverOffer.objects.count(),
    )


@pytest.mark.parametrize(("method", "path", "body"), EMPLOYER_SIDE + PA_SIDE + EITHER_SIDE)
def test_signed_out_callers_are_told_to_authenticate(client, world, method, path, body):
    response = call(client, world, method, path, body)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}


@pytest.mark.parametrize("path", LISTS)
def test_signed_out_callers_get_no_lists(client, db, path):
    assert client.get(API + path).status_code == 401


@pytest.mark.parametrize(
    "person", ["outsider", "unlinked_representative", "staff_without_consent", "staff_elsewhere"]
)
@pytest.mark.parametrize(("method", "path", "body"), EMPLOYER_SIDE + PA_SIDE + EITHER_SIDE)
def test_people_outside_the_cover_get_404_and_change_nothing(
    client_for, world, request, person, method, path, body
):
    before = state(world)

    response = call(client_for(request.getfixturevalue(person)), world, method, path, body)

    assert response.status_code == 404, response.json()
    assert "detail" in response.json()
    assert state(world) == before


@pytest.mark.parametrize("person", ["outsider", "staff_without_consent", "staff_elsewhere"])
@pytest.mark.parametrize("path", LISTS)
def test_people_outside_the_cover_get_empty_lists(client_for, world, request, person, path):
    response = client_for(request.getfixturevalue(person)).get(API + path)

    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize(("method", "path", "body"), EMPLOYER_SIDE)
def test_the_alerted_pa_cannot_act_for_the_employer(client_for, world, pa, method, path, body):
    before = state(world)

    response = call(client_for(pa), world, method, path, body)

    if path == "/requests/{request}":
        # Jordan may read the request, but only as a PA.
        assert response.status_code == 200 and response.json()["side"] == "pa"
    else:
        assert response.status_code == 404
    assert state(world) == before


@pytest.mark.parametrize(("method", "path", "body"), PA_SIDE)
@pytest.mark.parametrize("person", ["amira", "representative", "consenting_staff"])
def test_the_employer_side_cannot_act_as_the_pa(
    client_for, world, request, person, method, path, body
):
    before = state(world)

    response = call(client_for(request.getfixturevalue(person)), world, method, path, body)

    assert response.status_code == 404
    assert state(world) == before


@pytest.mark.parametrize("person", ["amira", "representative", "consenting_staff"])
def test_the_employer_side_reads_the_request_with_its_offers_and_address(
    client_for, world, request, person
):
    response = client_for(request.getfixturevalue(person)).get(f"{API}/requests/{world['request']}")

    assert response.status_code == 200
    body = response.json()
    assert body["side"] == "employer"
    assert body["address"] == "12 Grey Street, Newcastle NE1 6AE"
    assert [offer["id"] for offer in body["slots"][0]["offers"]] == [world["offer"]]


@pytest.mark.parametrize("person", ["representative", "consenting_staff"])
def test_a_representative_or_consenting_staff_may_confirm_for_the_employer(
    client_for, asked, jordans_offer, request, person
):
    response = post(
        client_for(request.getfixturevalue(person)), f"{API}/offers/{jordans_offer.pk}/confirm"
    )

    assert response.status_code == 201, response.json()
    assert Booking.objects.get().confirmed_by == request.getfixturevalue(person)


def test_ids_too_large_for_the_database_are_refused_without_a_server_error(client_for, pa):
    for path in ("/requests/", "/bookings/"):
        response = client_for(pa).get(f"{API}{path}{2**70}")
        assert response.status_code == 400
