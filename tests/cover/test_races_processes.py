"""The same races as test_booking_races.py, between processes rather than threads: in
production each web server worker is its own process, so nothing may rely on memory that
threads share. Every racer is a forked process with its own database connection.

On PostgreSQL the row lock, the partial unique index and the exclusion constraint decide; on
SQLite the IMMEDIATE write lock makes confirmations take turns across processes too.
"""

import multiprocessing
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
FORK = multiprocessing.get_context("fork")

# Under pytest-xdist the test process has an I/O thread, and Python warns that forking a
# threaded process may deadlock the child if another thread held a lock at that moment. The
# children here only open their own database connection and report back through a queue,
# and every wait has a timeout, so the worst case is a failed test rather than a hang.
pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")


def confirm_in_child(offer_id: int, barrier, results) -> None:
    """Runs in the forked process: wait for everyone, then confirm."""
    try:
        barrier.wait(timeout=60)
        booking_confirm(offer=CoverOffer.objects.get(pk=offer_id), by=None)
        outcome = "booked"
    except SlotTaken:
        outcome = "slot taken"
    except PADoubleBooked:
        outcome = "pa double booked"
    except BookingError as error:
        outcome = f"other: {error}"
    except Exception as error:  # reported to the parent, which fails the test
        outcome = f"crashed: {type(error).__name__}: {error}"
    finally:
        connections.close_all()
    results.put(outcome)


def race_in_processes(offers: list[CoverOffer]) -> list[str]:
    # Children must open their own connections, never share the parent's socket or file.
    connections.close_all()
    barrier = FORK.Barrier(len(offers))
    results = FORK.Queue()
    children = [
        FORK.Process(target=confirm_in_child, args=(one.pk, barrier, results)) for one in offers
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
    return outcomes


def overlapping_pairs(bookings: list[Booking]) -> list[tuple[int, int]]:
    return [
        (a.pk, b.pk)
        for i, a in enumerate(bookings)
        for b in bookings[i + 1 :]
        if a.pa_id == b.pa_id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
    ]


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_processes_confirming_many_pas_for_one_slot_make_exactly_one_booking(employer, tomorrow):
    slot = make_request(employer, slots=[(tomorrow, time(8), time(11))]).slots.get()
    offers = [offer(slot, pa) for pa in make_pas(RACERS, prefix="process.racer")]

    outcomes = race_in_processes(offers)

    assert outcomes.count("booked") == 1, outcomes
    assert outcomes.count("slot taken") == RACERS - 1, outcomes
    assert Booking.objects.filter(slot=slot, status="confirmed").count() == 1


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_processes_confirming_one_pa_for_overlapping_shifts_make_exactly_one_booking(tomorrow):
    pa = UserFactory(email="process.pa@example.org", roles=[Role.PA])
    offers = []
    for n in range(RACERS):
        employer = UserFactory(email=f"process.employer{n}@example.org", roles=[Role.EMPLOYER])
        shift = (tomorrow, time(8, n * 5), time(10, 30 + n))  # all include 10:00 to 10:30
        offers.append(offer(make_request(employer, slots=[shift]).slots.get(), pa))

    outcomes = race_in_processes(offers)

    assert outcomes.count("booked") == 1, outcomes
    assert outcomes.count("pa double booked") == RACERS - 1, outcomes
    assert Booking.objects.filter(pa=pa, status="confirmed").count() == 1


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_no_pa_is_double_booked_and_no_slot_booked_twice_after_a_mixed_process_race(tomorrow):
    """Three PAs offer for each of four overlapping shifts; twelve processes confirm at once."""
    pas = make_pas(3, prefix="mixed.process.pa")
    offers = []
    for n in range(4):
        employer = UserFactory(email=f"mixed.process.employer{n}@example.org", roles=["employer"])
        slot = make_request(employer, slots=[(tomorrow, time(9 + n % 2), time(12))]).slots.get()
        offers += [offer(slot, pa) for pa in pas]

    outcomes = race_in_processes(offers)

    bookings = list(Booking.objects.filter(status="confirmed"))
    assert not [outcome for outcome in outcomes if outcome.startswith(("other", "crashed"))]
    assert overlapping_pairs(bookings) == []
    assert len({booking.slot_id for booking in bookings}) == len(bookings)
    # Every shift overlaps every other, so each PA holds at most one: three bookings at most,
    # and at least one, since somebody always wins.
    assert 1 <= len(bookings) <= len(pas)
    assert outcomes.count("booked") == len(bookings)
