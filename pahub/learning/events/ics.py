"""A booked event in people's own calendars, as a file to download.

Built with the `icalendar` library like cover's calendar files, with the hand-written
Europe/London VTIMEZONE of `core.ical`, so a course at 10:00 shows at 10:00 whether or not
the clocks have changed. One UID per event (`learning-event-<id>@pahub`), so downloading it
again updates the entry rather than adding a second one; a cancelled event says CANCELLED.
Only people booked download it, so it carries the venue they see on the page.
"""

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from pahub.core.ical import add_london_timezone
from pahub.cover.times import to_local
from pahub.learning.events.services import event_url
from pahub.learning.models import Event, EventBooking

PRODID = "-//PA Hub//Courses and events//EN"


def location_of(event: Event) -> str:
    if event.format == Event.Format.ONLINE:
        return "Online"
    return event.venue.replace("\n", ", ") or event.district_id or ""


def event_ics(event: Event, *, booking: EventBooking) -> bytes:
    cancelled = event.cancelled_at is not None
    url = event_url(event)
    summary = f"{'Cancelled: ' if cancelled else ''}{event.title}"
    lines = [f"Run by {event.organisation.name}. Booked through PA Hub."]
    if cancelled:
        lines.insert(0, "This event was cancelled.")
    if event.format == Event.Format.ONLINE:
        lines.append("It is online: the organiser sends you the joining details.")
    lines.append(f"Details: {url}")
    calendar = Calendar.new(
        prodid=PRODID, name="PA Hub event", uid=f"pahub-event-{event.pk}", method="PUBLISH"
    )
    calendar.add_component(
        CalendarEvent.new(
            uid=f"learning-event-{event.pk}@pahub",
            summary=summary,
            start=to_local(event.starts_at),
            end=to_local(event.ends_at),
            stamp=event.cancelled_at or booking.created_at,
            location=location_of(event),
            description="\n".join(lines),
            url=url,
            status="CANCELLED" if cancelled else "CONFIRMED",
            sequence=1 if cancelled else 0,
        )
    )
    add_london_timezone(calendar)
    return calendar.to_ical()
