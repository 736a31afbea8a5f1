"""Many people confirming at the same moment: exactly one booking wins each race, everyone else
is told someone else just took it, and no PA ends up with overlapping bookings.

Runs on SQLite (confirmations take turns on the write lock) and on PostgreSQL (row lock,
partial unique index and the exclusion constraint do the work).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import time

import pytest
from django.db import connections

from pahub.accounts.models import Role
from pahub.cover.booking import BookingError, PADoubleBooked, SlotTaken
from pahub.cover.models import Booking, CoverOffer
from pahub.cover.services import booking_confirm
from tests.cover.conftest import make_pas, make_request, offer
from tests.factories import UserFactory

RACERS = 8
ROUNDS = 3


def race(offers: list[CoverOffer]) -> list[str]:
    """Confirm every offer at once, each from its own thread and database connection."""
    start = threading.Barrier(len(offers))

    def confirm(one: CoverOffer) -> str:
        try:
            start.wait()
            booking_confirm(offer=one, by=None)
            return "booked"
        except SlotTaken:
            return "slot taken"
        except PADoubleBooked:
            return "pa double booked"
        except BookingError as error:
            return f"other: {error}"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(offers)) as pool:
        return list(pool.map(confirm, offers))


def overlapping_pairs(bookings: list[Booking]) -> list[tuple[int, int]]:
    return [
        (a.pk, b.pk)
        for i, a in enumerate(bookings)
        for b in bookings[i + 1 :]
        if a.pa_id == b.pa_id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
    ]


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_many_pas_confirmed_for_one_slot_at_once_give_exactly_one_booking(employer, tomorrow):
    pas = make_pas(RACERS)
    for round_number in range(ROUNDS):
        request = make_request(
            employer, slots=[(tomorrow, time(8 + round_number), time(9 + round_number))]
        )
        slot = request.slots.get()
        results = race([offer(slot, pa) for pa in pas])

        assert results.count("booked") == 1, results
        assert results.count("slot taken") == RACERS - 1, results
        assert Booking.objects.filter(slot=slot, status="confirmed").count() == 1


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_one_pa_confirmed_by_many_employers_for_overlapping_shifts_gets_one_booking(tomorrow):
    employers = [
        UserFactory(email=f"racing.employer{n}@example.org", roles=[Role.EMPLOYER])
        for n in range(RACERS)
    ]
    for round_number in range(ROUNDS):
        pa = UserFactory(email=f"busy.pa{round_number}@example.org", roles=[Role.PA])
        # Every shift overlaps every other: they all include 10:00 to 10:30.
        offers = [
            offer(
                make_request(
                    employer, slots=[(tomorrow, time(8, n * 5), time(10, 30 + n))]
                ).slots.get(),
                pa,
            )
            for n, employer in enumerate(employers)
        ]
        results = race(offers)

        assert results.count("booked") == 1, results
        assert results.count("pa double booked") == RACERS - 1, results
        assert Booking.objects.filter(pa=pa, status="confirmed").count() == 1


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_no_pa_holds_overlapping_bookings_after_mixed_races(tomorrow):
    employers = [
        UserFactory(email=f"mixed.employer{n}@example.org", roles=[Role.EMPLOYER]) for n in range(4)
    ]
    pas = make_pas(4, prefix="mixed.pa")
    offers = []
    for n, employer in enumerate(employers):
        slot = make_request(employer, slots=[(tomorrow, time(9 + n % 2), time(12))]).slots.get()
        offers += [offer(slot, pa) for pa in pas]

    race(offers)

    bookings = list(Booking.objects.filter(status="confirmed"))
    assert overlapping_pairs(bookings) == []
    assert len({booking.slot_id for booking in bookings}) == len(bookings)
    assert len(bookings) >= 1
