"""The demo's courses, events and meet-ups: what the North East PA Training Partnership lists,
and two meet-ups that peer supporters with Durham Disabled People's Network run (a PA coffee
morning in Newcastle and an online hot seat session for employers), so the learning zone and
/community/meetups/ have something local to find, book and put in a calendar when `make run`
starts.

Made through the events and peer supporter services, as the organisers' pages make them, and
only once: an organisation that already lists events is left as it is.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from pahub.accounts.models import Organisation, User
from pahub.learning.events.services import (
    EventInput,
    event_create,
    event_publish,
    peer_supporter_add,
)
from pahub.learning.models import Audience, Event
from pahub.learning.topics import Topic
from pahub.places.models import District

TRAINING = "North East PA Training Partnership"
USER_LED = "Durham Disabled People's Network"
# The demo people (by mailbox) the user-led organisation names peer supporters.
COFFEE_MORNING_HOST = "pa.chloe"
HOT_SEAT_HOST = "employer.margaret"
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
            kind=Event.Kind.MEETUP,
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


def demo_meetups() -> dict[str, EventInput]:
    """The user-led organisation's meet-ups, by the mailbox of the peer supporter who runs each."""
    coffee_starts = next_weekday_at(10, 10)
    hot_seat_starts = next_weekday_at(12, 19)
    return {
        COFFEE_MORNING_HOST: EventInput(
            kind=Event.Kind.MEETUP,
            title="PA coffee morning in Newcastle",
            description=(
                "Come and meet other Personal Assistants over a cup of tea or coffee. No "
                "agenda: talk about what works, what is hard and where to get help. Chloe, a "
                "PA for eight years, hosts. Drinks and biscuits are free. Come for ten minutes "
                "or the whole morning."
            ),
            topics=[Topic.PROBLEMS],
            audience=Audience.PA,
            format=Event.Format.IN_PERSON,
            district=District.objects.filter(outcode="NE1").first(),
            venue="The Lit and Phil café, 23 Westgate Road, Newcastle upon Tyne",
            starts_at=coffee_starts,
            ends_at=coffee_starts + timedelta(hours=2),
            cost_pence=0,
            funding="",
            accessibility=(
                "Step-free entrance by the side door and a lift. Accessible toilet on the "
                "ground floor. Hearing loop at the counter. A quiet room next door if you need "
                "a break. Blue Badge parking on Westgate Road; Central Station is 5 minutes away."
            ),
            booking_url="",
            capacity=15,
        ),
        HOT_SEAT_HOST: EventInput(
            kind=Event.Kind.HOT_SEAT,
            title="Hot seat: ask an experienced employer anything",
            description=(
                "Margaret has employed her own PAs with a direct payment for twelve years. Ask "
                "her anything: finding PAs, sickness and holiday cover, payroll, what to do "
                "when things go wrong with a PA. Send a question in advance or ask on the "
                "night. Questions can be anonymous."
            ),
            topics=[Topic.RECRUITING, Topic.EMPLOYER_DUTIES],
            audience=Audience.EMPLOYER,
            format=Event.Format.ONLINE,
            district=None,
            venue="",
            starts_at=hot_seat_starts,
            ends_at=hot_seat_starts + timedelta(minutes=90),
            cost_pence=0,
            funding="",
            accessibility=(
                "On Zoom with live captions and a British Sign Language interpreter. You can "
                "join by phone, type your questions in the chat, or keep your camera off."
            ),
            booking_url="",
            capacity=30,
        ),
    }


def demo_extension(*, people: dict[str, User]) -> None:
    """List the training partnership's demo events, and the user-led organisation's meet-ups
    run by two demo peer supporters, each once."""
    organisation = Organisation.objects.filter(name=TRAINING).first()
    if organisation is not None and not Event.objects.filter(organisation=organisation).exists():
        for values in demo_events():
            event = event_create(organisation=organisation, by=None, values=values)
            event_publish(event=event, by=None)
    user_led = Organisation.objects.filter(name=USER_LED).first()
    if user_led is None or Event.objects.filter(organisation=user_led).exists():
        return
    for mailbox, values in demo_meetups().items():
        host = people.get(mailbox)
        if host is None:
            continue
        supporter = peer_supporter_add(organisation=user_led, user=host, by=None)
        event = event_create(
            organisation=user_led, by=host, values=values, peer_supporter=supporter
        )
        event_publish(event=event, by=host)
