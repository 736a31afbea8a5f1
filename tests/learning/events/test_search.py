"""Finding events: the list page and its filters, distance from a district or a town, and a
fixed number of queries however many events there are."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.learning.events.queries import EventFilters, origin_for, search_events
from pahub.learning.models import Event, EventBooking
from tests.factories import UserFactory
from tests.learning.events.conftest import make_event

URL = reverse("learning:event_list")


def titles(filters: EventFilters) -> list[str]:
    return [event.title for event in search_events(filters).events]


@pytest.fixture
def spread(provider):
    """Events at growing distances from Newcastle (NE1), and one online."""
    soon = timezone.now() + timedelta(days=3)
    return {
        "newcastle": make_event(provider, title="Newcastle", outcode="NE1", starts_at=soon),
        "sunderland": make_event(
            provider, title="Sunderland", outcode="SR1", starts_at=soon + timedelta(days=1)
        ),
        "darlington": make_event(
            provider, title="Darlington", outcode="DL1", starts_at=soon + timedelta(days=2)
        ),
        "online": make_event(
            provider,
            title="Online",
            format=Event.Format.ONLINE,
            starts_at=soon + timedelta(hours=1),
        ),
    }


def test_only_published_upcoming_events_that_go_ahead_are_listed(provider):
    make_event(provider, title="Listed")
    make_event(provider, title="Draft", published_at=None)
    make_event(provider, title="Cancelled", cancelled_at=timezone.now())
    past = timezone.now() - timedelta(days=2)
    make_event(provider, title="Over", starts_at=past, ends_at=past + timedelta(hours=2))

    assert titles(EventFilters()) == ["Listed"]


def test_within_ten_miles_of_a_district_keeps_near_events_and_online_ones(spread):
    near = titles(EventFilters(origin=origin_for("NE1"), miles=10))
    assert near == ["Newcastle", "Online"]


def test_a_wider_distance_reaches_further_towns(spread):
    assert set(titles(EventFilters(origin=origin_for("NE1"), miles=25))) == {
        "Newcastle",
        "Online",
        "Sunderland",
    }
    assert "Darlington" in titles(EventFilters(origin=origin_for("NE1"), miles=50))


def test_online_events_can_be_left_out(spread):
    assert titles(EventFilters(origin=origin_for("NE1"), miles=10, include_online=False)) == [
        "Newcastle"
    ]
    assert "Online" not in titles(EventFilters(include_online=False))


def test_a_town_name_is_measured_from_the_middle_of_its_districts(spread):
    origin = origin_for("sunderland")
    assert origin.name == "Sunderland"
    assert titles(EventFilters(origin=origin, miles=5, include_online=False)) == ["Sunderland"]


def test_sorting_by_distance_puts_the_nearest_first_and_online_last(spread):
    found = titles(EventFilters(origin=origin_for("SR1"), miles=50, sort="distance"))
    assert found[0] == "Sunderland"
    assert found[-1] == "Online"
    assert found.index("Newcastle") < found.index("Darlington")


def test_topic_free_audience_and_dates_narrow_the_list(provider):
    today = timezone.localdate()
    make_event(provider, title="Records, paid", topics=["records"], cost_pence=2500)
    make_event(provider, title="Safeguarding, free", topics=["safeguarding", "records"])
    make_event(
        provider, title="Payroll for employers", topics=["employer_duties"], audience="employer"
    )
    make_event(
        provider,
        title="Much later",
        topics=["records"],
        starts_at=timezone.now() + timedelta(days=60),
    )

    assert set(titles(EventFilters(topic="records"))) == {
        "Records, paid",
        "Safeguarding, free",
        "Much later",
    }
    assert "Records, paid" not in titles(EventFilters(free_only=True))
    assert "Payroll for employers" not in titles(EventFilters(audience="pa"))
    assert "Payroll for employers" in titles(EventFilters(audience="employer"))
    assert "Much later" not in titles(EventFilters(to_date=today + timedelta(days=30)))
    assert titles(EventFilters(from_date=today + timedelta(days=30))) == ["Much later"]


def test_the_list_page_shows_cost_places_and_booking_elsewhere(client, provider):
    make_event(
        provider, title="Paid course", cost_pence=1250, funding="Individual employer funding"
    )
    make_event(provider, title="Elsewhere", capacity=None, booking_url="https://example.org/book")

    page = client.get(URL).content.decode()

    assert "£12.50" in page
    assert "Individual employer funding" in page
    assert "10 places left" in page
    assert "Book on the provider&#x27;s site" in page or "Book on the provider's site" in page


def test_the_list_page_never_shows_the_venue(client, event):
    page = client.get(URL).content.decode()
    assert "Civic Centre" not in page
    assert "NE1" in page


def test_searching_from_a_place_shows_distance(client, spread):
    page = client.get(URL, {"where": "NE1", "miles": "25", "sort": "distance"}).content.decode()
    assert "Sunderland" in page
    assert "miles from NE1" in page
    assert "Darlington" not in page


def test_a_place_we_cannot_find_is_shown_next_to_the_field_and_kept(client, spread):
    response = client.get(URL, {"where": "Atlantis", "miles": "10"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "We could not find Atlantis" in page
    assert 'value="Atlantis"' in page
    assert "govuk-error-summary" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"miles": "7"}, "Choose 5, 10, 25 or 50 miles"),
        ({"topic": "juggling"}, "Choose a topic from the list"),
        ({"sort": "distance"}, "Enter a postcode district or town to sort by distance"),
        (
            {"from_date_day": "31", "from_date_month": "2", "from_date_year": "2027"},
            "Enter a real date",
        ),
    ],
)
def test_bad_filters_say_what_is_wrong(client, query, message):
    page = client.get(URL, query).content.decode()
    assert message in page


def test_the_list_is_paginated(client, provider):
    for number in range(25):
        make_event(provider, title=f"Course {number:02d}")
    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": "2"}).content.decode()
    assert "25 events coming up" in first
    assert "Course 19" in first and "Course 20" not in first
    assert "Course 24" in second


def test_the_list_takes_the_same_queries_for_five_events_as_for_twenty(
    client, provider, django_assert_max_num_queries
):
    people = [UserFactory() for _ in range(3)]
    for number in range(20):
        event = make_event(
            provider, title=f"Course {number}", outcode="NE1" if number % 2 else "SR1"
        )
        for person in people:
            EventBooking.objects.create(event=event, user=person)
    # Session, place lookup, districts near, count and page: a fixed number, not one per row.
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"where": "NE1", "miles": "25", "sort": "distance"})
    assert response.content.decode().count("7 places left") == 20
