"""Cover in people's own calendars. Every .ics here is parsed back with the `icalendar`
library, and the times must come back exactly, across midnight and the clock changes."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from pahub.accounts.models import Representation
from pahub.cover.models import Booking, CalendarFeed
from pahub.cover.services import MAX_LIVE_FEEDS, calendar_feed_create
from tests.cover.pa.conftest import ADDRESS, PHONE, booking_at, local_booking


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    return Calendar.from_ical(response.content)


def new_feed_url(client) -> str:
    """Make a feed on the feeds page and read its address, shown once, from the page."""
    content = client.post(reverse("cover:feeds")).content.decode()
    address = re.search(r'id="feed-address" type="text" readonly value="([^"]+)"', content)
    assert address is not None
    return address.group(1).removeprefix(settings.SITE_URL)


# One booking, downloaded


def test_a_booking_downloads_as_a_calendar_with_one_event_in_london_time(client_for, pa, booking):
    response = client_for(pa).get(reverse("cover:booking_ics", args=[booking.pk]))

    calendar = parse(response)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//PA Hub//Cover at short notice//EN"
    assert calendar["X-WR-CALNAME"] == "PA Hub booking"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    [event] = calendar.events
    assert str(event["UID"]) == f"booking-{booking.pk}@pahub"
    assert str(event["SUMMARY"]) == "PA shift for Amira"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert event.start == booking.starts_at
    assert event.end == booking.ends_at
    assert str(event.start.tzinfo) == "Europe/London"
    assert isinstance(event["DTSTAMP"].dt, datetime)
    assert reverse("cover:booking", args=[booking.pk]) in str(event["URL"])


def test_the_booked_pas_download_carries_the_address_they_can_see(client_for, pa, booking):
    calendar = parse(client_for(pa).get(reverse("cover:booking_ics", args=[booking.pk])))

    assert str(calendar.events[0]["LOCATION"]) == ADDRESS
    assert PHONE not in calendar.to_ical().decode()


def test_a_cancelled_booking_downloads_as_cancelled_with_only_the_district(client_for, pa, booking):
    Booking.objects.filter(pk=booking.pk).update(
        status="cancelled", cancelled_at=timezone.now(), cancelled_by=pa
    )

    calendar = parse(client_for(pa).get(reverse("cover:booking_ics", args=[booking.pk])))

    [event] = calendar.events
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert str(event["SUMMARY"]).startswith("Cancelled: ")
    assert str(event["LOCATION"]) == "NE1"
    assert "Grey Street" not in calendar.to_ical().decode()


@pytest.mark.parametrize(
    ("day", "start", "end", "real_hours"),
    [
        (date(2026, 10, 24), time(22), time(7), 10),  # the clocks go back in the night
        (date(2026, 3, 28), time(22), time(7), 8),  # the clocks go forward in the night
        (date(2026, 12, 8), time(21), time(8), 11),  # an ordinary overnight shift
        (date(2026, 7, 1), time(8), time(11), 3),  # a summer morning, in BST
    ],
)
def test_times_round_trip_exactly_across_midnight_and_clock_changes(
    client_for, pa, employer, employer_profile, day, start, end, real_hours
):
    booking = local_booking(employer, pa, day, start, end)

    [event] = parse(client_for(pa).get(reverse("cover:booking_ics", args=[booking.pk]))).events

    assert event.start == booking.starts_at
    assert event.end == booking.ends_at
    assert (event.start.hour, event.start.minute) == (start.hour, start.minute)
    assert (event.end.hour, event.end.minute) == (end.hour, end.minute)
    assert event.end.astimezone(UTC) - event.start.astimezone(UTC) == timedelta(hours=real_hours)


def test_the_employer_side_downloads_the_booking_with_the_pas_name(client_for, employer, booking):
    calendar = parse(client_for(employer).get(reverse("cover:booking_ics", args=[booking.pk])))

    assert str(calendar.events[0]["SUMMARY"]) == "Jordan Reed covering for Amira"


# Private feeds


def test_making_a_feed_shows_its_address_once_and_stores_only_a_digest(client_for, pa):
    client = client_for(pa)

    path = new_feed_url(client)

    token = re.fullmatch(r"/cover/feeds/([A-Za-z0-9_-]+)\.ics", path).group(1)
    feed = CalendarFeed.objects.get()
    assert feed.user == pa
    assert feed.token_digest == CalendarFeed.digest(token)
    assert token not in feed.token_digest
    assert token not in client.get(reverse("cover:feeds")).content.decode()


def test_the_feed_needs_no_sign_in_and_holds_the_pas_bookings_with_only_the_district(
    client, client_for, pa, employer, employer_profile, booking, past_booking
):
    path = new_feed_url(client_for(pa))

    response = client.get(path)

    calendar = parse(response)
    assert response["Content-Disposition"].startswith("inline")
    assert calendar["X-WR-CALNAME"] == "PA Hub cover"
    assert str(calendar["REFRESH-INTERVAL"].to_ical().decode()) == "PT1H"
    by_uid = {str(event["UID"]): event for event in calendar.events}
    assert set(by_uid) == {f"booking-{booking.pk}@pahub", f"booking-{past_booking.pk}@pahub"}
    event = by_uid[f"booking-{booking.pk}@pahub"]
    assert str(event["SUMMARY"]) == "PA shift for Amira"
    assert str(event["LOCATION"]) == "NE1"
    assert reverse("cover:booking", args=[booking.pk]) in str(event["DESCRIPTION"])
    assert event.start == booking.starts_at and event.end == booking.ends_at
    text = response.content.decode()
    assert "Grey Street" not in text
    assert PHONE not in text


def test_the_feed_answers_a_head_request_too(client, client_for, pa, booking):
    path = new_feed_url(client_for(pa))

    assert client.head(path).status_code == 200


def test_a_cancelled_booking_stays_in_the_feed_marked_cancelled(client, client_for, pa, booking):
    path = new_feed_url(client_for(pa))
    Booking.objects.filter(pk=booking.pk).update(status="cancelled", cancelled_at=timezone.now())

    [event] = parse(client.get(path)).events

    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)


def test_shifts_more_than_a_month_old_drop_out_of_the_feed(
    client, client_for, pa, employer, employer_profile
):
    old = timezone.now() - timedelta(days=40)
    booking_at(employer, pa, old, old + timedelta(hours=3))
    path = new_feed_url(client_for(pa))

    assert parse(client.get(path)).events == []


def test_an_unknown_token_is_not_found(client, db):
    response = client.get(reverse("cover:feed", args=["x" * 43]))

    assert response.status_code == 404


def test_a_stopped_feed_is_not_found_at_once(client, client_for, pa, booking):
    owner = client_for(pa)
    path = new_feed_url(owner)
    feed = CalendarFeed.objects.get()

    response = owner.post(reverse("cover:feed_stop", args=[feed.pk]), follow=True)

    assert "That calendar address has stopped working." in response.content.decode()
    assert client.get(path).status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is not None
    assert "You have no calendar address yet." in response.content.decode()


def test_stopping_a_feed_twice_says_it_was_already_stopped(client_for, pa):
    created = calendar_feed_create(user=pa)
    created.feed.revoked_at = timezone.now()
    created.feed.save(update_fields=["revoked_at"])

    response = client_for(pa).post(reverse("cover:feed_stop", args=[created.feed.pk]), follow=True)

    assert "already been stopped" in response.content.decode()


def test_nobody_can_stop_someone_elses_feed(client_for, pa, outsider):
    created = calendar_feed_create(user=pa)

    response = client_for(outsider).post(reverse("cover:feed_stop", args=[created.feed.pk]))

    assert response.status_code == 404
    created.feed.refresh_from_db()
    assert created.feed.revoked_at is None


def test_a_feed_of_someone_who_can_no_longer_sign_in_is_not_found(client, pa):
    created = calendar_feed_create(user=pa)
    pa.is_active = False
    pa.save(update_fields=["is_active"])

    response = client.get(reverse("cover:feed", args=[created.token]))

    assert response.status_code == 404


def test_a_sixth_feed_is_refused_with_the_reason_on_the_page(client_for, pa):
    for _ in range(MAX_LIVE_FEEDS):
        calendar_feed_create(user=pa)

    response = client_for(pa).post(reverse("cover:feeds"))

    assert response.status_code == 400
    content = response.content.decode()
    assert f"You already have {MAX_LIVE_FEEDS} calendar addresses" in content
    assert 'href="#new-feed"' in content
    assert CalendarFeed.objects.count() == MAX_LIVE_FEEDS


def test_the_employers_feed_holds_their_bookings_and_the_shifts_still_needing_cover(
    client, client_for, employer, alerted, booking
):
    path = new_feed_url(client_for(employer))

    calendar = parse(client.get(path))

    summaries = sorted(str(event["SUMMARY"]) for event in calendar.events)
    assert summaries == [
        "Cover needed for Amira (not covered yet)",
        "Jordan Reed covering for Amira",
    ]
    assert {str(event["STATUS"]) for event in calendar.events} == {"CONFIRMED", "TENTATIVE"}
    assert "Grey Street" not in client.get(path).content.decode()


def test_a_representatives_feed_follows_their_grant(
    client, client_for, employer, representative, booking
):
    path = new_feed_url(client_for(representative))
    assert len(parse(client.get(path)).events) == 2

    Representation.objects.filter(representative=representative).update(status="revoked")

    assert parse(client.get(path)).events == []


def test_the_feed_takes_the_same_number_of_queries_however_many_bookings(
    client, pa, employer, employer_profile, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    created = calendar_feed_create(user=pa)
    url = reverse("cover:feed", args=[created.token])
    first = timezone.localdate() + timedelta(days=1)
    local_booking(employer, pa, first, time(8), time(9))
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for offset in range(1, 12):
        local_booking(employer, pa, first + timedelta(days=offset), time(8), time(9))

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(parse(client.get(url)).events) == 12


def test_feed_stamps_are_when_the_booking_last_changed(client, pa, booking):
    created = calendar_feed_create(user=pa)

    [event] = parse(client.get(reverse("cover:feed", args=[created.token]))).events

    stamp = booking.confirmed_at.replace(microsecond=0).astimezone(UTC)
    assert event["DTSTAMP"].dt == stamp
    assert isinstance(event["DTSTAMP"].dt, datetime)
