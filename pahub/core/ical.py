"""The one Europe/London VTIMEZONE every calendar file the hub writes carries.

Hand-written rather than generated: the VTIMEZONE that icalendar 7.3.2 builds from zoneinfo
writes each summer-time start as 02:00 with TZOFFSETFROM +0000, an hour after the real change
(01:00 GMT), so a calendar would put a shift on that night an hour out. These are the rules
the UK has kept since 1996 (EU summer time): clocks go forward at 01:00 GMT on the last Sunday
in March and back at 02:00 BST (01:00 GMT) on the last Sunday in October. Each DTSTART is
local time in its TZOFFSETFROM, as RFC 5545 section 3.6.5 says, and is the first Sunday the
rule gives, so the RRULE and DTSTART agree.

`tests/core/test_ical.py` parses this with a second library (dateutil) and compares every
transition from 2026 to 2036 with zoneinfo.
"""

from icalendar import Calendar, Timezone

TZID = "Europe/London"

LONDON_VTIMEZONE = """\
BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
END:STANDARD
END:VTIMEZONE
"""


def london_timezone() -> Timezone:
    """A fresh copy of the VTIMEZONE component, to add to a calendar."""
    return Timezone.from_ical(LONDON_VTIMEZONE.replace("\n", "\r\n"))


def add_london_timezone(calendar: Calendar) -> None:
    """Put the London VTIMEZONE first in the calendar. Always added, even with no events, so
    an empty feed still holds the one component RFC 5545 requires of a VCALENDAR."""
    calendar.subcomponents.insert(0, london_timezone())
