"""POST /api/v1/cover/slots/{id}/offers, /cover/offers/{id}/confirm and /withdraw."""

from datetime import time

import pytest

from pahub.accounts.models import Role
from pahub.cover.models import Booking, CoverOffer, CoverSlot, ReliefPoolMember
from pahub.cover.services import booking_confirm
from tests.cover.api.conftest import alert, post
from tests.cover.conftest import make_request
from tests.factories import UserFactory

API = "/api/v1/cover"
TAKEN = "Someone else just took this slot. It is no longer available."


# Offering


def test_an_alerted_pa_offers_to_take_a_shift(client_for, asked, pa):
    slot = asked.slots.get()

    response = post(client_for(pa), f"{API}/slots/{slot.pk}/offers", {"message": "I know Amira"})

    assert response.status_code == 201, response.json()
    body = response.json()
    offer = CoverOffer.objects.get()
    assert body["id"] == offer.pk
    assert (body["status"], body["message"], body["from_pool"]) == ("offered", "I know Amira", True)
    assert (offer.pa, offer.slot) == (pa, slot)


def test_offering_twice_is_409(client_for, asked, pa):
    client = client_for(pa)
    url = f"{API}/slots/{asked.slots.get().pk}/offers"

    post(client, url, {})
    again = post(client, url, {})

    assert again.status_code == 409
    assert again.json()["detail"] == "You have already offered to take this shift."
    assert CoverOffer.objects.count() == 1


def test_offering_for_a_shift_someone_else_took_is_409_with_the_clear_message(
    client_for, asked, pa, other_pa, amira
):
    alert(asked, other_pa, from_pool=False)
    slot = asked.slots.get()
    booking_confirm(offer=CoverOffer.objects.create(slot=slot, pa=pa), by=amira)

    response = post(client_for(other_pa), f"{API}/slots/{slot.pk}/offers", {})

    assert response.status_code == 409
    assert response.json()["detail"] == TAKEN


def test_offering_for_a_shift_that_clashes_with_your_booking_is_409(
    client_for, asked, pa, tomorrow
):
    other_employer = UserFactory(roles=[Role.EMPLOYER], email="other.employer@example.org")
    clash = make_request(other_employer, slots=[(tomorrow, time(10), time(12))])
    booking_confirm(offer=CoverOffer.objects.create(slot=clash.slots.get(), pa=pa), by=None)

    response = post(client_for(pa), f"{API}/slots/{asked.slots.get().pk}/offers", {})

    assert response.status_code == 409
    assert response.json()["detail"] == "You already have a booking at this time."


def test_a_message_longer_than_500_characters_is_400(client_for, asked, pa):
    response = post(
        client_for(pa), f"{API}/slots/{asked.slots.get().pk}/offers", {"message": "x" * 501}
    )

    assert response.status_code == 400
    assert not CoverOffer.objects.exists()


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_a_pool_member_offering_on_an_auto_confirm_request_is_booked_at_once(
    client_for, amira, pa, tomorrow
):
    """Real commits here: the auto-confirmation runs from the task queue after the offer is
    committed, and the response already says so."""
    ReliefPoolMember.objects.create(employer=amira, pa=pa, status="active")
    request = make_request(amira, slots=[(tomorrow, time(8), time(11))], auto_confirm_pool=True)
    alert(request, pa)

    response = post(client_for(pa), f"{API}/slots/{request.slots.get().pk}/offers", {})

    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    assert Booking.objects.get().pa == pa


# Confirming


def test_the_employer_confirms_an_offer_and_gets_the_booking(client_for, amira, jordans_offer, pa):
    response = post(client_for(amira), f"{API}/offers/{jordans_offer.pk}/confirm")

    assert response.status_code == 201, response.json()
    body = response.json()
    booking = Booking.objects.get()
    assert body["id"] == booking.pk
    assert (body["side"], body["pa_id"], body["status"]) == ("employer", pa.pk, "confirmed")
    assert booking.confirmed_by == amira
    assert CoverSlot.objects.get().status == "booked"


def test_confirming_a_second_offer_for_a_booked_slot_is_409_someone_else_took_it(
    client_for, amira, asked, jordans_offer, other_pa
):
    alert(asked, other_pa, from_pool=False)
    second = CoverOffer.objects.create(slot=asked.slots.get(), pa=other_pa)
    client = client_for(amira)

    first = post(client, f"{API}/offers/{jordans_offer.pk}/confirm")
    late = post(client, f"{API}/offers/{second.pk}/confirm")

    assert first.status_code == 201
    assert late.status_code == 409
    assert late.json()["detail"] == TAKEN
    assert Booking.objects.count() == 1


def test_confirming_a_pa_just_booked_elsewhere_at_that_time_is_409(
    client_for, amira, jordans_offer, pa, tomorrow
):
    other_employer = UserFactory(roles=[Role.EMPLOYER], email="other.employer@example.org")
    clash = make_request(other_employer, slots=[(tomorrow, time(7), time(9))])
    booking_confirm(offer=CoverOffer.objects.create(slot=clash.slots.get(), pa=pa), by=None)

    response = post(client_for(amira), f"{API}/offers/{jordans_offer.pk}/confirm")

    assert response.status_code == 409
    assert "just been booked for another shift" in response.json()["detail"]
    assert Booking.objects.filter(slot__request__employer=amira).count() == 0


def test_confirming_twice_is_409_already_confirmed(client_for, amira, jordans_offer):
    client = client_for(amira)
    post(client, f"{API}/offers/{jordans_offer.pk}/confirm")

    again = post(client, f"{API}/offers/{jordans_offer.pk}/confirm")

    assert again.status_code == 409
    assert again.json()["detail"] == "This offer is already confirmed."


def test_confirming_a_withdrawn_offer_is_409(client_for, amira, jordans_offer):
    jordans_offer.status = CoverOffer.Status.WITHDRAWN
    jordans_offer.save(update_fields=["status"])

    response = post(client_for(amira), f"{API}/offers/{jordans_offer.pk}/confirm")

    assert response.status_code == 409
    assert "withdrawn" in response.json()["detail"]


def test_confirming_on_a_cancelled_request_is_409(client_for, amira, asked, jordans_offer):
    client = client_for(amira)
    post(client, f"{API}/requests/{asked.pk}/cancel", {"reason": "Sorted it myself"})

    response = post(client, f"{API}/offers/{jordans_offer.pk}/confirm")

    assert response.status_code == 409
    assert response.json()["detail"] == "This shift was cancelled, so it cannot be booked."


# Withdrawing


def test_a_pa_withdraws_a_waiting_offer(client_for, pa, jordans_offer):
    response = post(client_for(pa), f"{API}/offers/{jordans_offer.pk}/withdraw")

    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    jordans_offer.refresh_from_db()
    assert jordans_offer.status == "withdrawn"


@pytest.mark.usefixtures("booking")
def test_a_confirmed_offer_cannot_be_withdrawn_the_booking_is_cancelled_instead(
    client_for, pa, jordans_offer
):
    response = post(client_for(pa), f"{API}/offers/{jordans_offer.pk}/withdraw")

    assert response.status_code == 409
    assert "still waiting" in response.json()["detail"]


def test_another_pa_cannot_withdraw_jordans_offer(client_for, other_pa, jordans_offer):
    response = post(client_for(other_pa), f"{API}/offers/{jordans_offer.pk}/withdraw")

    assert response.status_code == 404
    jordans_offer.refresh_from_db()
    assert jordans_offer.status == "offered"
