"""GET/POST /api/v1/cover/requests, GET /cover/requests/{id}, POST /cover/requests/{id}/cancel."""

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pahub.cover.models import CoverOffer, CoverRequest, CoverSlot
from pahub.cover.services import booking_cancel, booking_confirm
from tests.cover.api.conftest import ADDRESS, PHONE, alert, post
from tests.cover.conftest import make_request
from tests.factories import UserFactory

URL = "/api/v1/cover/requests"


def a_day(days_ahead: int = 2) -> str:
    return (timezone.localdate() + timedelta(days=days_ahead)).isoformat()


def payload(employer: int, **changes) -> dict:
    values = {
        "employer_id": employer,
        "slots": [{"day": a_day(), "start": "08:00", "end": "11:00"}],
        "address": "12 Grey Street, Newcastle NE1 6AE",
        "contact_phone": "07700 900123",
        "hourly_pay": "14.00",
        "pool_wait_minutes": 30,
        "tasks": ["personal_care.washing_bathing"],
        "note": "Key safe by the door; the code is given once booked.",
    }
    return values | changes


def next_spring_clock_change() -> date:
    """The next last Sunday of March, when the clocks go forward at 01:00."""
    today = timezone.localdate()
    for year in (today.year, today.year + 1):
        day = date(year, 3, 31)
        day -= timedelta(days=(day.weekday() + 1) % 7)
        if day > today + timedelta(days=1):
            return day
    raise AssertionError("unreachable")


# Listing


def test_the_employer_lists_her_requests_with_their_address(client_for, amira, asked):
    response = client_for(amira).get(URL)

    assert response.status_code == 200
    [item] = response.json()
    assert item["id"] == asked.pk
    assert item["side"] == "employer"
    assert item["address"] == ADDRESS
    assert item["alerted"] == {"pool": 1, "nearby": 0}


def test_an_alerted_pa_lists_the_request_without_the_address(client_for, pa, asked):
    response = client_for(pa).get(URL)

    [item] = response.json()
    assert item["side"] == "pa"
    assert item["district"] == "NE1"
    assert item["address"] is None and item["contact_phone"] is None
    assert item["employer_id"] is None and item["alerted"] is None
    assert item["slots"][0]["when"].endswith("08:00 to 11:00")
    assert ADDRESS not in response.content.decode()
    assert PHONE not in response.content.decode()


def test_a_pa_not_alerted_sees_no_requests(client_for, other_pa, asked):
    assert client_for(other_pa).get(URL).json() == []


def test_the_list_can_be_narrowed_by_side_and_status(client_for, representative, amira, tomorrow):
    """Sara represents Amira, and is also alerted as a PA to someone else's request."""
    covered = make_request(amira, slots=[(tomorrow, time(8), time(9))], status="covered")
    open_one = make_request(amira, slots=[(tomorrow, time(12), time(13))])
    someone = UserFactory(roles=["employer"], email="someone@example.org")
    elsewhere = make_request(someone, slots=[(tomorrow, time(14), time(15))])
    alert(elsewhere, representative, from_pool=False)
    client = client_for(representative)

    def ids(**params) -> list[int]:
        return [item["id"] for item in client.get(URL, params).json()]

    assert set(ids()) == {covered.pk, open_one.pk, elsewhere.pk}
    assert ids(side="pa") == [elsewhere.pk]
    assert set(ids(side="employer", status="open")) == {open_one.pk}
    assert client.get(URL, {"status": "nonsense"}).status_code == 400


def test_listing_requests_takes_the_same_queries_however_many_there_are(
    client_for, amira, pa, tomorrow
):
    def make_alerted(hour: int) -> None:
        request = make_request(amira, slots=[(tomorrow, time(hour), time(hour + 1))])
        alert(request, pa)
        CoverOffer.objects.create(slot=request.slots.get(), pa=pa)

    make_alerted(6)
    counts = {}
    for rows in (1, 5):
        while CoverRequest.objects.count() < rows:
            make_alerted(6 + CoverRequest.objects.count())
        for person in (amira, pa):
            client = client_for(person)
            with CaptureQueriesContext(connection) as queries:
                assert len(client.get(URL).json()) == rows
            counts[(person.pk, rows)] = len(queries)

    assert counts[(amira.pk, 1)] == counts[(amira.pk, 5)]
    assert counts[(pa.pk, 1)] == counts[(pa.pk, 5)]


