"""Cover for me: the requests a PA was alerted to (new ones first), their offers and their
upcoming bookings; and the count of new alerts for the navigation."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import CoverAlert
from pahub.cover.queries import new_cover_alert_count
from tests.cover.conftest import make_request, offer
from tests.cover.pa.conftest import ADDRESS, alert, book
from tests.factories import UserFactory, make_employer_profile


def test_the_page_lists_an_alert_with_district_times_tasks_pay_and_why(client_for, pa, alerted):
    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    assert "Cover for Amira in NE1" in content
    assert "08:00 to 11:00 (3 hours)" in content
    assert "18:00 to 21:00 (3 hours)" in content
    assert "Dressing and undressing, Washing / bathing / showering" in content
    assert "£14.00 an hour" in content
    assert "Nearby" in content
    assert ">New<" in content
    assert "Grey Street" not in content


def test_a_pool_alert_says_it_comes_from_someone_whose_pool_you_are_in(client_for, pa, needed):
    alert(needed, pa, from_pool=True)

    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    assert "From someone whose relief pool you are in" in content


def test_a_nearby_alert_gives_the_distance_in_miles(client_for, pa, needed):
    alert(needed, pa, miles=2.34)

    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    assert "Nearby, 2.3 miles from you" in content


def test_without_a_stored_distance_the_miles_come_from_the_two_districts(client_for, pa, alerted):
    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    # Jordan lives in NE3, Amira in NE1: a few miles apart.
    assert "miles from you" in content


def test_unseen_alerts_come_first_and_opening_a_request_marks_it_seen(
    client_for, pa, employer, employer_profile, tomorrow
):
    older = make_request(employer, slots=[(tomorrow, time(6), time(7))], address=ADDRESS)
    newer = make_request(employer, slots=[(tomorrow, time(20), time(21))], address=ADDRESS)
    alert(older, pa, created_at=timezone.now() - timedelta(hours=1))
    alert(newer, pa, seen_at=timezone.now())
    client = client_for(pa)

    content = client.get(reverse("cover:pa_home")).content.decode()
    assert content.index("06:00 to 07:00") < content.index("20:00 to 21:00")
    assert content.count(">New<") == 1

    client.get(reverse("cover:pa_request", args=[older.pk]))

    assert CoverAlert.objects.get(request=older, pa=pa).seen_at is not None
    assert ">New<" not in client.get(reverse("cover:pa_home")).content.decode()


def test_a_request_whose_shifts_are_all_over_drops_off_the_list(
    client_for, pa, employer, employer_profile
):
    yesterday = timezone.localdate() - timedelta(days=1)
    old = make_request(employer, slots=[(yesterday, time(8), time(9))], address=ADDRESS)
    alert(old, pa)

    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    assert "No one has asked you for cover yet" in content


def test_offers_and_upcoming_bookings_are_listed(client_for, pa, alerted):
    morning, evening = alerted.slots.order_by("starts_at")
    offer(evening, pa)
    booking = book(morning, pa)

    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    assert "Waiting for Amira to confirm" in content
    assert reverse("cover:booking", args=[booking.pk]) in content
    assert "You are booked" in content


def test_the_new_alert_count_counts_unseen_alerts_on_open_requests_only(
    pa, employer, employer_profile, tomorrow
):
    first = make_request(employer, slots=[(tomorrow, time(6), time(7))], address=ADDRESS)
    second = make_request(employer, slots=[(tomorrow, time(8), time(9))], address=ADDRESS)
    cancelled = make_request(
        employer, slots=[(tomorrow, time(10), time(11))], address=ADDRESS, status="cancelled"
    )
    alert(first, pa)
    alert(second, pa, seen_at=timezone.now())
    alert(cancelled, pa)

    assert new_cover_alert_count(pa) == 1


def test_the_new_alert_count_is_zero_for_a_visitor():
    from django.contrib.auth.models import AnonymousUser

    assert new_cover_alert_count(AnonymousUser()) == 0


def test_the_list_takes_the_same_number_of_queries_however_many_requests(
    client_for, pa, tomorrow, django_assert_max_num_queries
):
    client = client_for(pa)

    def add_requests(count: int, start: int) -> None:
        for number in range(start, start + count):
            employer = UserFactory(email=f"cover.employer{number}@example.org", roles=["employer"])
            make_employer_profile(employer, display_name=f"Employer {number}")
            cover_request = make_request(
                employer,
                slots=[(tomorrow, time(8), time(9)), (tomorrow, time(12), time(13))],
                address=ADDRESS,
            )
            alert(cover_request, pa, from_pool=number % 2 == 0)
            slot = cover_request.slots.first()
            if number % 3 == 0:
                offer(slot, pa)

    add_requests(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("cover:pa_home")).status_code == 200
    add_requests(8, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("cover:pa_home"))
    assert response.content.decode().count('class="govuk-summary-card__title"') == 10


@pytest.mark.parametrize("status", ["covered", "cancelled"])
def test_a_request_that_ended_shows_its_status(client_for, pa, alerted, status):
    alerted.status = status
    alerted.save(update_fields=["status"])

    content = client_for(pa).get(reverse("cover:pa_home")).content.decode()

    assert {"covered": "Covered", "cancelled": "Cancelled"}[status] in content
