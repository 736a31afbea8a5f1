"""Who may post and manage meet-ups: the one reach rule in learning's events permissions,
checked through the organisers' pages for every kind of person."""

import pytest
from django.urls import reverse

from pahub.learning.events.permissions import organises, reach_of
from pahub.learning.events.services import peer_supporter_add
from pahub.learning.models import Event
from tests.community.meetups.conftest import make_meetup

# (person, what they get on a meet-up's edit page, whether they manage it)
TABLE = [
    ("supporter_pa", 200, True),
    ("ended_supporter", 403, False),
    ("pa", 403, False),
    ("ulo_staff", 200, True),
    ("ulo_admin", 200, True),
    ("other_ulo_staff", 404, False),
    ("trainer", 404, False),
    ("outsider", 403, False),
]


@pytest.mark.parametrize(("person", "status", "manages"), TABLE)
def test_who_may_change_a_meetup(
    request, client_for, peer_supporter, meetup, person, status, manages
):
    user = request.getfixturevalue(person)
    response = client_for(user).get(reverse("learning:event_edit", args=[meetup.pk]))
    assert response.status_code == status
    assert organises(user, meetup) is manages


@pytest.mark.parametrize(("person", "status", "manages"), TABLE)
def test_who_may_open_the_post_a_meetup_page(
    request, client_for, peer_supporter, person, status, manages
):
    user = request.getfixturevalue(person)
    response = client_for(user).get(reverse("learning:event_create"))
    # Anyone with some reach opens the page (other organisations' staff for their own).
    expected = 200 if status == 200 or person in ("other_ulo_staff", "trainer") else 403
    assert response.status_code == expected


def test_signed_out_people_are_sent_to_sign_in(client, meetup):
    for url in (reverse("learning:event_edit", args=[meetup.pk]), reverse("learning:event_create")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_draft_meetup_is_seen_by_its_peer_supporter_and_nobody_outside(
    client, client_for, user_led, peer_supporter, supporter_pa, pa, other_ulo_staff
):
    draft = make_meetup(user_led, published_at=None)
    url = reverse("learning:event_detail", args=[draft.pk])
    assert client_for(supporter_pa).get(url).status_code == 200
    assert client_for(pa).get(url).status_code == 404
    assert client_for(other_ulo_staff).get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_a_peer_supporter_never_manages_the_organisations_courses(
    client_for, provider, supporter_pa, trainer
):
    # A training provider names Priya a peer supporter too: she manages its meet-ups only.
    peer_supporter_add(organisation=provider, user=supporter_pa, by=trainer)
    course = make_meetup(provider, kind=Event.Kind.TRAINING, title="Moving and handling")
    coffee = make_meetup(provider)
    client = client_for(supporter_pa)

    assert client.get(reverse("learning:event_edit", args=[course.pk])).status_code == 404
    assert client.post(reverse("learning:event_cancel", args=[course.pk])).status_code == 404
    assert client.get(reverse("learning:event_edit", args=[coffee.pk])).status_code == 200
    page = client.get(reverse("learning:event_manage")).content.decode()
    assert "PA coffee morning" in page
    assert "Moving and handling" not in page


def test_the_reach_of_each_person(
    user_led, provider, peer_supporter, supporter_pa, ulo_staff, trainer, pa, ended_supporter
):
    assert reach_of(supporter_pa).meetups_only == {user_led.pk}
    assert reach_of(supporter_pa).peer_supporter_for(user_led.pk) == peer_supporter
    assert reach_of(ulo_staff).meetups_only == {user_led.pk}
    assert reach_of(ulo_staff).peer_supporter_for(user_led.pk) is None
    assert reach_of(trainer).every_kind == {provider.pk}
    assert not reach_of(pa)
    assert not reach_of(ended_supporter)


def test_peer_supporters_of_a_support_agency_post_nothing(client_for, organisation, pa, org_admin):
    # Support agencies do not run events on PA Hub, so neither do people they name.
    peer_supporter_add(organisation=organisation, user=pa, by=org_admin)
    assert not reach_of(pa)
    assert client_for(pa).get(reverse("learning:event_create")).status_code == 403
