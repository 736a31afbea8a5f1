"""The rota page: every confirmed booking across employers, by week or as a list, with the
48-hour and 11-hour warnings in words, printable, in a fixed number of queries."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import Booking
from tests.cover.pa.conftest import local_booking
from tests.factories import UserFactory, make_employer_profile

DECEMBER_MONDAY = date(2026, 12, 7)


def week_url(monday: date) -> str:
    return f"{reverse('cover:rota')}?week={monday:%Y-%m-%d}"


def second_employer():
    bea = UserFactory(
        email="bea@example.org", full_name="Bea Moss", postcode="NE3 2AA", roles=["employer"]
    )
    make_employer_profile(bea, display_name="Bea")
    return bea


def test_the_week_shows_shifts_from_every_employer_on_their_days(
    client_for, pa, employer, employer_profile
):
    bea = second_employer()
    local_booking(employer, pa, DECEMBER_MONDAY + timedelta(days=1), time(8), time(11))
    local_booking(bea, pa, DECEMBER_MONDAY + timedelta(days=3), time(22), time(7))

    content = client_for(pa).get(week_url(DECEMBER_MONDAY)).content.decode()

    assert "Week of Monday 7 December 2026" in content
    assert "Tuesday 8 December, 08:00 to 11:00 (3 hours)" in content
    assert "For Amira, in NE1" in content
    assert "Thursday 10 December, 22:00 to 07:00 on Friday (overnight, 9 hours)" in content
    assert "For Bea, in NE3" in content
    assert "2 shifts, 12 hours in this week." in content
    assert content.count("No shifts") == 5


def test_any_day_in_the_week_shows_that_week_and_links_to_the_weeks_either_side(client_for, pa):
    content = client_for(pa).get(week_url(date(2026, 12, 10))).content.decode()

    assert "Week of Monday 7 December 2026" in content
    assert "?week=2026-11-30" in content
    assert "?week=2026-12-14" in content


@pytest.mark.parametrize("week", ["next-tuesday", "2026-02-30", "9999-12-31", "0001-01-01"])
def test_an_unreadable_week_shows_this_week_and_says_so(client_for, pa, week):
    response = client_for(pa).get(f"{reverse('cover:rota')}?week={week}")

    assert response.status_code == 200
    content = response.content.decode()
    assert "We could not read the week in the address" in content
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    assert f"Week of {monday:%A} {monday.day} {monday:%B %Y}" in content


def test_a_week_over_48_hours_and_a_short_rest_are_both_warned_about(
    client_for, pa, employer, employer_profile
):
    bea = second_employer()
    for offset in range(5):
        local_booking(employer, pa, DECEMBER_MONDAY + timedelta(days=offset), time(7), time(16))
    local_booking(bea, pa, DECEMBER_MONDAY + timedelta(days=1), time(17), time(22))

    content = client_for(pa).get(week_url(DECEMBER_MONDAY)).content.decode()

    assert (
        "Week of 7 December: 50 hours — more than the 48-hour average limit "
        "(Working Time Regulations)"
    ) in content
    assert (
        "Only 9 hours' rest between Tuesday's evening shift and Wednesday's early shift "
        "(11 hours is the legal minimum daily rest)"
    ) in content.replace("&#x27;", "'")
    assert "Warning" in content


def test_a_short_rest_across_the_start_of_the_week_is_still_found(
    client_for, pa, employer, employer_profile
):
    local_booking(employer, pa, DECEMBER_MONDAY - timedelta(days=1), time(18), time(23))
    local_booking(employer, pa, DECEMBER_MONDAY, time(6), time(9))

    content = client_for(pa).get(week_url(DECEMBER_MONDAY)).content.decode()

    assert "Only 7 hours" in content.replace("&#x27;", "'")


def test_cancelled_bookings_and_other_pas_bookings_are_not_on_the_rota(
    client_for, pa, other_pa, employer, employer_profile
):
    mine = local_booking(employer, pa, DECEMBER_MONDAY, time(8), time(11))
    Booking.objects.filter(pk=mine.pk).update(status="cancelled")
    local_booking(employer, other_pa, DECEMBER_MONDAY + timedelta(days=2), time(8), time(11))

    content = client_for(pa).get(week_url(DECEMBER_MONDAY)).content.decode()

    assert "No shifts this week." in content


def test_the_list_view_shows_upcoming_shifts_by_week_with_warnings(
    client_for, pa, employer, employer_profile
):
    today = timezone.localdate()
    soon = today + timedelta(days=2)
    local_booking(employer, pa, soon, time(17), time(22))
    local_booking(employer, pa, soon + timedelta(days=1), time(6), time(9))
    local_booking(employer, pa, today - timedelta(days=3), time(8), time(11))

    content = client_for(pa).get(f"{reverse('cover:rota')}?view=list").content.decode()

    assert "All upcoming shifts" in content
    assert f"{soon:%A} {soon.day} {soon:%B}, 17:00 to 22:00" in content
    assert "Only 8 hours" in content.replace("&#x27;", "'")
    past = today - timedelta(days=3)
    assert f"{past:%A} {past.day} {past:%B}, 08:00" not in content


def test_the_rota_is_printable(client_for, pa):
    for url in [reverse("cover:rota"), f"{reverse('cover:rota')}?view=list"]:
        content = client_for(pa).get(url).content.decode()
        assert "Print your rota" in content
        assert 'class="pahub-no-print"' in content
        assert "nonce=" in content


def test_the_week_takes_the_same_number_of_queries_however_many_shifts(
    client_for, pa, employer, employer_profile, django_assert_max_num_queries
):
    client = client_for(pa)
    local_booking(employer, pa, DECEMBER_MONDAY, time(8), time(9))
    with CaptureQueriesContext(connection) as few:
        client.get(week_url(DECEMBER_MONDAY))
    bea = second_employer()
    for offset in range(7):
        for start in (12, 18):
            local_booking(
                bea if offset % 2 else employer,
                pa,
                DECEMBER_MONDAY + timedelta(days=offset),
                time(start),
                time(start + 2),
            )

    with django_assert_max_num_queries(len(few.captured_queries)):
        content = client.get(week_url(DECEMBER_MONDAY)).content.decode()
    assert "15 shifts" in content


def test_the_list_takes_the_same_number_of_queries_however_many_shifts(
    client_for, pa, employer, employer_profile, django_assert_max_num_queries
):
    client = client_for(pa)
    start = timezone.localdate() + timedelta(days=1)
    local_booking(employer, pa, start, time(8), time(9))
    url = f"{reverse('cover:rota')}?view=list"
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    bea = second_employer()
    for offset in range(1, 15):
        local_booking(
            bea if offset % 2 else employer, pa, start + timedelta(days=offset), time(8), time(9)
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        content = client.get(url).content.decode()
    assert content.count('href="/cover/bookings/') == 15
