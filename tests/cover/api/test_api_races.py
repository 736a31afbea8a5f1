"""Races through the API: many people press "confirm" at the same moment, each in their own
thread with their own database connection. Exactly one wins; every other caller gets 409 with
the sentence to show, and nobody ends up double-booked. Runs on SQLite and PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import time

import pytest
from django.db import connections
from django.test import Client

from pahub.accounts.models import Role
from pahub.cover.models import Booking, CoverOffer
from tests.cover.api.conftest import post
from tests.cover.conftest import make_pas, make_request
from tests.factories import UserFactory

RACERS = 6
TAKEN = "Someone else just took this slot. It is no longer available."
DOUBLE = (
    "This PA has just been booked for another shift at the same time, so they cannot take this one."
)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def race(attempts: list[tuple[Client, str]]) -> list[tuple[int, dict]]:
    start = threading.Barrier(len(attempts))

    def confirm(attempt: tuple[Client, str]) -> tuple[int, dict]:
        client, url = attempt
        try:
            start.wait()
            response = post(client, url)
            return response.status_code, response.json()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(confirm, attempts))


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_many_confirmations_for_one_slot_book_it_once_and_tell_the_rest(
    employer, representative, tomorrow
):
    pas = make_pas(RACERS, prefix="api.racer")
    slot = make_request(employer, slots=[(tomorrow, time(8), time(11))]).slots.get()
    offers = [CoverOffer.objects.create(slot=slot, pa=pa) for pa in pas]
    # Amira and Sara both confirm, from several browser tabs each.
    clients = [signed_in(employer if n % 2 else representative) for n in range(RACERS)]

    results = race(
        [
            (client, f"/api/v1/cover/offers/{offer.pk}/confirm")
            for client, offer in zip(clients, offers, strict=True)
        ]
    )

    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [409] * (RACERS - 1), results
    assert {body["detail"] for status, body in results if status == 409} == {TAKEN}
    assert Booking.objects.filter(slot=slot, status="confirmed").count() == 1


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_many_employers_confirming_one_pa_for_overlapping_shifts_book_them_once(tomorrow):
    pa = UserFactory(email="wanted.pa@example.org", roles=[Role.PA])
    attempts = []
    for n in range(RACERS):
        employer = UserFactory(email=f"api.employer{n}@example.org", roles=[Role.EMPLOYER])
        # Every shift includes 10:00 to 10:30, so any two overlap.
        slot = make_request(
            employer, slots=[(tomorrow, time(8, n * 5), time(10, 30 + n))]
        ).slots.get()
        offer = CoverOffer.objects.create(slot=slot, pa=pa)
        attempts.append((signed_in(employer), f"/api/v1/cover/offers/{offer.pk}/confirm"))

    results = race(attempts)

    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [409] * (RACERS - 1), results
    assert {body["detail"] for status, body in results if status == 409} == {DOUBLE}
    assert Booking.objects.filter(pa=pa, status="confirmed").count() == 1
