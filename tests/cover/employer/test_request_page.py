"""A request as the employer side sees it: offers, confirming one (and losing a race),
who has been asked and when, and cancelling a booking or the whole request."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import (
    Booking,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
)
from pahub.cover.services import wave_send
from tests.cover.conftest import make_pas, make_request
from tests.cover.employer.builders import book, pa_profile_for
from tests.factories import UserFactory, make_employer_profile

pytestmark = pytest.mark.django_db


def page_of(cover_request: CoverRequest) -> str:
    return reverse("cover:request", args=[cover_request.pk])


def confirm(client, offer: CoverOffer):
    return client.post(reverse("cover:offer_confirm", args=[offer.pk]), follow=True)


def in_hours(hours: float, length: float = 2) -> tuple:
    """A shift starting `hours` from now, as (day, start, end) in London time."""
    start = timezone.localtime() + timedelta(hours=hours)
    start = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    end = start + timedelta(hours=length)
    return (start.date(), start.time(), end.time())


# What the page shows


def test_offers_show_the_pas_shown_name_district_level_message_and_distance(
    client_for, employer, amira_request, jordans_offer
):
    body = client_for(employer).get(page_of(amira_request)).content.decode()

    assert "Jordan" in body
    assert "Level 2" in body
    assert "Lives in NE3" in body
    assert "miles away" in body
    assert "I can be there by 07:45." in body
    assert "Confirm" in body


def test_offers_never_show_a_pas_surname_email_or_postcode(
    client_for, employer, amira_request, jordans_offer
):
    body = client_for(employer).get(page_of(amira_request)).content.decode()

    assert "Reed" not in body
    assert "pa@example.org" not in body
    assert "NE3 1AA" not in body


def test_the_employer_side_sees_the_address_and_phone(client_for, representative, amira_request):
    body = client_for(representative).get(page_of(amira_request)).content.decode()

    assert "12 Grey Street, Newcastle NE1 6AE" in body
    assert "0191 000 0000" in body
    assert "Only the PA you book sees this" in body


def test_an_overnight_shift_says_so(client_for, employer, employer_profile, tomorrow):
    cover_request = make_request(employer, slots=[(tomorrow, time(22), time(7))], address="x")

    body = client_for(employer).get(page_of(cover_request)).content.decode()

    assert "22:00 to 07:00" in body
    assert "overnight" in body


def test_the_page_says_who_was_asked_and_when_it_widens(
    client_for, employer, employer_profile, pa, pa_profile, tomorrow
):
    ReliefPoolMember.objects.create(employer=employer, pa=pa, status="active")
    cover_request = make_request(employer, slots=[(tomorrow, time(8), time(11))], address="x")
    now = timezone.now()
    wave_send(request_id=cover_request.pk, now=now)

    body = client_for(employer).get(page_of(cover_request)).content.decode()

    assert "So far: relief pool (1)." in body
    assert "From your relief pool: Jordan." in body
    assert "Relief pool asked: 1 PA" in body
    assert "Widening to more PAs nearby" in body
    widening = timezone.localtime(now + timedelta(minutes=30))
    assert f"{widening:%H:%M}" in body


def test_nearby_waves_are_counted_without_naming_anyone(
    client_for, employer, employer_profile, amira_request
):
    nearby = make_pas(3, prefix="nearby")
    for wave, pa in enumerate(nearby, start=1):
        CoverAlert.objects.create(request=amira_request, pa=pa, wave=wave, from_pool=False)

    body = client_for(employer).get(page_of(amira_request)).content.decode()

    assert "3 PAs nearby, wave 3" in body
    assert "Wave 1: 1 PA nearby asked" in body
    for pa in nearby:
        assert pa.full_name not in body


# Confirming an offer


def test_confirming_an_offer_books_the_pa(client_for, employer, amira_request, jordans_offer):
    response = confirm(client_for(employer), jordans_offer)

    booking = Booking.objects.get()
    assert booking.pa == jordans_offer.pa
    assert booking.confirmed_by == employer
    body = response.content.decode()
    assert "Jordan is booked for" in body
    assert "Covered by Jordan" in body
    assert reverse("cover:booking", args=[booking.pk]) in body
    amira_request.refresh_from_db()
    assert amira_request.status == CoverRequest.Status.COVERED


def test_confirming_a_slot_someone_else_just_took_says_so(
    client_for, employer, representative, amira_request, jordans_offer, other_pa
):
    """Amira and Sara each confirm a different PA for the same shift; Sara is a moment late."""
    pa_profile_for(other_pa)
    chris_offer = CoverOffer.objects.create(slot=jordans_offer.slot, pa=other_pa)
    sara_sees = client_for(representative).get(page_of(amira_request)).content.decode()
    assert 'Confirm<span class="govuk-visually-hidden"> Chris' in sara_sees
    confirm(client_for(employer), jordans_offer)

    response = confirm(client_for(representative), chris_offer)

    body = response.content.decode()
    assert "Someone else just took this slot. It is no longer available." in body
    assert Booking.objects.filter(status="confirmed").count() == 1
    assert Booking.objects.get().pa == jordans_offer.pa


def test_confirming_a_pa_who_was_just_booked_elsewhere_says_so(
    client_for, employer, amira_request, jordans_offer, pa, tomorrow
):
    other_employer = UserFactory(email="other.employer@example.org", roles=["employer"])
    make_employer_profile(other_employer)
    elsewhere = make_request(other_employer, slots=[(tomorrow, time(9), time(10))], address="y")
    book(CoverOffer.objects.create(slot=elsewhere.slots.get(), pa=pa), by=other_employer)

    body = confirm(client_for(employer), jordans_offer).content.decode()

    assert "has just been booked for another shift at the same time" in body
    assert not Booking.objects.filter(employer=employer).exists()


def test_a_withdrawn_offer_cannot_be_confirmed(client_for, employer, amira_request, jordans_offer):
    CoverOffer.objects.filter(pk=jordans_offer.pk).update(status="withdrawn")

    body = confirm(client_for(employer), jordans_offer).content.decode()

    assert "This offer has been withdrawn" in body
    assert not Booking.objects.exists()


def test_offers_on_a_cancelled_request_cannot_be_confirmed(
    client_for, employer, amira_request, jordans_offer
):
    CoverRequest.objects.filter(pk=amira_request.pk).update(status="cancelled")

    body = confirm(client_for(employer), jordans_offer).content.decode()

    assert "This request has ended" in body
    assert not Booking.objects.exists()


# Cancelling a booking


@pytest.fixture
def soon_booking(employer, employer_profile, pa, pa_profile) -> Booking:
    """Jordan is booked for a shift starting in about three hours."""
    cover_request = make_request(employer, slots=[in_hours(2)], address="x")
    return book(CoverOffer.objects.create(slot=cover_request.slots.get(), pa=pa), by=employer)


@pytest.fixture
def later_booking(employer, employer_profile, pa, pa_profile) -> Booking:
    cover_request = make_request(employer, slots=[in_hours(72)], address="x")
    return book(CoverOffer.objects.create(slot=cover_request.slots.get(), pa=pa), by=employer)


def cancel_page(booking: Booking) -> str:
    return reverse("cover:request_booking_cancel", args=[booking.pk])


def test_cancelling_under_24_hours_before_warns_that_it_is_late(client_for, employer, soon_booking):
    body = client_for(employer).get(cancel_page(soon_booking)).content.decode()

    assert "Cancelling now is recorded as a late cancellation" in body


def test_cancelling_days_ahead_gives_no_late_warning(client_for, employer, later_booking):
    body = client_for(employer).get(cancel_page(later_booking)).content.decode()

    assert "late cancellation" not in body


def test_a_reason_is_needed_to_cancel_a_booking(client_for, employer, soon_booking):
    response = client_for(employer).post(cancel_page(soon_booking), {"reason": " "})

    body = response.content.decode()
    assert "There is a problem" in body
    assert 'id="id_reason-error"' in body
    assert "Say why you are cancelling, so the PA knows" in body
    soon_booking.refresh_from_db()
    assert soon_booking.status == Booking.Status.CONFIRMED


def test_cancelling_a_booking_reopens_the_shift_and_flags_a_late_cancellation(
    client_for, employer, soon_booking, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(employer).post(
            cancel_page(soon_booking), {"reason": "My usual PA is better."}, follow=True
        )

    soon_booking.refresh_from_db()
    assert soon_booking.status == Booking.Status.CANCELLED
    assert soon_booking.late_cancellation
    assert soon_booking.cancelled_by == employer
    assert soon_booking.slot.status == CoverSlot.Status.OPEN
    body = response.content.decode()
    assert "The booking is cancelled and Jordan has been told" in body
    assert "(late cancellation)" in body
    told = [mail for mail in mailoutbox if mail.to == ["pa@example.org"]]
    assert "My usual PA is better." in told[0].body


def test_a_cancelled_booking_cannot_be_cancelled_again(client_for, employer, later_booking):
    client = client_for(employer)
    client.post(cancel_page(later_booking), {"reason": "Not needed."})

    body = client.get(cancel_page(later_booking)).content.decode()

    assert "already been cancelled" in body


# Cancelling the whole request


def test_cancelling_the_request_needs_a_reason(client_for, employer, amira_request):
    response = client_for(employer).post(
        reverse("cover:request_cancel", args=[amira_request.pk]), {"reason": ""}
    )

    assert 'id="id_reason-error"' in response.content.decode()
    amira_request.refresh_from_db()
    assert amira_request.status == CoverRequest.Status.OPEN


def test_cancelling_the_request_cancels_its_bookings(
    client_for, employer, amira_request, jordans_offer
):
    booking = book(jordans_offer, by=employer)
    client = client_for(employer)
    assert (
        "will be cancelled too"
        in client.get(reverse("cover:request_cancel", args=[amira_request.pk])).content.decode()
    )

    response = client.post(
        reverse("cover:request_cancel", args=[amira_request.pk]),
        {"reason": "I am better now."},
        follow=True,
    )

    amira_request.refresh_from_db()
    booking.refresh_from_db()
    assert amira_request.status == CoverRequest.Status.CANCELLED
    assert booking.status == Booking.Status.CANCELLED
    body = response.content.decode()
    assert "The request is cancelled" in body
    assert "Cancel this request" not in body


# Queries


def test_the_request_page_query_count_does_not_grow_with_offers(
    client_for, employer, employer_profile, tomorrow, django_assert_max_num_queries
):
    cover_request = make_request(
        employer,
        slots=[(tomorrow, time(8), time(11)), (tomorrow, time(18), time(21))],
        address="x",
    )
    client = client_for(employer)

    def offers(count: int) -> None:
        for pa in make_pas(count, prefix=f"offering{count}-"):
            pa_profile_for(pa)
            for slot in cover_request.slots.all():
                CoverOffer.objects.create(slot=slot, pa=pa, message="Happy to help.")
            CoverAlert.objects.create(request=cover_request, pa=pa, wave=0, from_pool=True)

    offers(1)
    with django_assert_max_num_queries(100) as few:
        client.get(page_of(cover_request))
    offers(8)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page_of(cover_request))

    assert response.content.decode().count(">Confirm<") == 18


def test_a_shift_in_the_past_with_nobody_booked_says_not_covered(
    client_for, employer, employer_profile
):
    start = timezone.localtime() - timedelta(hours=5)
    cover_request = make_request(
        employer,
        slots=[(start.date(), start.time().replace(second=0, microsecond=0), time(23, 59))],
        address="x",
    )
    CoverSlot.objects.filter(request=cover_request).update(
        starts_at=timezone.now() - timedelta(hours=5),
        ends_at=timezone.now() - timedelta(hours=1),
    )

    body = client_for(employer).get(page_of(cover_request)).content.decode()

    assert "Not covered" in body


def test_times_are_shown_in_london_time(client_for, employer, employer_profile):
    """A summer shift at 08:00 London time is 07:00 UTC; the page says 08:00."""
    from pahub.cover.times import LONDON

    today = timezone.localdate()
    summer = today.replace(month=7, day=15)
    if summer <= today:
        summer = summer.replace(year=today.year + 1)
    cover_request = make_request(employer, slots=[(summer, time(8), time(11))], address="x")
    slot = cover_request.slots.get()
    assert slot.starts_at.astimezone(LONDON) == datetime.combine(summer, time(8), tzinfo=LONDON)

    body = client_for(employer).get(page_of(cover_request)).content.decode()

    assert "08:00 to 11:00" in body
