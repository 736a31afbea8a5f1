"""The membership rule, table-driven: every kind of zone against every kind of person, for
opening the zone's page (200 or 404, never 403), the community home's list, and posting."""

import pytest
from django.test import Client
from django.urls import reverse

from pahub.community.forum.queries import zones_for_home
from pahub.community.models import Thread

ZONES = ["pas", "employers", "newcastle", "durham", "open_group", "open_pas_group", "invitation"]

# person: (zones they see, zones they post in)
TABLE = {
    "pa": ({"pas", "newcastle", "open_group", "open_pas_group"}, {"pas", "newcastle"}),
    "employer": ({"employers", "newcastle", "open_group"}, {"employers", "newcastle"}),
    "representative": ({"employers", "newcastle", "open_group"}, {"employers", "newcastle"}),
    "serving_staff": (
        {"newcastle", "open_group", "open_pas_group", "invitation"},
        {"newcastle", "open_group", "open_pas_group", "invitation"},
    ),
    "other_staff": ({"durham", "open_group"}, {"durham"}),
    "admin": (set(ZONES), set(ZONES)),
    "stranger": ({"open_group"}, set()),
    "group_member": (
        {"pas", "open_group", "open_pas_group", "invitation"},
        {"pas", "invitation"},
    ),
    "group_invited": ({"pas", "open_group", "open_pas_group", "invitation"}, {"pas"}),
    "group_left": ({"pas", "open_group", "open_pas_group"}, {"pas"}),
    "open_member": ({"employers", "open_group"}, {"employers", "open_group"}),
}
CASES = [(person, zone) for person in TABLE for zone in ZONES]


@pytest.fixture
def every_zone(zones, open_group, open_pas_group, invitation_group):
    return {
        **zones,
        "open_group": open_group,
        "open_pas_group": open_pas_group,
        "invitation": invitation_group,
    }


@pytest.fixture
def cast(request, every_zone):
    def person(name: str):
        return request.getfixturevalue(name)

    return person


@pytest.mark.parametrize(("person", "zone"), CASES)
def test_a_zone_page_is_there_only_for_people_who_may_see_it(person, zone, cast, every_zone):
    client = Client()
    client.force_login(cast(person))

    response = client.get(reverse("community:zone", args=[every_zone[zone].slug]))

    assert response.status_code == (200 if zone in TABLE[person][0] else 404)


@pytest.mark.parametrize(("person", "zone"), CASES)
def test_a_thread_page_and_the_api_follow_the_same_rule(person, zone, cast, every_zone, admin):
    from pahub.community.forum.services import thread_start

    thread = thread_start(
        zone=every_zone[zone], author=admin, title="Hello everyone", body="Say hello here."
    ).thread
    client = Client()
    client.force_login(cast(person))
    expected = 200 if zone in TABLE[person][0] else 404

    page = client.get(reverse("community:thread", args=[thread.zone.slug, thread.pk]))
    api = client.get(f"/api/v1/community/zones/{thread.zone.slug}/threads/{thread.pk}/posts")

    assert page.status_code == expected
    assert api.status_code == expected
    if expected == 404:
        assert api.json()["detail"]


@pytest.mark.parametrize("person", list(TABLE))
def test_the_community_home_lists_exactly_the_zones_a_person_may_see(person, cast, every_zone):
    user = cast(person)

    listed = {zone.pk for zone in zones_for_home(user)}

    assert {name for name, zone in every_zone.items() if zone.pk in listed} == TABLE[person][0]


@pytest.mark.parametrize(("person", "zone"), CASES)
def test_only_members_and_moderators_start_threads(person, zone, cast, every_zone):
    client = Client()
    client.force_login(cast(person))
    slug = every_zone[zone].slug

    response = client.post(
        reverse("community:thread_create", args=[slug]),
        {"title": "A question", "body": "Does anyone know?"},
    )

    created = Thread.objects.filter(zone=every_zone[zone], title="A question").exists()
    assert created == (zone in TABLE[person][1])
    if zone not in TABLE[person][0]:
        assert response.status_code == 404
    else:
        assert response.status_code == 302


@pytest.mark.parametrize("zone", ZONES)
def test_logged_out_people_are_sent_to_sign_in(zone, every_zone):
    response = Client().get(reverse("community:zone", args=[every_zone[zone].slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("zone", ZONES)
def test_logged_out_api_calls_are_refused_without_saying_what_exists(zone, every_zone):
    response = Client().get(f"/api/v1/community/zones/{every_zone[zone].slug}/threads")

    assert response.status_code == 401
