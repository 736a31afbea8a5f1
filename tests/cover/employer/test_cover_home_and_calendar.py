"""The cover home page (each employer's open requests in words, bookings to come) and the
employer's calendar by week or as a list."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import CoverAlert, CoverOffer, CoverRequest
from tests.cover.conftest import make_pas, make_request
from tests.cover.employer.builders import book, pa_profile_for
from tests.factories import UserFactory, grant_representation, make_employer_profile

pytestmark = pytest.mark.django_db


def alert(request: CoverRequest, pas, *, wave: int, from_pool: bool) -> None:
    for pa in pas:
        CoverAlert.objects.create(request=request, pa=pa, wave=wave, from_pool=from_pool)


# Cover home


def test_an_open_request_is_described_in_words(
    client_for, employer, employer_profile, pa, pa_profile, tomorrow
):
    cover_request = make_request(
        employer,
        slots=[(tomorrow, time(8), time(11)), (tomorrow + timedelta(days=1), time(8), time(11))],
        address="x",
    )
    first, second = cover_request.slots.all()
    book(CoverOffer.objects.create(slot=first, pa=pa), by=employer)
    alert(cover_request, make_pas(3, prefix="pool"), wave=0, from_pool=True)
    alert(cover_request, make_pas(5, prefix="near1-"), wave=1, from_pool=False)
    alert(cover_request, make_pas(7, prefix="near2-"), wave=2, from_pool=False)
    CoverOffer.objects.create(slot=second, pa=make_pas(1, prefix="keen")[0])

    body = client_for(employer).get(reverse("cover:home")).content.decode()

    assert "1 of 2 shifts covered" in body
    assert "Relief pool (3); 12 PAs nearby, wave 2" in body
    assert "1 offer waiting for you to confirm" in body
    assert "Booked cover in the next four weeks" in body
    assert "Jordan" in body


def test_someone_acting_for_several_employers_sees_whom_they_act_for(
    client_for, employer, employer_profile, representative, tomorrow
):
    uncle = UserFactory(email="uncle@example.org", full_name="Tariq Khan", roles=["employer"])
    grant_representation(employer=uncle, representative=representative)
    make_employer_profile(uncle)
    make_request(uncle, slots=[(tomorrow, time(9), time(10))], address="x")

    body = client_for(representative).get(reverse("cover:home")).content.decode()

    assert "You act for" in body
    assert 'href="#employer-' in body
    assert "Amira Khan" in body
    assert "Tariq Khan" in body
    assert "1 open request" in body


def test_an_employer_acting_only_for_themself_sees_no_acting_for_list(
    client_for, employer, employer_profile
):
    body = client_for(employer).get(reverse("cover:home")).content.decode()

    assert "You act for" not in body
    assert reverse("cover:request_new", args=[employer.pk]) in body


def test_without_a_profile_the_home_page_says_to_set_one_up(client_for, employer):
    body = client_for(employer).get(reverse("cover:home")).content.decode()

    assert "Set up the employer profile before asking for cover" in body
    assert reverse("cover:request_new", args=[employer.pk]) not in body


def test_an_employer_who_is_also_a_pa_is_offered_their_pa_cover_page(client_for, db):
    both = UserFactory(email="both@example.org", roles=["employer", "pa"])

    body = client_for(both).get(reverse("cover:home")).content.decode()

    assert reverse("cover:pa_home") in body


def test_the_home_page_query_count_does_not_grow_with_requests_or_employers(
    client_for, representative, employer, employer_profile, tomorrow, django_assert_max_num_queries
):
    client = client_for(representative)

    def more(count: int) -> None:
        for n in range(count):
            someone = UserFactory(email=f"emp{count}-{n}@example.org", roles=["employer"])
            grant_representation(employer=someone, representative=representative)
            make_employer_profile(someone)
            for who in (someone, employer):
                cover_request = make_request(
                    who,
                    slots=[(tomorrow + timedelta(days=n), time(8), time(11))],
                    address="x",
                )
                pa = make_pas(1, prefix=f"home{count}-{n}-{who.pk}-")[0]
                pa_profile_for(pa)
                alert(cover_request, [pa], wave=0, from_pool=True)
                book(CoverOffer.objects.create(slot=cover_request.slots.get(), pa=pa), by=who)
                make_request(
                    who, slots=[(tomorrow + timedelta(days=n), time(18), time(20))], address="x"
                )

    more(1)
    with django_assert_max_num_queries(100) as few:
        client.get(reverse("cover:home"))
    more(5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("cover:home"))

    assert response.content.decode().count("0 of 1 shift covered") == 12


# Calendar


def calendar_url(employer, **query) -> str:
    url = reverse("cover:calendar", args=[employer.pk])
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def test_the_week_shows_each_shift_on_its_day_with_its_booking(
    client_for, employer, employer_profile, pa, pa_profile, tomorrow
):
    cover_request = make_request(
        employer,
        slots=[(tomorrow, time(8), time(11)), (tomorrow, time(22), time(7))],
        address="x",
    )
    morning, _night = cover_request.slots.all()
    book(CoverOffer.objects.create(slot=morning, pa=pa), by=employer)

    body = (
        client_for(employer).get(calendar_url(employer, week=tomorrow.isoformat())).content.decode()
    )

    assert f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}" in body
    assert "Booked: Jordan" in body
    assert "22:00 to 07:00" in body
    assert "overnight" in body
    assert "Looking for cover" in body


def test_the_week_links_to_the_weeks_before_and_after(client_for, employer, employer_profile):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())

    body = client_for(employer).get(calendar_url(employer)).content.decode()

    assert f"?week={monday - timedelta(days=7)}" in body
    assert f"?week={monday + timedelta(days=7)}" in body
    assert f"week of {monday.day} {monday:%B %Y}" in body


def test_a_week_given_as_any_day_starts_on_its_monday(client_for, employer, employer_profile):
    sunday = timezone.localdate() + timedelta(days=(6 - timezone.localdate().weekday()) + 7)
    monday = sunday - timedelta(days=6)

    body = (
        client_for(employer).get(calendar_url(employer, week=sunday.isoformat())).content.decode()
    )

    assert f"week of {monday.day} {monday:%B %Y}" in body


def test_a_nonsense_week_shows_this_week(client_for, employer, employer_profile):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())

    response = client_for(employer).get(calendar_url(employer, week="soon"))

    assert response.status_code == 200
    assert f"week of {monday.day} {monday:%B %Y}" in response.content.decode()


def test_the_list_shows_only_what_is_still_to_come(
    client_for, employer, employer_profile, tomorrow
):
    make_request(employer, slots=[(tomorrow, time(8), time(11))], address="x")
    gone = make_request(employer, slots=[(tomorrow, time(13), time(14))], address="x")
    gone.slots.update(
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2, hours=-1),
    )

    body = client_for(employer).get(calendar_url(employer, view="list")).content.decode()

    assert "08:00 to 11:00" in body
    assert "13:00 to 14:00" not in body
    assert "Show one week at a time" in body


def test_cancelled_shifts_are_left_out_of_the_calendar(
    client_for, employer, employer_profile, tomorrow
):
    cover_request = make_request(employer, slots=[(tomorrow, time(8), time(11))], address="x")
    cover_request.slots.update(status="cancelled")

    body = client_for(employer).get(calendar_url(employer, view="list")).content.decode()

    assert "08:00 to 11:00" not in body


def test_the_calendar_prints_without_its_links(client_for, employer, employer_profile, tomorrow):
    make_request(employer, slots=[(tomorrow, time(8), time(11))], address="x")

    body = client_for(employer).get(calendar_url(employer, view="list")).content.decode()

    assert 'class="govuk-table__cell pahub-no-print"' in body
    assert "To print, use your browser" in body


@pytest.mark.parametrize("view", ["week", "list"])
def test_the_calendar_query_count_does_not_grow_with_shifts(
    client_for, employer, employer_profile, tomorrow, django_assert_max_num_queries, view
):
    client = client_for(employer)
    rounds = iter(range(100))
    # The week view shows one week; the list everything still to come.
    first_day = tomorrow - timedelta(days=tomorrow.weekday()) if view == "week" else tomorrow
    url = (
        calendar_url(employer, week=tomorrow.isoformat())
        if view == "week"
        else (calendar_url(employer, view="list"))
    )

    def shifts(count: int) -> None:
        batch = next(rounds)
        for n in range(count):
            cover_request = make_request(
                employer,
                slots=[(first_day + timedelta(days=n % 5), time(6 + n), time(7 + n))],
                address="x",
            )
            pa = make_pas(1, prefix=f"cal{batch}-{n}-")[0]
            pa_profile_for(pa)
            book(CoverOffer.objects.create(slot=cover_request.slots.get(), pa=pa), by=employer)

    shifts(1)
    with django_assert_max_num_queries(100) as few:
        client.get(url)
    shifts(6)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.content.decode().count("Booked: ") == 7
