"""Who reaches each page on the PA side of cover. Visitors sign in first; people who are not
PAs are refused the PA pages; anyone with no part in a request, offer, pool or booking gets a
404 and learns nothing; the address shows only to the booked PA and the employer side."""

import pytest
from django.urls import reverse

from pahub.cover.models import CoverAlert, CoverOffer, ReliefPoolMember
from tests.cover.conftest import offer
from tests.cover.pa.conftest import ADDRESS, PHONE, book
from tests.factories import UserFactory, give_employer_consent, make_staff

PA_PAGES = [
    ("cover:pa_home", {}),
    ("cover:pools", {}),
    ("cover:rota", {}),
]


def login_url_for(url: str) -> str:
    return f"{reverse('account_login')}?next={url}"


# Signed out


@pytest.mark.parametrize(("name", "kwargs"), PA_PAGES)
def test_a_visitor_is_sent_to_sign_in_from_every_pa_page(client, db, name, kwargs):
    url = reverse(name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == login_url_for(url)


def test_a_visitor_is_sent_to_sign_in_from_every_page_about_a_request_or_booking(
    client, alerted, first_slot, booking
):
    urls = [
        reverse("cover:pa_request", args=[alerted.pk]),
        reverse("cover:booking", args=[booking.pk]),
        reverse("cover:booking_cancel", args=[booking.pk]),
        reverse("cover:booking_hours", args=[booking.pk]),
        reverse("cover:booking_ics", args=[booking.pk]),
        reverse("cover:feeds"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == login_url_for(url)


def test_a_visitor_cannot_offer_withdraw_answer_a_pool_or_stop_a_feed(client, alerted, pa):
    slot = alerted.slots.first()
    posts = [
        reverse("cover:pa_offer", args=[alerted.pk, slot.pk]),
        reverse("cover:pa_offer_withdraw", args=[alerted.pk, offer(slot, pa).pk]),
        reverse("cover:pool_answer", args=[1]),
        reverse("cover:pool_leave", args=[1]),
        reverse("cover:feed_stop", args=[1]),
    ]
    for url in posts:
        response = client.post(url, {"answer": "yes"})
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login"))
    assert CoverOffer.objects.get().status == "offered"


# Wrong role


@pytest.mark.parametrize(("name", "kwargs"), PA_PAGES)
def test_an_employer_is_refused_the_pa_pages(client_for, employer, name, kwargs):
    response = client_for(employer).get(reverse(name, kwargs=kwargs))

    assert response.status_code == 403


def test_an_employer_cannot_see_or_offer_on_their_own_request_as_a_pa(
    client_for, employer, alerted
):
    client = client_for(employer)
    slot = alerted.slots.first()

    assert client.get(reverse("cover:pa_request", args=[alerted.pk])).status_code == 403
    response = client.post(reverse("cover:pa_offer", args=[alerted.pk, slot.pk]), {})
    assert response.status_code == 403
    assert not CoverOffer.objects.exists()


def test_someone_who_is_neither_a_pa_nor_acting_for_an_employer_has_no_calendar_feed(
    client_for, db
):
    nobody = UserFactory(email="nobody@example.org", roles=[])

    response = client_for(nobody).get(reverse("cover:feeds"))

    assert response.status_code == 403


# Outsiders: 404 on other people's things


def test_a_pa_who_was_not_alerted_gets_404_for_the_request(client_for, outsider, alerted):
    response = client_for(outsider).get(reverse("cover:pa_request", args=[alerted.pk]))

    assert response.status_code == 404


def test_a_pa_who_was_not_alerted_cannot_offer(client_for, outsider, alerted):
    slot = alerted.slots.first()

    response = client_for(outsider).post(
        reverse("cover:pa_offer", args=[alerted.pk, slot.pk]), {f"slot-{slot.pk}-message": "Hi"}
    )

    assert response.status_code == 404
    assert not CoverOffer.objects.exists()


def test_a_slot_of_another_request_is_not_found_through_this_one(
    client_for, pa, alerted, employer, tomorrow
):
    from datetime import time

    from tests.cover.conftest import make_request

    other = make_request(employer, slots=[(tomorrow, time(13), time(14))], address=ADDRESS)
    other_slot = other.slots.get()

    response = client_for(pa).post(reverse("cover:pa_offer", args=[alerted.pk, other_slot.pk]))

    assert response.status_code == 404
    assert not CoverOffer.objects.exists()


def test_a_pa_cannot_withdraw_someone_elses_offer(client_for, pa, other_pa, alerted):
    slot = alerted.slots.first()
    CoverAlert.objects.create(request=alerted, pa=other_pa, wave=1)
    theirs = offer(slot, other_pa)

    response = client_for(pa).post(reverse("cover:pa_offer_withdraw", args=[alerted.pk, theirs.pk]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "offered"


def test_an_offer_cannot_be_withdrawn_through_another_request(
    client_for, pa, alerted, employer, tomorrow
):
    from datetime import time

    from tests.cover.conftest import make_request

    mine = offer(alerted.slots.first(), pa)
    other = make_request(employer, slots=[(tomorrow, time(13), time(14))], address=ADDRESS)
    CoverAlert.objects.create(request=other, pa=pa, wave=1)

    response = client_for(pa).post(reverse("cover:pa_offer_withdraw", args=[other.pk, mine.pk]))

    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.status == "offered"


def test_a_pa_cannot_answer_or_leave_someone_elses_pool_invitation(
    client_for, employer, pa, outsider
):
    member = ReliefPoolMember.objects.create(employer=employer, pa=pa, invited_by=employer)
    client = client_for(outsider)

    assert (
        client.post(reverse("cover:pool_answer", args=[member.pk]), {"answer": "yes"}).status_code
        == 404
    )
    assert client.get(reverse("cover:pool_leave", args=[member.pk])).status_code == 404
    assert client.post(reverse("cover:pool_leave", args=[member.pk])).status_code == 404
    member.refresh_from_db()
    assert member.status == "invited"


@pytest.mark.parametrize("name", ["booking", "booking_cancel", "booking_hours", "booking_ics"])
def test_another_pa_gets_404_for_every_page_of_a_booking(client_for, other_pa, booking, name):
    response = client_for(other_pa).get(reverse(f"cover:{name}", args=[booking.pk]))

    assert response.status_code == 404


def test_an_alerted_pa_who_was_not_booked_gets_404_for_the_booking(
    client_for, other_pa, alerted, booking
):
    CoverAlert.objects.create(request=alerted, pa=other_pa, wave=1)

    response = client_for(other_pa).get(reverse("cover:booking", args=[booking.pk]))

    assert response.status_code == 404


def test_an_outsider_cannot_cancel_a_booking(client_for, outsider, booking):
    response = client_for(outsider).post(
        reverse("cover:booking_cancel", args=[booking.pk]), {"reason": "Because"}
    )

    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == "confirmed"


def test_a_representative_without_a_grant_gets_404_for_the_booking(client_for, booking):
    stranger = UserFactory(email="rep2@example.org", roles=["representative"])

    response = client_for(stranger).get(reverse("cover:booking", args=[booking.pk]))

    assert response.status_code == 404


def test_staff_without_the_employers_consent_get_404_for_the_booking(client_for, verifier, booking):
    response = client_for(verifier).get(reverse("cover:booking", args=[booking.pk]))

    assert response.status_code == 404


def test_staff_outside_the_employers_area_get_404_even_with_consent(
    client_for, other_organisation, employer, booking
):
    durham = make_staff(organisation=other_organisation, email="durham@example.org")
    give_employer_consent(
        employer=employer, organisation=other_organisation, how_given="On the phone."
    )

    response = client_for(durham).get(reverse("cover:booking", args=[booking.pk]))

    assert response.status_code == 404


# The address: the booked PA and the employer side only


def test_an_alerted_pa_never_sees_the_address_or_phone_before_booking(client_for, pa, alerted):
    content = client_for(pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()

    assert "NE1" in content
    assert "Grey Street" not in content
    assert "6AE" not in content
    assert PHONE not in content


def test_another_alerted_pa_never_sees_the_address_after_someone_else_is_booked(
    client_for, other_pa, alerted, booking
):
    CoverAlert.objects.create(request=alerted, pa=other_pa, wave=1)

    content = (
        client_for(other_pa).get(reverse("cover:pa_request", args=[alerted.pk])).content.decode()
    )

    assert "Covered" in content
    assert "Grey Street" not in content
    assert PHONE not in content


def test_the_booked_pa_sees_the_address_and_phone_on_the_booking(client_for, pa, booking):
    content = client_for(pa).get(reverse("cover:booking", args=[booking.pk])).content.decode()

    assert ADDRESS in content
    assert PHONE in content
    assert "Only you can see this" in content


def test_the_booked_pa_no_longer_sees_the_address_once_the_booking_is_cancelled(
    client_for, pa, booking
):
    booking.status = "cancelled"
    booking.save(update_fields=["status"])

    content = client_for(pa).get(reverse("cover:booking", args=[booking.pk])).content.decode()

    assert "Grey Street" not in content
    assert PHONE not in content
    assert "NE1" in content


@pytest.mark.parametrize("who", ["employer", "representative", "staff with consent"])
def test_the_employer_side_sees_the_booking_with_the_address(
    client_for, who, employer, representative, verifier, organisation, booking
):
    person = {
        "employer": employer,
        "representative": representative,
        "staff with consent": verifier,
    }[who]
    if who == "staff with consent":
        give_employer_consent(employer=employer, organisation=organisation, how_given="In person.")

    response = client_for(person).get(reverse("cover:booking", args=[booking.pk]))

    assert response.status_code == 200
    assert ADDRESS in response.content.decode()
    assert "Jordan Reed covering for Amira" in response.content.decode()


def test_the_employer_side_may_not_record_the_pas_hours(client_for, employer, past_booking):
    response = client_for(employer).get(reverse("cover:booking_hours", args=[past_booking.pk]))

    assert response.status_code == 403


def test_the_booked_pa_reaches_every_page_of_their_booking(client_for, pa, booking):
    client = client_for(pa)

    for name in ["booking", "booking_cancel", "booking_hours", "booking_ics"]:
        assert client.get(reverse(f"cover:{name}", args=[booking.pk])).status_code == 200, name


def test_pages_refuse_the_wrong_http_method(client_for, pa, alerted, booking):
    client = client_for(pa)
    slot = alerted.slots.first()

    assert client.get(reverse("cover:pa_offer", args=[alerted.pk, slot.pk])).status_code == 405
    assert client.post(reverse("cover:pa_home")).status_code == 405
    assert client.post(reverse("cover:booking", args=[booking.pk])).status_code == 405
    assert client.get(reverse("cover:feed_stop", args=[1])).status_code == 405


def test_a_booking_made_through_the_service_is_the_one_the_booked_pa_sees(client_for, pa, alerted):
    booking = book(alerted.slots.last(), pa)

    response = client_for(pa).get(reverse("cover:booking", args=[booking.pk]))

    assert response.status_code == 200