# One request


def test_a_pa_sees_their_own_offer_but_not_other_pas_offers(client_for, asked, pa, other_pa):
    alert(asked, other_pa, from_pool=False)
    slot = asked.slots.get()
    mine = CoverOffer.objects.create(slot=slot, pa=pa)
    CoverOffer.objects.create(slot=slot, pa=other_pa)

    body = client_for(pa).get(f"{URL}/{asked.pk}").json()

    assert [offer["id"] for offer in body["slots"][0]["offers"]] == [mine.pk]


def test_the_address_is_shown_to_the_pa_only_while_booked(client_for, asked, pa, amira):
    client = client_for(pa)
    offer = CoverOffer.objects.create(slot=asked.slots.get(), pa=pa)
    assert client.get(f"{URL}/{asked.pk}").json()["address"] is None

    booking = booking_confirm(offer=offer, by=amira)
    booked = client.get(f"{URL}/{asked.pk}").json()
    assert (booked["address"], booked["contact_phone"]) == (ADDRESS, PHONE)
    assert booked["slots"][0]["booking"]["id"] == booking.pk

    booking_cancel(booking=booking, by=amira, reason="My usual PA is better")
    assert client.get(f"{URL}/{asked.pk}").json()["address"] is None


def test_a_pa_booked_by_someone_else_sees_the_slot_taken_without_the_address(
    client_for, asked, pa, other_pa, amira
):
    alert(asked, other_pa, from_pool=False)
    booking_confirm(offer=CoverOffer.objects.create(slot=asked.slots.get(), pa=pa), by=amira)

    body = client_for(other_pa).get(f"{URL}/{asked.pk}").json()

    assert body["slots"][0]["status"] == "booked"
    assert body["slots"][0]["booking"] is None
    assert body["address"] is None


def test_an_unknown_request_is_404(client_for, amira, db):
    assert client_for(amira).get(f"{URL}/999999").status_code == 404


# Creating


def test_the_employer_asks_for_cover_and_gets_the_request_back(client_for, amira):
    response = post(client_for(amira), URL, payload(amira.pk))

    assert response.status_code == 201, response.json()
    body = response.json()
    request = CoverRequest.objects.get()
    assert body["id"] == request.pk
    assert body["side"] == "employer" and body["status"] == "open"
    assert body["tasks"] == [
        {"code": "personal_care.washing_bathing", "name": body["tasks"][0]["name"]}
    ]
    [slot] = body["slots"]
    assert slot["starts_at"].startswith(a_day() + "T08:00:00")
    assert slot["hours"] == 3.0 and slot["overnight"] is False
    assert request.created_by == amira


def test_a_representative_asks_for_cover_for_the_employer(client_for, representative, amira):
    response = post(client_for(representative), URL, payload(amira.pk))

    assert response.status_code == 201
    request = CoverRequest.objects.get()
    assert (request.employer, request.created_by) == (amira, representative)


