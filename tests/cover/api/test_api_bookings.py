"""GET /api/v1/cover/bookings, GET /cover/bookings/{id}, POST /cover/bookings/{id}/cancel."""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pahub.cover.models import Booking, CoverOffer, CoverSlot
from pahub.cover.permissions import can_see_address
from pahub.cover.services import booking_confirm
from tests.cover.api.conftest import ADDRESS, PHONE, alert, post
from tests.cover.conftest import make_request, starting_soon

URL = "/api/v1/cover/bookings"


def test_the_booked_pa_sees_the_booking_with_the_address(client_for, pa, booking):
    response = client_for(pa).get(f"{URL}/{booking.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["side"] == "pa"
    assert (body["address"], body["contact_phone"]) == (ADDRESS, PHONE)
    assert body["employer_name"] == "Amira"
    assert body["employer_id"] is None
    assert body["when"].endswith("08:00 to 11:00")


def test_the_employer_side_sees_who_is_booked(client_for, representative, booking, pa):
    body = client_for(representative).get(f"{URL}/{booking.pk}").json()

    assert body["side"] == "employer"
    assert (body["pa_id"], body["pa_name"]) == (pa.pk, "Jordan Reed")
    assert body["address"] == ADDRESS


def test_a_cancelled_booking_no_longer_shows_the_pa_the_address(client_for, pa, amira, booking):
    post(client_for(amira), f"{URL}/{booking.pk}/cancel", {"reason": "Going into hospital"})

    body = client_for(pa).get(f"{URL}/{booking.pk}").json()

    assert body["status"] == "cancelled"
    assert body["address"] is None and body["contact_phone"] is None
    assert (body["cancelled_by"], body["cancel_reason"]) == ("employer", "Going into hospital")


@pytest.mark.parametrize("person", ["pa", "amira", "representative", "consenting_staff"])
def test_the_list_and_the_booking_show_the_address_by_the_same_rule(
    client_for, request, person, booking
):
    """Both follow permissions.can_see_address, the one rule for it."""
    user = request.getfixturevalue(person)
    client = client_for(user)
    for status in ("confirmed", "cancelled"):
        Booking.objects.filter(pk=booking.pk).update(status=status)
        booking.refresh_from_db()
        expected = ADDRESS if can_see_address(user, booking) else None
        [listed] = client.get(URL).json()
        assert listed["address"] == expected
        assert client.get(f"{URL}/{booking.pk}").json()["address"] == expected


def test_a_pa_lists_only_their_own_bookings(client_for, pa, other_pa, booking, asked):
    assert [item["id"] for item in client_for(pa).get(URL).json()] == [booking.pk]
    assert client_for(other_pa).get(URL).json() == []


def test_bookings_can_be_narrowed_by_side_and_status(client_for, pa, booking):
    client = client_for(pa)

    assert len(client.get(URL, {"side": "pa", "status": "confirmed"}).json()) == 1
    assert client.get(URL, {"side": "employer"}).json() == []
    assert client.get(URL, {"status": "cancelled"}).json() == []


def test_listing_bookings_takes_the_same_queries_however_many_there_are(
    client_for, amira, pa, tomorrow
):
    def book(hour: int) -> None:
        request = make_request(amira, slots=[(tomorrow, time(hour), time(hour, 30))])
        alert(request, pa)
        booking_confirm(offer=CoverOffer.objects.create(slot=request.slots.get(), pa=pa), by=amira)

    counts = {}
    for rows in (1, 6):
        while Booking.objects.count() < rows:
            book(6 + Booking.objects.count())
        for person in (amira, pa):
            with CaptureQueriesContext(connection) as queries:
                assert len(client_for(person).get(URL).json()) == rows
            counts[(person.pk, rows)] = len(queries)

    assert counts[(amira.pk, 1)] == counts[(amira.pk, 6)]
    assert counts[(pa.pk, 1)] == counts[(pa.pk, 6)]


# Cancelling


def test_the_pa_cancels_late_with_a_reason_and_the_shift_reopens(client_for, pa, booking):
    starting_soon(booking)
    response = post(client_for(pa), f"{URL}/{booking.pk}/cancel", {"reason": "I have flu"})

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "cancelled"
    assert body["late_cancellation"] is True  # it starts in two hours
    assert body["cancelled_by"] == "pa"
    assert CoverSlot.objects.get(pk=booking.slot_id).status == "open"


def test_cancelling_needs_a_reason(client_for, pa, booking):
    response = post(client_for(pa), f"{URL}/{booking.pk}/cancel", {"reason": ""})

    assert response.status_code == 400
    assert response.json()["field"] == "reason"
    booking.refresh_from_db()
    assert booking.status == "confirmed"


def test_cancelling_twice_is_409(client_for, pa, booking):
    client = client_for(pa)
    post(client, f"{URL}/{booking.pk}/cancel", {"reason": "I have flu"})

    again = post(client, f"{URL}/{booking.pk}/cancel", {"reason": "I have flu"})

    assert again.status_code == 409
    assert again.json()["detail"] == "This booking has already been cancelled."


def test_a_finished_shift_cannot_be_cancelled(client_for, amira, worked_booking):
    response = post(client_for(amira), f"{URL}/{worked_booking.pk}/cancel", {"reason": "Oops"})

    assert response.status_code == 409
    assert "already finished" in response.json()["detail"]
