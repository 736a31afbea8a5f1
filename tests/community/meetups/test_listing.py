"""/community/meetups/: learning's event search narrowed to meet-ups, with learning's query
and templates; the learning zone's listing still shows every kind, with a kind filter."""

import pytest
from django.urls import reverse

from pahub.learning.models import Event
from tests.community.meetups.conftest import make_meetup

MEETUPS = reverse("community:meetups")
EVENTS = reverse("learning:event_list")


@pytest.fixture
def one_of_each(user_led, provider, peer_supporter):
    return {
        "course": make_meetup(provider, kind=Event.Kind.TRAINING, title="Moving and handling"),
        "coffee": make_meetup(user_led, title="PA coffee morning", peer_supporter=peer_supporter),
        "group": make_meetup(user_led, kind=Event.Kind.PEER_GROUP, title="Employers' peer group"),
        "hot_seat": make_meetup(
            user_led,
            kind=Event.Kind.HOT_SEAT,
            title="Hot seat: ask an employer anything",
            format=Event.Format.ONLINE,
        ),
    }


def test_the_meetups_page_lists_meetups_but_not_courses(client, one_of_each):
    response = client.get(MEETUPS)
    page = response.content.decode()

    assert response.status_code == 200
    assert "3 meet-ups coming up" in page
    assert "PA coffee morning" in page
    assert "Employers&#x27; peer group" in page
    assert "Hot seat: ask an employer anything" in page
    assert "Moving and handling" not in page
    assert "Run by Priya, peer supporter with Tyneside Disabled People&#x27;s Network" in page
    assert "a hearing loop and a quiet room" in page
    coffee = one_of_each["coffee"]
    assert reverse("learning:event_detail", args=[coffee.pk]) in page


def test_the_meetups_page_filters_by_kind_and_place(client, one_of_each):
    page = client.get(MEETUPS, {"kind": "hot_seat"}).content.decode()
    assert "1 meet-up matching your search" in page
    assert "Hot seat: ask an employer anything" in page
    assert ">PA coffee morning<" not in page

    page = client.get(MEETUPS, {"where": "NE1", "online": "no"}).content.decode()
    assert "2 meet-ups matching your search" in page
    assert "Hot seat: ask an employer anything" not in page


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"kind": "training"}, "kind", "Choose a kind of meet-up from the list"),
        ({"kind": "<script>"}, "kind", "Choose a kind of meet-up from the list"),
        ({"where": "Atlantis"}, "where", "We could not find Atlantis"),
        ({"miles": "7"}, "miles", "Choose 5, 10, 25 or 50 miles"),
    ],
)
def test_bad_searches_are_explained_and_kept(client, one_of_each, query, field, message):
    response = client.get(MEETUPS, query)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'id="id_{field}-error"' in page
    assert "Correct the search to see meet-ups" in page
    if field == "where":
        assert 'value="Atlantis"' in page


def test_the_learning_listing_shows_every_kind_and_filters_by_kind(client, one_of_each):
    page = client.get(EVENTS).content.decode()
    assert "4 events coming up" in page
    assert "Moving and handling" in page
    assert "PA coffee morning" in page

    page = client.get(EVENTS, {"kind": "training"}).content.decode()
    assert "1 event matching your search" in page
    assert "PA coffee morning" not in page

    page = client.get(EVENTS, {"kind": "nonsense"}).content.decode()
    assert "Choose a kind of event from the list" in page


def test_people_who_may_post_see_a_link_to_post(
    client, client_for, peer_supporter, supporter_pa, pa
):
    assert (
        reverse("learning:event_create") in client_for(supporter_pa).get(MEETUPS).content.decode()
    )
    assert reverse("learning:event_create") not in client_for(pa).get(MEETUPS).content.decode()
    assert "sign in" in client.get(MEETUPS).content.decode()


def test_the_meetups_api_search_filters_by_kind(client, one_of_each):
    response = client.get("/api/v1/learning/events", {"kind": "hot_seat"})
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert result["kind"] == "hot_seat"
    coffee = client.get(f"/api/v1/learning/events/{one_of_each['coffee'].pk}").json()
    assert coffee["run_by"] == "Priya, peer supporter with Tyneside Disabled People's Network"
    assert client.get("/api/v1/learning/events", {"kind": "nope"}).status_code in (400, 422)


def test_the_meetups_page_query_count_does_not_grow_with_meetups(
    client, client_for, user_led, peer_supporter, supporter_pa, django_assert_max_num_queries
):
    for number in range(3):
        make_meetup(user_led, title=f"Coffee {number}", peer_supporter=peer_supporter)
    with django_assert_max_num_queries(4) as few:
        client.get(MEETUPS)
    for number in range(25):
        make_meetup(user_led, title=f"More coffee {number}", peer_supporter=peer_supporter)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(MEETUPS, {"page": "2"})
    signed_in = client_for(supporter_pa)
    signed_in.get(MEETUPS)
    # The header counts and two-factor checks of a signed-in page, the reach and the search.
    with django_assert_max_num_queries(16):
        signed_in.get(MEETUPS, {"where": "NE1", "sort": "distance"})
