"""POST /api/v1/cover/bookings/{id}/timesheet, GET /cover/timesheets, and approving or
querying hours; plus GET /cover/feeds."""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pahub.cover.models import Booking, CalendarFeed, Timesheet
from tests.cover.api.conftest import post
from tests.cover.conftest import make_request

API = "/api/v1/cover"


def hours(**changes) -> dict:
    yesterday = timezone.localdate() - timedelta(days=1)
    return {
        "day": yesterday.isoformat(),
        "start": "08:00",
        "end": "11:30",
        "break_minutes": 15,
        "note": "Stayed on to finish the shopping.",
    } | changes


@pytest.fixture
def recorded(worked_booking, pa) -> Timesheet:
    started = worked_booking.starts_at
    return Timesheet.objects.create(
        booking=worked_booking,
        started_at=started,
        ended_at=started + timedelta(hours=3, minutes=30),
        break_minutes=15,
    )


def test_the_pa_records_the_hours_worked(client_for, pa, worked_booking):
    response = post(client_for(pa), f"{API}/bookings/{worked_booking.pk}/timesheet", hours())

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted"
    assert body["hours_worked"] == 3.25
    assert body["pay_due"] == "45.50"  # 3.25 hours at £14.00
    assert body["side"] == "pa"
    assert Timesheet.objects.get().booking == worked_booking


def test_hours_cannot_be_recorded_before_the_shift_starts(client_for, pa, booking):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = post(
        client_for(pa), f"{API}/bookings/{booking.pk}/timesheet", hours(day=tomorrow.isoformat())
    )

    assert response.status_code == 409
    assert "once the shift has started" in response.json()["detail"]
    assert not Timesheet.objects.exists()


@pytest.mark.parametrize(
    ("changes", "status", "field"),
    [
        ({"break_minutes": 300}, 400, "break_minutes"),
        ({"break_minutes": -5}, 400, "break_minutes"),
        ({"start": "8 o'clock"}, 400, "start"),
        ({"day": "1900-01-01"}, 400, "day"),
    ],
)
def test_bad_hours_are_400_and_nothing_is_saved(
    client_for, pa, worked_booking, changes, status, field
):
    response = post(
        client_for(pa), f"{API}/bookings/{worked_booking.pk}/timesheet", hours(**changes)
    )

    assert response.status_code == status
    assert response.json().get("field") == field
    assert not Timesheet.objects.exists()


def test_the_employer_approves_the_hours(client_for, amira, recorded):
    response = post(client_for(amira), f"{API}/timesheets/{recorded.pk}/approve")

    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    recorded.refresh_from_db()
    assert (recorded.status, recorded.decided_by) == ("approved", amira)


def test_approved_hours_cannot_be_approved_again_or_changed(client_for, amira, pa, recorded):
    post(client_for(amira), f"{API}/timesheets/{recorded.pk}/approve", {})

    again = post(client_for(amira), f"{API}/timesheets/{recorded.pk}/approve", {})
    change = post(client_for(pa), f"{API}/bookings/{recorded.booking_id}/timesheet", hours())

    assert again.status_code == 409
    assert change.status_code == 409
    assert "approved already" in change.json()["detail"]


def test_querying_hours_needs_a_note_and_tells_the_pa(client_for, representative, pa, recorded):
    client = client_for(representative)

    without = post(client, f"{API}/timesheets/{recorded.pk}/query", {"note": ""})
    queried = post(client, f"{API}/timesheets/{recorded.pk}/query", {"note": "I make it 3 hours"})

    assert (without.status_code, without.json()["field"]) == (400, "note")
    assert queried.status_code == 200
    assert queried.json()["employer_note"] == "I make it 3 hours"
    mine = client_for(pa).get(f"{API}/timesheets").json()
    assert [(item["status"], item["employer_note"]) for item in mine] == [
        ("queried", "I make it 3 hours")
    ]


def test_the_pa_cannot_approve_their_own_hours(client_for, pa, recorded):
    response = post(client_for(pa), f"{API}/timesheets/{recorded.pk}/approve", {})

    assert response.status_code == 404
    recorded.refresh_from_db()
    assert recorded.status == "submitted"


def test_timesheets_list_by_side_and_status(client_for, amira, pa, recorded):
    assert [item["side"] for item in client_for(amira).get(f"{API}/timesheets").json()] == [
        "employer"
    ]
    assert client_for(amira).get(f"{API}/timesheets", {"status": "approved"}).json() == []
    assert client_for(pa).get(f"{API}/timesheets", {"side": "employer"}).json() == []
    [mine] = client_for(pa).get(f"{API}/timesheets", {"side": "pa"}).json()
    assert mine["pay_due"] == str(Decimal("45.50"))


def test_listing_timesheets_takes_the_same_queries_however_many_there_are(client_for, amira, pa):
    yesterday = timezone.localdate() - timedelta(days=1)

    def worked(hour: int) -> None:
        request = make_request(amira, slots=[(yesterday, time(hour), time(hour, 30))])
        slot = request.slots.get()
        booking = Booking.objects.create(
            slot=slot, pa=pa, employer=amira, starts_at=slot.starts_at, ends_at=slot.ends_at
        )
        Timesheet.objects.create(booking=booking, started_at=slot.starts_at, ended_at=slot.ends_at)

    counts = {}
    for rows in (1, 5):
        while Timesheet.objects.count() < rows:
            worked(6 + Timesheet.objects.count())
        for person in (amira, pa):
            with CaptureQueriesContext(connection) as queries:
                assert len(client_for(person).get(f"{API}/timesheets").json()) == rows
            counts[(person.pk, rows)] = len(queries)

    assert counts[(amira.pk, 1)] == counts[(amira.pk, 5)]
    assert counts[(pa.pk, 1)] == counts[(pa.pk, 5)]


# Calendar feeds


def test_feeds_are_listed_for_their_owner_without_any_secret(client_for, pa, outsider):
    token = CalendarFeed.new_token()
    feed = CalendarFeed.objects.create(user=pa, token_digest=CalendarFeed.digest(token))
    CalendarFeed.objects.create(
        user=pa, token_digest=CalendarFeed.digest("old"), revoked_at=timezone.now()
    )

    response = client_for(pa).get(f"{API}/feeds")

    assert response.status_code == 200
    body = response.json()
    assert sorted((item["active"], item["id"]) for item in body)[1] == (True, feed.pk)
    assert sorted(item["active"] for item in body) == [False, True]
    assert token not in response.content.decode()
    assert feed.token_digest not in response.content.decode()
    assert client_for(outsider).get(f"{API}/feeds").json() == []
