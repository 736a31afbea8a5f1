"""Booking a place: capacity, booking twice, cancelling, events booked elsewhere, the pages
and the calendar file; and no overbooking when people race for the last places."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from pahub.accounts.models import Role
from pahub.learning.events.services import (
    EventFull,
    EventNotOpen,
    NotBookable,
    event_book,
    event_booking_cancel,
)
from pahub.learning.models import Event, EventBooking
from pahub.notifications.models import Notice
from tests.factories import OrganisationFactory, UserFactory
from tests.learning.events.conftest import make_event


def live(event: Event) -> int:
    return EventBooking.objects.filter(event=event, cancelled_at__isnull=True).count()


def test_booking_takes_a_place_and_tells_the_person(event, pa):
    booking = event_book(event=event, user=pa)

    assert booking.user == pa
    assert live(event) == 1
    notice = Notice.objects.get(recipient=pa, kind="learning.event_booked")
    assert "Safeguarding for PAs" in notice.title


def test_booking_twice_keeps_one_booking(event, pa):
    first = event_book(event=event, user=pa)
    second = event_book(event=event, user=pa)

    assert first.pk == second.pk
    assert live(event) == 1


def test_a_full_event_refuses_with_no_places_left(provider, pa, other_pa):
    event = make_event(provider, capacity=1)
    event_book(event=event, user=pa)

    with pytest.raises(EventFull, match="There are no places left"):
        event_book(event=event, user=other_pa)
    assert live(event) == 1


def test_cancelling_frees_the_place_for_someone_else(provider, pa, other_pa):
    event = make_event(provider, capacity=1)
    event_book(event=event, user=pa)
    event_booking_cancel(event=event, user=pa)

    event_book(event=event, user=other_pa)

    assert list(
        EventBooking.objects.filter(event=event, cancelled_at__isnull=True).values_list(
            "user", flat=True
        )
    ) == [other_pa.pk]


def test_someone_who_cancelled_can_book_again(event, pa):
    event_book(event=event, user=pa)
    event_booking_cancel(event=event, user=pa)
    event_book(event=event, user=pa)
    assert live(event) == 1


def test_an_event_booked_on_the_providers_site_cannot_be_booked_here(provider, pa):
    event = make_event(provider, capacity=None, booking_url="https://example.org/book")
    with pytest.raises(NotBookable):
        event_book(event=event, user=pa)


def test_a_cancelled_or_draft_event_cannot_be_booked(provider, pa):
    with pytest.raises(EventNotOpen):
        event_book(event=make_event(provider, cancelled_at=timezone.now()), user=pa)
    with pytest.raises(EventNotOpen):
        event_book(event=make_event(provider, published_at=None), user=pa)


# The pages.


def detail(event: Event) -> str:
    return reverse("learning:event_detail", args=[event.pk])


def test_signed_out_people_see_the_district_but_not_the_venue(client, event):
    page = client.get(detail(event)).content.decode()
    assert "NE1" in page
    assert "Civic Centre" not in page
    assert "Sign in to book a place" in page


def test_a_pa_books_on_the_page_and_then_sees_the_venue(client_for, event, pa):
    client = client_for(pa)
    response = client.post(reverse("learning:event_book", args=[event.pk]), follow=True)
    page = response.content.decode()

    assert live(event) == 1
    assert "You have a place" in page
    assert "Civic Centre" in page
    assert "Download to your calendar" in page


def test_an_employer_can_book_too(client_for, event, employer):
    client_for(employer).post(reverse("learning:event_book", args=[event.pk]))
    assert live(event) == 1


def test_the_page_says_there_are_no_places_left_when_full(client_for, provider, pa, other_pa):
    event = make_event(provider, capacity=1)
    event_book(event=event, user=pa)
    client = client_for(other_pa)

    page = client.get(detail(event)).content.decode()
    assert "There are no places left" in page
    response = client.post(reverse("learning:event_book", args=[event.pk]), follow=True)
    assert "There are no places left" in response.content.decode()
    assert live(event) == 1


def test_cancelling_on_the_page_frees_the_place(client_for, event, pa):
    event_book(event=event, user=pa)
    client_for(pa).post(reverse("learning:event_booking_cancel", args=[event.pk]))
    assert live(event) == 0


def test_booking_needs_sign_in(client, event):
    response = client.post(reverse("learning:event_book", args=[event.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert live(event) == 0


def test_staff_cannot_book_a_place(client_for, event, trainer):
    response = client_for(trainer).post(reverse("learning:event_book", args=[event.pk]))
    assert response.status_code == 403
    assert live(event) == 0


def test_a_draft_is_not_found_by_anyone_but_its_organiser(
    client_for, client, provider, pa, trainer, other_trainer
):
    draft = make_event(provider, published_at=None)
    assert client.get(detail(draft)).status_code == 404
    assert client_for(pa).get(detail(draft)).status_code == 404
    assert client_for(other_trainer).get(detail(draft)).status_code == 404
    assert client_for(pa).post(reverse("learning:event_book", args=[draft.pk])).status_code == 404
    assert client_for(trainer).get(detail(draft)).status_code == 200


def test_the_organiser_sees_the_names_of_people_booked(client_for, event, pa, trainer):
    event_book(event=event, user=pa)
    page = client_for(trainer).get(detail(event)).content.decode()
    assert "Jordan Reed" in page
    assert "pa@example.org" not in page
    assert "Civic Centre" in page


def test_other_people_never_see_who_booked(client_for, event, pa, other_pa):
    event_book(event=event, user=pa)
    page = client_for(other_pa).get(detail(event)).content.decode()
    assert "Jordan Reed" not in page


def test_an_event_booked_elsewhere_links_to_the_providers_site(client_for, provider, pa):
    event = make_event(provider, capacity=None, booking_url="https://example.org/book")
    page = client_for(pa).get(detail(event)).content.decode()
    assert 'href="https://example.org/book"' in page
    assert "Book a place</button>" not in page


# The calendar file.


def test_the_calendar_file_holds_the_event_in_london_time_with_the_venue(client_for, event, pa):
    event_book(event=event, user=pa)
    response = client_for(pa).get(reverse("learning:event_calendar", args=[event.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Safeguarding for PAs"
    assert str(entry["UID"]) == f"learning-event-{event.pk}@pahub"
    assert "Civic Centre" in str(entry["LOCATION"])
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry["DTSTART"].params["TZID"] == "Europe/London"
    assert calendar.walk("VTIMEZONE")


def test_only_people_booked_can_download_the_calendar_file(client, client_for, event, pa, other_pa):
    event_book(event=event, user=pa)
    url = reverse("learning:event_calendar", args=[event.pk])
    assert client_for(other_pa).get(url).status_code == 404
    assert client.get(url).status_code == 302


# Racing for the last places, each person in their own thread and database connection.

RACERS = 6


def race(event: Event, people: list) -> list[str]:
    start = threading.Barrier(len(people))

    def book(person) -> str:
        try:
            start.wait()
            event_book(event=event, user=person)
            return "booked"
        except EventFull:
            return "full"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(book, people))


def racers() -> tuple[Event, list]:
    provider = OrganisationFactory(name="Racing Provider", kind="training_provider")
    event = make_event(provider, capacity=RACERS - 1)
    people = [UserFactory(email=f"racer{n}@example.org", roles=[Role.PA]) for n in range(RACERS)]
    return event, people


def check_no_overbooking(event: Event, results: list[str]) -> None:
    assert results.count("booked") == RACERS - 1, results
    assert results.count("full") == 1, results
    assert live(event) == RACERS - 1


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_n_plus_one_people_racing_for_n_places_give_n_bookings():
    event, people = racers()
    check_no_overbooking(event, race(event, people))


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_one_person_pressing_book_many_times_at_once_gets_one_booking():
    event, people = racers()
    start = threading.Barrier(RACERS)

    def book(_) -> int:
        try:
            start.wait()
            return event_book(event=event, user=people[0]).pk
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        ids = set(pool.map(book, range(RACERS)))
    assert len(ids) == 1
    assert live(event) == 1


@pytest.mark.postgres_only
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: DATABASE_URL=postgres://...",
)
@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_row_lock_stops_overbooking_in_every_round():
    for _ in range(3):
        event, people = racers()
        check_no_overbooking(event, race(event, people))
        EventBooking.objects.all().delete()
        Event.objects.all().delete()
        for person in people:
            person.delete()
        event.organisation.delete()


def test_starting_events_cannot_be_booked_after_they_start(provider, pa):
    event = make_event(provider)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5), ends_at=timezone.now() + timedelta(hours=1)
    )
    with pytest.raises(EventNotOpen):
        event_book(event=event, user=pa)
