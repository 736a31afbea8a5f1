"""The demo's courses and events: what the North East PA Training Partnership lists, so the
learning zone has something local to find, book and put in a calendar when `make run` starts.

Made through the events service, as an organiser's page makes them, and only once: an
organisation that already lists events is left as it is.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from pahub.accounts.models import Organisation, User
from pahub.learning.events.services import EventInput, event_create, event_publish
from pahub.learning.models import Audience, Event
from pahub.learning.topics import Topic
from pahub.places.models import District

TRAINING = "North East PA Training Partnership"
FUNDING = (
    "Free for PAs who work in the North East. An employer who wants to pay for a place can "
    "ask Skills for Care's individual employer funding to cover it."
)


def next_weekday_at(days_ahead: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def demo_events() -> list[EventInput]:
    first_aid_starts = next_weekday_at(14, 10)
    coffee_starts = next_weekday_at(9, 10)
    employer_starts = next_weekday_at(21, 18)
    return [
        EventInput(
            title="Emergency first aid for PAs",
            description=(
                "A practical morning: what to do if the person you support falls, chokes, has "
                "a seizure or stops breathing, and how to call for help. You practise on "
                "manikins in small groups. You get a certificate to keep in your CPD log."
            ),
            topics=[Topic.HEALTH_AND_SAFETY],
            audience=Audience.PA,
            format=Event.Format.IN_PERSON,
            district=District.objects.filter(outcode="NE1").first(),
            venue="Room 2, Newcastle Civic Centre, Barras Bridge",
            starts_at=first_aid_starts,
            ends_at=first_aid_starts + timedelta(hours=3),
            cost_pence=0,
            funding=FUNDING,
            accessibility=(
                "Step-free entrance and lift, an accessible toilet and a hearing loop. Tell us "
                "if you need a BSL interpreter, large print or a quiet space."
            ),
            booking_url="",
            capacity=12,
        ),
        EventInput(
            title="PA coffee morning online: boundaries and saying no",
            description=(
                "An hour with other PAs and an experienced PA who hosts. Bring a question "
                "about boundaries, such as being asked to do things outside your job, or "
                "working for a friend. What is said stays in the room."
            ),
            topics=[Topic.BOUNDARIES, Topic.PROBLEMS],
            audience=Audience.PA,
            format=Event.Format.ONLINE,
            district=None,
            venue="",
            starts_at=coffee_starts,
            ends_at=coffee_starts + timedelta(hours=1),
            cost_pence=0,
            funding="",
            accessibility="Captions are on. You can join by phone if you prefer.",
            booking_url="",
            capacity=20,
        ),
        EventInput(
            title="Your first PA: an evening for new employers",
            description=(
                "For people about to employ a PA with a direct payment, and the people who "
                "help them. Writing the job, interviewing, checks, contracts and payroll, "
                "with time for questions to an employer who has done it for ten years."
            ),
            topics=[Topic.RECRUITING, Topic.EMPLOYER_DUTIES],
            audience=Audience.EMPLOYER,
            format=Event.Format.IN_PERSON,
            district=District.objects.filter(outcode="DH1").first(),
            venue="Durham Disabled People's Network, meeting room, ground floor",
            starts_at=employer_starts,
            ends_at=employer_starts + timedelta(hours=2),
            cost_pence=0,
            funding="",
            accessibility="Step-free, with an accessible toilet. Assistance dogs welcome.",
            booking_url="",
            capacity=15,
        ),
    ]


def demo_extension(*, people: dict[str, User]) -> None:
    """List the training partnership's demo events once (people are not needed)."""
    organisation = Organisation.objects.filter(name=TRAINING).first()
    if organisation is None or Event.objects.filter(organisation=organisation).exists():
        return
    for values in demo_events():
        event = event_create(organisation=organisation, by=None, values=values)
        event_publish(event=event, by=None)
