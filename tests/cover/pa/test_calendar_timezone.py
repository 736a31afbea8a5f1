"""The Europe/London VTIMEZONE in every .ics is right: read back with a second library
(dateutil's tzical, not the icalendar that wrote it) it gives the same UTC offset as zoneinfo
at noon every day from 2026 to 2036 and on each side of every clock change. icalendar 7.3.2's own
VTIMEZONE put each summer-time start an hour late, which this would catch."""

import io
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from dateutil.tz import tzical
from django.urls import reverse
from icalendar import Calendar, Event

from pahub.core.ical import LONDON_VTIMEZONE
from tests.cover.pa.conftest import local_booking
from tests.cover.pa.test_calendar import new_feed_url, parse

LONDON = ZoneInfo("Europe/London")
FIRST, LAST = datetime(2026, 1, 1, tzinfo=UTC), datetime(2037, 1, 1, tzinfo=UTC)


def london_from(ics: bytes) -> tzinfo:
    """The Europe/London zone as dateutil reads it from the file."""
    return tzical(io.StringIO(ics.decode())).get("Europe/London")


@cache
def clock_changes() -> list[datetime]:
    """Every UTC instant from 2026 to 2036 at which zoneinfo's London offset changes."""
    changes, at = [], FIRST
    while at < LAST:
        if (at + timedelta(hours=1)).astimezone(LONDON).utcoffset() != at.astimezone(
            LONDON
        ).utcoffset():
            changes.append(at + timedelta(hours=1))
        at += timedelta(hours=1)
    return changes


def offsets_differ(zone: tzinfo) -> list[datetime]:
    """The instants where the zone read from the file disagrees with zoneinfo: noon UTC every
    day, and an hour before, a second before, at and an hour after each change. (dateutil
    works each offset out from the RRULEs, so every hour for eleven years would be slow.)"""
    days = int((LAST - FIRST) / timedelta(days=1))
    instants = [FIRST + timedelta(days=n, hours=12) for n in range(days)]
    for change in clock_changes():
        instants += [change + timedelta(seconds=step) for step in (-3600, -1, 0, 3600)]
    return [
        at
        for at in instants
        if at.astimezone(zone).utcoffset() != at.astimezone(LONDON).utcoffset()
    ]


def test_there_are_22_clock_changes_at_one_in_the_morning_utc():
    changes = clock_changes()

    assert len(changes) == 22
    assert {(change.month, change.hour, change.minute) for change in changes} == {
        (3, 1, 0),
        (10, 1, 0),
    }


def test_the_vtimezone_agrees_with_zoneinfo_at_every_hour_and_every_change_to_2036():
    assert offsets_differ(london_from(LONDON_VTIMEZONE.encode())) == []


def test_icalendars_own_vtimezone_would_have_failed_the_same_check():
    """Proof the check has teeth: the VTIMEZONE icalendar generates is an hour late in March."""
    calendar = Calendar.new(prodid="-//check//EN")
    start = datetime(2026, 7, 1, 9, tzinfo=LONDON)
    calendar.add_component(
        Event.new(uid="x", start=start, end=start + timedelta(hours=1), stamp=FIRST)
    )
    calendar.add_missing_timezones()

    wrong = offsets_differ(london_from(calendar.to_ical()))

    assert datetime(2026, 3, 29, 1, tzinfo=UTC) in wrong


def test_a_booking_download_carries_the_right_rules(client_for, pa, employer, employer_profile):
    booking = local_booking(employer, pa, date(2027, 3, 27), time(22), time(7))

    ics = client_for(pa).get(reverse("cover:booking_ics", args=[booking.pk])).content
    zone = london_from(ics)

    assert offsets_differ(zone) == []
    [event] = parse_with_dateutil_times(ics, zone)
    assert event == (booking.starts_at, booking.ends_at)


def parse_with_dateutil_times(ics: bytes, zone: tzinfo) -> list[tuple[datetime, datetime]]:
    """Each event's start and end, with its local wall time put in dateutil's zone."""
    events = []
    for event in Calendar.from_ical(ics).events:
        start, end = (event.start.replace(tzinfo=zone), event.end.replace(tzinfo=zone))
        events.append((start, end))
    return events


@pytest.mark.parametrize("with_booking", [True, False])
def test_the_feed_carries_the_right_rules_even_when_empty(
    client, client_for, pa, employer, employer_profile, with_booking
):
    if with_booking:
        local_booking(employer, pa, date(2027, 10, 30), time(22), time(7))
    path = new_feed_url(client_for(pa))

    response = client.get(path)

    calendar = parse(response)
    assert len(calendar.events) == (1 if with_booking else 0)
    # RFC 5545 wants at least one component in a VCALENDAR: the VTIMEZONE is always there.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert offsets_differ(london_from(response.content)) == []
