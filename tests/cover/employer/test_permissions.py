"""Who may open and use each employer-side cover page.

Amira, her representative Sara, and Val (staff with Amira's recorded consent) may; staff
without consent, staff in another area, a representative she never granted, PAs (even the
one booked for her) and outsiders get 404, so they never learn her requests exist. Signed-out
visitors are sent to sign in.
"""

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from pahub.accounts.models import Membership, Role
from pahub.cover.models import Booking, CoverOffer, CoverRequest, ReliefPoolMember, Timesheet
from tests.factories import UserFactory, make_staff

pytestmark = pytest.mark.django_db

ALLOWED = ["employer", "representative", "helping_staff"]
REFUSED = [
    "staff_without_consent",
    "staff_elsewhere",
    "unlinked_representative",
    "pa",
    "outsider",
]


def period() -> str:
    today = date.today()
    return urlencode({"start": (today - timedelta(days=7)).isoformat(), "end": today.isoformat()})


GET_PAGES = {
    "pool": lambda w: reverse("cover:pool", args=[w["employer"].pk]),
    "request_new": lambda w: reverse("cover:request_new", args=[w["employer"].pk]),
    "request": lambda w: reverse("cover:request", args=[w["request"].pk]),
    "request_cancel": lambda w: reverse("cover:request_cancel", args=[w["request"].pk]),
    "request_booking_cancel": lambda w: reverse(
        "cover:request_booking_cancel", args=[w["booking"].pk]
    ),
    "calendar": lambda w: reverse("cover:calendar", args=[w["employer"].pk]),
    "calendar_list": lambda w: reverse("cover:calendar", args=[w["employer"].pk]) + "?view=list",
    "timesheet": lambda w: reverse("cover:timesheet", args=[w["timesheet"].pk]),
    "timesheets_export_choose": lambda w: reverse(
        "cover:timesheets_export_choose", args=[w["employer"].pk]
    ),
    "timesheets_export": lambda w: (
        reverse("cover:timesheets_export", args=[w["employer"].pk]) + "?" + period()
    ),
}

POST_ACTIONS = {
    "offer_confirm": (lambda w: reverse("cover:offer_confirm", args=[w["offer"].pk]), {}),
    "pool_remove": (lambda w: reverse("cover:pool_remove", args=[w["member"].pk]), {}),
    "pool_invite": (
        lambda w: reverse("cover:pool", args=[w["employer"].pk]),
        {"action": "email", "email": "other.pa@example.org"},
    ),
    "timesheet_approve": (
        lambda w: reverse("cover:timesheet_approve", args=[w["timesheet"].pk]),
        {},
    ),
    "timesheet_query": (
        lambda w: reverse("cover:timesheet", args=[w["timesheet"].pk]),
        {"decision": "query", "note": "You left at 10."},
    ),
    "booking_cancel": (
        lambda w: reverse("cover:request_booking_cancel", args=[w["booking"].pk]),
        {"reason": "Feeling better."},
    ),
    "request_cancel": (
        lambda w: reverse("cover:request_cancel", args=[w["request"].pk]),
        {"reason": "Feeling better."},
    ),
}


def state(world) -> tuple:
    """Everything a refused action might have changed."""
    return (
        CoverRequest.objects.get(pk=world["request"].pk).status,
        Booking.objects.get(pk=world["booking"].pk).status,
        CoverOffer.objects.get(pk=world["offer"].pk).status,
        Timesheet.objects.get(pk=world["timesheet"].pk).status,
        ReliefPoolMember.objects.get(pk=world["member"].pk).status,
        ReliefPoolMember.objects.count(),
        Booking.objects.count(),
    )


@pytest.mark.parametrize("page", GET_PAGES)
@pytest.mark.parametrize("person", ALLOWED)
def test_the_employer_side_may_open_every_page(client_for, request, world, page, person):
    response = client_for(request.getfixturevalue(person)).get(GET_PAGES[page](world))

    assert response.status_code == 200


@pytest.mark.parametrize("page", GET_PAGES)
@pytest.mark.parametrize("person", REFUSED)
def test_everyone_else_gets_404_on_every_page(client_for, request, world, page, person):
    response = client_for(request.getfixturevalue(person)).get(GET_PAGES[page](world))

    assert response.status_code == 404


@pytest.mark.parametrize("page", GET_PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, world, page):
    url = GET_PAGES[page](world)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("action", POST_ACTIONS)
@pytest.mark.parametrize("person", REFUSED)
def test_everyone_else_gets_404_and_changes_nothing(client_for, request, world, action, person):
    url, data = POST_ACTIONS[action]
    before = state(world)

    response = client_for(request.getfixturevalue(person)).post(url(world), data)

    assert response.status_code == 404
    assert state(world) == before


