"""Cover in people's own calendars: one booking as a download, or a private feed to subscribe.

Built with the `icalendar` library. Times are written in Europe/London with the hand-written
VTIMEZONE in `core.ical` (icalendar's own puts each summer-time start an hour late), so a
calendar shows 22:00 to 07:00 across a clock change and still knows the shift is ten real
hours. Each booking keeps one UID (`booking-<id>@pahub`) in the download and the feed alike,
so a calendar never shows it twice; cancelling raises its SEQUENCE and marks it CANCELLED so
subscribed calendars update it rather than keep a stale shift.

A feed's address is a bearer secret that may end up in a calendar provider's logs, so feeds
only ever name the district; the address is on the booking page. A single download is the
signed-in person's own copy, like the booking page, so it carries the address when they may
see it there.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event, vDuration

from pahub.accounts.models import User
from pahub.core.ical import add_london_timezone
from pahub.cover.models import Booking, CalendarFeed, CoverSlot
from pahub.cover.permissions import can_see_address
from pahub.cover.queries import (
    employers_acted_for,
    feed_bookings_for_employers,
    feed_bookings_for_pa,
    feed_open_slots_for_employers,
)
from pahub.cover.times import to_local
from pahub.employers.queries import employer_name

PRODID = "-//PA Hub//Cover at short notice//EN"
REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str
    description: str
    url: str
    status: str
    sequence: int
    stamp: datetime


def booking_url(booking: Booking) -> str:
    return settings.SITE_URL + reverse("cover:booking", kwargs={"booking_id": booking.pk})


def place_of(booking: Booking) -> str:
    return booking.slot.request.district.outcode


def booking_entry(booking: Booking, *, for_pa: bool, location: str) -> CalendarEntry:
    """One booking, as the PA or as the employer side sees it."""
    cancelled = booking.status == Booking.Status.CANCELLED
    if for_pa:
        summary = f"PA shift for {employer_name(booking.employer)}"
    else:
        summary = f"{booking.pa.display_name} covering for {employer_name(booking.employer)}"
    url = booking_url(booking)
    if for_pa:
        lines = [f"Cover booked through PA Hub. The address and phone number: {url}"]
    else:
        lines = [f"Cover booked through PA Hub. Details: {url}"]
    if cancelled:
        summary = f"Cancelled: {summary}"
        lines.insert(0, "This booking was cancelled.")
    return CalendarEntry(
        uid=f"booking-{booking.pk}@pahub",
        summary=summary,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        location=location,
        description="\n".join(lines),
        url=url,
        status="CANCELLED" if cancelled else "CONFIRMED",
        # A confirmed booking is never edited, only cancelled: one step up says so.
        sequence=1 if cancelled else 0,
        stamp=booking.cancelled_at or booking.confirmed_at,
    )


def open_slot_entry(slot: CoverSlot) -> CalendarEntry:
    """A shift still looking for cover, in the employer side's calendar."""
    request = slot.request
    url = settings.SITE_URL + reverse("cover:request", kwargs={"request_id": request.pk})
    return CalendarEntry(
        uid=f"cover-slot-{slot.pk}@pahub",
        summary=f"Cover needed for {employer_name(request.employer)} (not covered yet)",
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        location=request.district.outcode,
        description=f"Still looking for a PA. Follow it on PA Hub: {url}",
        url=url,
        status="TENTATIVE",
        sequence=0,
        stamp=request.created_at,
    )


def calendar_ics(
    entries: Iterable[CalendarEntry], *, name: str, uid: str, subscribed: bool = False
) -> bytes:
    """A VCALENDAR of the entries; a subscribed feed also says how often to fetch it again."""
    calendar = Calendar.new(prodid=PRODID, name=name, uid=uid, method="PUBLISH")
    if subscribed:
        # RFC 7986 wants the VALUE parameter spelled out; Outlook and older clients read
        # X-PUBLISHED-TTL instead.
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    for entry in entries:
        calendar.add_component(
            Event.new(
                uid=entry.uid,
                summary=entry.summary,
                start=to_local(entry.starts_at),
                end=to_local(entry.ends_at),
                stamp=entry.stamp,
                location=entry.location,
                description=entry.description,
                url=entry.url,
                status=entry.status,
                sequence=entry.sequence,
            )
        )
    add_london_timezone(calendar)
    return calendar.to_ical()


def booking_ics(booking: Booking, *, user: User) -> bytes:
    """A single booking to download, for someone `permissions.access_booking` let through."""
    if can_see_address(user, booking):
        location = booking.slot.request.address.replace("\n", ", ")
    else:
        location = place_of(booking)
    entry = booking_entry(booking, for_pa=booking.pa_id == user.pk, location=location)
    return calendar_ics([entry], name="PA Hub booking", uid=f"pahub-booking-{booking.pk}")


def feed_entries(user: User, *, now: datetime) -> list[CalendarEntry]:
    """Everything the feed's owner may see now: their own shifts as a PA, and the bookings
    and uncovered shifts of every employer they act for. Worked out on each fetch, so a
    representative whose grant ends stops seeing that employer's shifts at once."""
    entries: dict[str, CalendarEntry] = {}
    for booking in feed_bookings_for_pa(user, now=now):
        entry = booking_entry(booking, for_pa=True, location=place_of(booking))
        entries[entry.uid] = entry
    employers = employers_acted_for(user)
    if employers:
        for booking in feed_bookings_for_employers(employers, now=now):
            entry = booking_entry(booking, for_pa=False, location=place_of(booking))
            entries.setdefault(entry.uid, entry)
        for slot in feed_open_slots_for_employers(employers, now=now):
            entry = open_slot_entry(slot)
            entries[entry.uid] = entry
    return sorted(entries.values(), key=lambda entry: (entry.starts_at, entry.uid))


def feed_ics(feed: CalendarFeed, *, now: datetime) -> bytes:
    return calendar_ics(
        feed_entries(feed.user, now=now),
        name="PA Hub cover",
        uid=f"pahub-feed-{feed.pk}",
        subscribed=True,
    )
