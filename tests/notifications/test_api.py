"""The notifications API: your notices and your choices, JSON errors."""

import json

from django.test import Client

from pahub.notifications import services
from pahub.notifications.models import Notice
from pahub.notifications.registry import registry

API = "/api/v1/notifications"


def a_notice(user, title="Cover needed") -> Notice:
    return Notice.objects.create(recipient=user, kind="cover.alert", title=title, url="/cover/")


def test_signed_out_is_401_json(db):
    client = Client()
    for response in (
        client.get(API),
        client.get(f"{API}/preferences"),
        client.post(f"{API}/read-all"),
    ):
        assert response.status_code == 401
        assert response.json() == {"detail": "Authentication required."}


def test_listing_and_marking_read(client_for, pa, other_pa):
    mine = a_notice(pa)
    a_notice(other_pa, "Not yours")
    client = client_for(pa)

    listing = client.get(API).json()
    assert listing["count"] == 1 and listing["unread"] == 1
    assert listing["items"][0]["title"] == "Cover needed"

    response = client.post(f"{API}/{mine.pk}/read")
    assert response.status_code == 200 and response.json()["read"] is True
    assert client.get(API).json()["unread"] == 0


def test_another_persons_notice_is_404(client_for, pa, other_pa):
    theirs = a_notice(other_pa)
    response = client_for(pa).post(f"{API}/{theirs.pk}/read")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_preferences_list_every_kind(client_for, pa):
    items = client_for(pa).get(f"{API}/preferences").json()["items"]
    assert {item["kind"] for item in items} == {kind.key for kind in registry}
    cancelled = next(item for item in items if item["kind"] == "cover.booking_cancelled")
    assert cancelled["required"] is True and cancelled["channels"] == ["email"]


def put(client, choices: dict):
    return client.put(
        f"{API}/preferences", json.dumps({"choices": choices}), content_type="application/json"
    )


def test_changing_preferences(client_for, pa):
    response = put(client_for(pa), {"cover.alert": "digest"})
    assert response.status_code == 200
    assert services.channel_for(pa, "cover.alert") == "digest"


def test_a_required_kind_cannot_be_turned_off_through_the_api(client_for, pa):
    response = put(client_for(pa), {"cover.alert": "off", "cover.booking_cancelled": "off"})
    assert response.status_code == 400
    assert response.json()["field"] == "cover.booking_cancelled"
    # All or nothing: the allowed change in the same request was not made either.
    assert services.channel_for(pa, "cover.alert") == "email"
    assert services.channel_for(pa, "cover.booking_cancelled") == "email"


def test_unknown_kinds_and_channels_are_400(client_for, pa):
    assert put(client_for(pa), {"nope.nothing": "off"}).json()["field"] == "nope.nothing"
    response = put(client_for(pa), {"cover.alert": "pigeon"})
    assert response.status_code == 400 and response.json()["field"] == "cover.alert"