@pytest.mark.parametrize("action", POST_ACTIONS)
def test_signed_out_posts_change_nothing(client, world, action):
    url, data = POST_ACTIONS[action]
    before = state(world)

    response = client.post(url(world), data)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert state(world) == before


@pytest.mark.parametrize("person", ["representative", "helping_staff"])
def test_a_representative_or_consented_staff_member_can_confirm_an_offer(
    client_for, request, world, person
):
    client = client_for(request.getfixturevalue(person))

    client.post(reverse("cover:offer_confirm", args=[world["offer"].pk]))

    booking = Booking.objects.get(offer=world["offer"])
    assert booking.confirmed_by == request.getfixturevalue(person)


@pytest.fixture
def helping_staff_without_two_factor(helping_staff, organisation):
    """A colleague of Val's, whose organisation has Amira's consent, without a second factor."""
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.MEMBER,
        two_factor=False,
        email="no.second.factor@example.org",
    )


@pytest.mark.parametrize("page", ["pool", "request", "calendar"])
def test_staff_must_set_up_two_factor_before_acting_for_anyone(
    client_for, world, helping_staff_without_two_factor, page
):
    client = client_for(helping_staff_without_two_factor)

    response = client.get(GET_PAGES[page](world))

    # Since issue 8 the session itself is refused: sent to set up two-factor, not a 403.
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_a_withdrawn_representative_grant_ends_access(client_for, world, representative):
    representative.represents.update(status="revoked")

    response = client_for(representative).get(GET_PAGES["request"](world))

    assert response.status_code == 404


def test_a_missing_request_is_404_even_for_the_employer(client_for, employer, world):
    response = client_for(employer).get(reverse("cover:request", args=[world["request"].pk + 99]))

    assert response.status_code == 404


def test_get_is_not_allowed_on_actions(client_for, employer, world):
    client = client_for(employer)

    for name in ("offer_confirm", "pool_remove", "timesheet_approve"):
        url = POST_ACTIONS[name][0](world)
        assert client.get(url).status_code == 405


# The cover home and the hours list are per person, not per employer.


def test_employer_sees_the_cover_home(client_for, world, employer):
    response = client_for(employer).get(reverse("cover:home"))

    assert response.status_code == 200
    assert "Ask for cover" in response.content.decode()


@pytest.mark.parametrize("person", ["pa", "outsider"])
def test_a_pa_who_acts_for_nobody_is_sent_to_their_own_cover_page(client_for, request, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("cover:home"))

    assert response.status_code == 302
    assert response.url == reverse("cover:pa_home")


def test_someone_with_no_part_in_cover_is_refused_the_home_page(
    client_for, unlinked_representative
):
    response = client_for(unlinked_representative).get(reverse("cover:home"))

    assert response.status_code == 403


def test_staff_without_consents_see_that_they_act_for_nobody(
    client_for, world, staff_without_consent
):
    response = client_for(staff_without_consent).get(reverse("cover:home"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "You are not acting for any employers yet" in body
    assert "Amira" not in body


def test_staff_of_another_area_do_not_see_the_employer_on_the_home_page(
    client_for, world, staff_elsewhere
):
    response = client_for(staff_elsewhere).get(reverse("cover:home"))

    assert "Amira" not in response.content.decode()


@pytest.mark.parametrize("person", ALLOWED)
def test_the_employer_side_sees_the_hours_to_approve(client_for, request, world, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("cover:timesheets"))

    assert response.status_code == 200
    assert "All fine." in response.content.decode()


@pytest.mark.parametrize("person", ["pa", "outsider", "unlinked_representative"])
def test_people_who_act_for_no_employer_are_refused_the_hours_page(
    client_for, request, world, person
):
    response = client_for(request.getfixturevalue(person)).get(reverse("cover:timesheets"))

    assert response.status_code == 403


@pytest.mark.parametrize("person", ["staff_without_consent", "staff_elsewhere"])
def test_staff_without_a_valid_consent_see_no_hours(client_for, request, world, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("cover:timesheets"))

    assert "All fine." not in response.content.decode()


def test_an_employer_without_the_employer_role_cannot_act_for_themself(client_for, world):
    """Somebody's account id in the URL is not enough: the person must hold the role."""
    someone = UserFactory(email="no.role@example.org", roles=[Role.PA])

    response = client_for(someone).get(reverse("cover:pool", args=[someone.pk]))

    assert response.status_code == 404


def test_staff_without_two_factor_cannot_open_the_cover_home(
    client_for, world, helping_staff_without_two_factor
):
    response = client_for(helping_staff_without_two_factor).get(reverse("cover:home"))

    # Since issue 8 the session itself is refused: sent to set up two-factor, not a 403.
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
