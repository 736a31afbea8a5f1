"""A request as an alerted PA sees it, offering to take a shift, and withdrawing the offer."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import Booking, CoverAlert, CoverOffer, ReliefPoolMember
from tests.cover.conftest import make_request, offer
from tests.cover.pa.conftest import ADDRESS, alert, book, local_booking


def offer_url(cover_request, slot) -> str:
    return reverse("cover:pa_offer", args=[cover_request.pk, slot.pk])


def test_the_request_page_shows_times_tasks_must_haves_pay_and_the_note(client_for, pa, alerted):
    content = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()

    assert '<h1 class="govuk-heading-l">Cover for Amira in NE1</h1>' in content
    assert "NE1, Newcastle upon Tyne" in content
    assert "08:00 to 11:00 (3 hours)" in content
    assert "Dressing and undressing" in content
    assert "A DBS check: enhanced or higher" in content
    assert "£14.00 an hour" in content
    assert "The key safe code is given once you are booked." in content
    assert content.count("Offer to take this shift") == 2


def test_an_overnight_shift_says_so_with_day_names(
    client_for, pa, employer, employer_profile, tomorrow
):
    overnight = make_request(employer, slots=[(tomorrow, time(22), time(7))], address=ADDRESS)
    alert(overnight, pa)

    content = client_for(pa).get(reverse("cover:pa_request", args=[overnight.pk])).content.decode()

    day_after = tomorrow + timedelta(days=1)
    assert f"{tomorrow:%A %-d %B}, 22:00 to 07:00 on {day_after:%A} (overnight, " in content


def test_offering_records_the_offer_with_the_message_and_says_what_happens_next(
    client_for, pa, alerted, first_slot
):
    client = client_for(pa)

    response = client.post(
        offer_url(alerted, first_slot),
        {f"slot-{first_slot.pk}-message": "I can be there by 07:45."},
        follow=True,
    )

    made = CoverOffer.objects.get()
    assert (made.pa, made.slot, made.status) == (pa, first_slot, "offered")
    assert made.message == "I can be there by 07:45."
    content = response.content.decode()
    assert "Amira has been told" in content
    assert (
        "You offered to take this shift, with this message: “I can be there by 07:45.”" in content
    )
    assert "Withdraw your offer" in content


def test_a_message_too_long_is_refused_by_the_field_keeping_what_was_typed(
    client_for, pa, alerted, first_slot
):
    typed = "I can come early. " * 40

    response = client_for(pa).post(
        offer_url(alerted, first_slot), {f"slot-{first_slot.pk}-message": typed}
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert f'href="#id_slot-{first_slot.pk}-message"' in content
    assert "Your message must be 500 characters or fewer" in content
    assert typed.strip() in content
    assert "<title>Error: " in content
    assert not CoverOffer.objects.exists()


def test_offering_on_a_shift_someone_else_just_took_says_so_on_the_page(
    client_for, pa, other_pa, alerted, first_slot
):
    alert(alerted, other_pa)
    book(first_slot, other_pa)

    response = client_for(pa).post(
        offer_url(alerted, first_slot), {f"slot-{first_slot.pk}-message": "Happy to help"}
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Someone else just took this slot. It is no longer available." in content
    assert f'href="#shift-{first_slot.pk}-problem"' in content
    assert f'id="shift-{first_slot.pk}-problem"' in content
    assert ">Covered<" in content
    assert not CoverOffer.objects.filter(pa=pa).exists()


def test_offering_when_already_booked_at_that_time_is_refused_with_the_reason(
    client_for, pa, alerted, first_slot, employer
):
    local_booking(
        employer,
        pa,
        timezone.localdate(first_slot.starts_at),
        time(7),
        time(9),
    )

    response = client_for(pa).post(offer_url(alerted, first_slot), {})

    assert response.status_code == 400
    content = response.content.decode()
    assert "You already have a booking at this time." in content
    assert f'id="shift-{first_slot.pk}-problem"' in content
    assert not CoverOffer.objects.exists()


def test_offering_twice_is_refused(client_for, pa, alerted, first_slot):
    offer(first_slot, pa)

    response = client_for(pa).post(offer_url(alerted, first_slot), {})

    assert response.status_code == 400
    assert "You have already offered to take this shift." in response.content.decode()
    assert CoverOffer.objects.count() == 1


def test_withdrawing_an_offer_marks_it_withdrawn_and_the_pa_can_offer_again(
    client_for, pa, alerted, first_slot
):
    mine = offer(first_slot, pa)
    client = client_for(pa)

    response = client.post(
        reverse("cover:pa_offer_withdraw", args=[alerted.pk, mine.pk]), follow=True
    )

    mine.refresh_from_db()
    assert mine.status == "withdrawn"
    assert "You have withdrawn your offer." in response.content.decode()
    client.post(offer_url(alerted, first_slot), {f"slot-{first_slot.pk}-message": "Back on"})
    mine.refresh_from_db()
    assert (mine.status, mine.message) == ("offered", "Back on")


def test_withdrawing_an_offer_that_was_already_confirmed_is_refused(
    client_for, pa, alerted, first_slot
):
    booking = book(first_slot, pa)

    response = client_for(pa).post(
        reverse("cover:pa_offer_withdraw", args=[alerted.pk, booking.offer_id]), follow=True
    )

    assert "Only an offer that is still waiting can be withdrawn." in response.content.decode()
    assert Booking.objects.get().status == "confirmed"


def test_a_slot_booked_by_someone_else_shows_covered_without_an_offer_button(
    client_for, pa, other_pa, alerted, first_slot
):
    alert(alerted, other_pa)
    book(first_slot, other_pa)

    content = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()

    assert ">Covered<" in content
    assert "Someone else is covering this shift." in content
    assert content.count("Offer to take this shift") == 1


def test_the_booked_pa_sees_a_link_to_the_booking_for_the_address(
    client_for, pa, alerted, first_slot
):
    booking = book(first_slot, pa)

    content = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()

    assert "You are booked for this shift." in content
    assert reverse("cover:booking", args=[booking.pk]) in content
    assert "Grey Street" not in content


def test_a_cancelled_request_says_cover_is_no_longer_needed(client_for, pa, alerted):
    alerted.status = "cancelled"
    alerted.save(update_fields=["status"])

    content = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()

    assert "cancelled this request" in content
    assert "Offer to take this shift" not in content


def test_a_pool_member_is_told_an_offer_books_them_at_once_when_the_employer_chose_that(
    client_for, pa, employer, alerted
):
    alerted.auto_confirm_pool = True
    alerted.save(update_fields=["auto_confirm_pool"])
    ReliefPoolMember.objects.create(employer=employer, pa=pa, status="active")

    content = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()

    assert "you are booked straight away" in content


def test_a_pa_who_offered_can_still_see_the_request_after_the_alert_is_gone(
    client_for, pa, alerted, first_slot
):
    offer(first_slot, pa)
    CoverAlert.objects.all().delete()

    response = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("bad_id", [999999])
def test_an_unknown_request_is_not_found(client_for, pa, db, bad_id):
    assert client_for(pa).get(reverse("cover:pa_request", args=[bad_id])).status_code == 404
