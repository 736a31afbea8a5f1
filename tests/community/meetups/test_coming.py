"""Saying you're coming to a meet-up: learning's booking service, calendar file and reminder;
and however many people say so at once, a meet-up is never overbooked, on SQLite and on
PostgreSQL (each person in their own thread and database connection)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from pahub.accounts.models import Organisation, Role
from pahub.learning.events.services import (
    EventFull,
    event_book,
    event_reminders_send,
    peer_supporter_add,
)
from pahub.learning.models import Event, EventBooking
from pahub.notifications.models import Notice
from tests.community.meetups.conftest import make_meetup
from tests.factories import OrganisationFactory, UserFactory


def coming(event: Event) -> int:
    return EventBooking.objects.filter(event=event, cancelled_at__isnull=True).count()


def test_a_pa_says_they_are_coming_and_downloads_the_calendar_file(client_for, meetup, pa):
    client = client_for(pa)
    response = client.post(reverse("learning:event_book", args=[meetup.pk]), follow=True)
    page = response.content.decode()

    assert coming(meetup) == 1
    assert "You said you are coming" in page
    assert "The Lit and Phil café" in page
    assert Notice.objects.filter(recipient=pa, kind="learning.event_booked").exists()

    calendar_file = client.get(reverse("learning:event_calendar", args=[meetup.pk]))
    (entry,) = Calendar.from_ical(calendar_file.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "PA coffee morning"
    assert "Lit and Phil" in str(entry["LOCATION"])


def test_the_peer_supporter_sees_who_is_coming(
    client_for, user_led, peer_supporter, supporter_pa, pa
):
    meetup = make_meetup(user_led, peer_supporter=peer_supporter)
    event_book(event=meetup, user=pa)
    page = client_for(supporter_pa).get(reverse("learning:event_detail", args=[meetup.pk]))
    assert "People coming (1)" in page.content.decode()
    assert "Jordan Reed" in page.content.decode()


def test_people_coming_are_reminded_the_day_before(user_led, pa):
    meetup = make_meetup(user_led, starts_at=timezone.now() + timedelta(hours=30))
    event_book(event=meetup, user=pa)
    assert event_reminders_send() == 1
    assert Notice.objects.filter(recipient=pa, kind="learning.event_reminder").exists()


def test_a_full_meetup_says_so(client_for, user_led, pa, other_pa):
    meetup = make_meetup(user_led, capacity=1)
    event_book(event=meetup, user=pa)
    response = client_for(other_pa).post(
        reverse("learning:event_book", args=[meetup.pk]), follow=True
    )
    assert "There are no places left" in response.content.decode()
    assert coming(meetup) == 1


def test_a_peer_supporter_cannot_say_they_are_coming_for_someone_else(
    client, client_for, meetup, verifier
):
    assert (
        client_for(verifier).post(reverse("learning:event_book", args=[meetup.pk])).status_code
        == 403
    )
    assert client.post(reverse("learning:event_book", args=[meetup.pk])).status_code == 302
    assert coming(meetup) == 0


# Racing: more people than places say they're coming at the same moment.

PLACES = 4
PEOPLE = 9


def racing_meetup() -> tuple[Event, list]:
    network = OrganisationFactory(name="Racing Network", kind=Organisation.Kind.USER_LED)
    host = UserFactory(email="host@example.org", roles=[Role.PA])
    role = peer_supporter_add(organisation=network, user=host, by=None)
    meetup = make_meetup(network, capacity=PLACES, peer_supporter=role)
    people = [
        UserFactory(email=f"coming{n}@example.org", roles=[Role.PA if n % 2 else Role.EMPLOYER])
        for n in range(PEOPLE)
    ]
    return meetup, people


def everyone_at_once(meetup: Event, people: list) -> list[str]:
    start = threading.Barrier(len(people))

    def say_coming(person) -> str:
        try:
            start.wait()
            event_book(event=meetup, user=person)
            return "coming"
        except EventFull:
            return "full"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(say_coming, people))


def check_never_overbooked(meetup: Event, results: list[str]) -> None:
    assert results.count("coming") == PLACES, results
    assert results.count("full") == PEOPLE - PLACES, results
    assert coming(meetup) == PLACES


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_many_people_saying_they_are_coming_at_once_never_overbook():
    meetup, people = racing_meetup()
    check_never_overbooked(meetup, everyone_at_once(meetup, people))


@pytest.mark.postgres_only
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: DATABASE_URL=postgres://...",
)
@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_many_people_at_once_never_overbook_a_meetup_in_any_round():
    for _ in range(3):
        meetup, people = racing_meetup()
        check_never_overbooked(meetup, everyone_at_once(meetup, people))
        host = meetup.peer_supporter.user
        EventBooking.objects.all().delete()
        Event.objects.all().delete()
        meetup.organisation.delete()
        for person in [*people, host]:
            person.delete()