def test_an_overnight_shift_across_the_spring_clock_change_lasts_eight_real_hours(
    client_for, amira
):
    night = next_spring_clock_change() - timedelta(days=1)
    shift = {"day": night.isoformat(), "start": "22:00", "end": "07:00"}

    response = post(client_for(amira), URL, payload(amira.pk, slots=[shift]))

    [slot] = response.json()["slots"]
    assert slot["hours"] == 8.0
    assert slot["overnight"] is True
    # Starts in GMT, ends in BST: the offsets show it.
    assert datetime.fromisoformat(slot["starts_at"]).utcoffset() == timedelta(0)
    assert datetime.fromisoformat(slot["ends_at"]).utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"hourly_pay": "9.00"}, "hourly_pay", "12.71"),
        ({"address": "   "}, "address", "address"),
        ({"slots": []}, "slots", "at least one shift"),
        (
            {
                "slots": [
                    {"day": a_day(), "start": "08:00", "end": "11:00"},
                    {"day": a_day(), "start": "10:00", "end": "12:00"},
                ]
            },
            "slots",
            "overlap",
        ),
        ({"slots": [{"day": a_day(-1), "start": "08:00", "end": "11:00"}]}, "slots", "started"),
        ({"required_gender": "woman"}, "gender_reason", "intimate personal care"),
        ({"pool_wait_minutes": 45}, "pool_wait_minutes", "relief pool"),
        ({"tasks": ["cooking.nonsense"]}, "tasks", "cooking.nonsense"),
        ({"required_skills": ["no.such.skill"]}, "required_skills", "no.such.skill"),
        ({"required_language": "xx"}, "required_language", "language"),
    ],
)
def test_a_broken_rule_is_400_naming_the_field_and_nothing_is_saved(
    client_for, amira, changes, field, words
):
    response = post(client_for(amira), URL, payload(amira.pk, **changes))

    assert response.status_code == 400, response.json()
    assert response.json()["field"] == field
    assert words in response.json()["detail"]
    assert not CoverRequest.objects.exists()
    assert not CoverSlot.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"hourly_pay": "NaN"},
        {"hourly_pay": "14.001"},
        {"slots": [{"day": "9999-12-31", "start": "22:00", "end": "07:00"}]},
        {"slots": [{"day": a_day(), "start": "08:00+05:00", "end": "11:00"}]},
        {"slots": [{"day": a_day(), "start": "25:00", "end": "11:00"}]},
        {"required_dbs": "platinum"},
        {"employer_id": 0},
    ],
)
def test_malformed_values_are_400_not_a_server_error(client_for, amira, changes):
    response = post(client_for(amira), URL, payload(amira.pk, **changes))

    assert response.status_code == 400
    assert response.json()["detail"]
    assert not CoverRequest.objects.exists()


def test_a_body_that_is_not_json_is_refused_in_json(client_for, amira):
    response = client_for(amira).post(URL, data="{not json", content_type="application/json")

    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


def test_an_employer_without_a_profile_is_told_to_set_one_up(client_for, employer):
    response = post(client_for(employer), URL, payload(employer.pk))

    assert response.status_code == 400
    assert "employer profile" in response.json()["detail"]


def test_asking_for_someone_you_do_not_act_for_is_404(client_for, outsider, amira):
    response = post(client_for(outsider), URL, payload(amira.pk))

    assert response.status_code == 404
    assert not CoverRequest.objects.exists()


# Cancelling


def test_the_employer_withdraws_a_request_with_a_reason(client_for, amira, asked):
    response = post(client_for(amira), f"{URL}/{asked.pk}/cancel", {"reason": "Feeling better"})

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["slots"][0]["status"] == "cancelled"


def test_withdrawing_needs_a_reason_and_cannot_happen_twice(client_for, amira, asked):
    client = client_for(amira)

    no_reason = post(client, f"{URL}/{asked.pk}/cancel", {"reason": " "})
    post(client, f"{URL}/{asked.pk}/cancel", {"reason": "Feeling better"})
    again = post(client, f"{URL}/{asked.pk}/cancel", {"reason": "Feeling better"})

    assert (no_reason.status_code, no_reason.json()["field"]) == (400, "reason")
    assert again.status_code == 409
    assert again.json() == {"detail": "This request has already ended."}


def test_the_posted_json_round_trips_through_the_schema(client_for, amira):
    """The OpenAPI schema documents every field the endpoint returns."""
    body = post(client_for(amira), URL, payload(amira.pk)).json()
    schema = json.loads(client_for(amira).get("/api/v1/openapi.json").content)
    documented = schema["components"]["schemas"]["CoverRequestOut"]["properties"]

    assert set(body) == set(documented)
