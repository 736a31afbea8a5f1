"""The events API: public search and detail, booking with a session, and a provider's API
key listing and changing its own events. Bad input is a 4xx JSON answer, never a 500."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pahub.accounts.services import api_key_create
from pahub.learning.events.services import event_book
from pahub.learning.models import Event, EventBooking
from tests.learning.events.conftest import make_event

BASE = "/api/v1/learning/events"


def body(**changes) -> dict:
    starts = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    payload = {
        "title": "Contracts and pay for employers",
        "description": "Writing a contract and running payroll for your PA.",
        "topics": ["employer_duties"],
        "audience": "employer",
        "format": "online",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "cost_pence": 0,
        "booking_url": "https://example.org/book",
    }
    return payload | changes


def send(client: Client, method: str, url: str, key: str, payload: dict):
    return getattr(client, method)(
        url,
        data=json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )


def test_anyone_can_search_and_the_venue_is_never_given(client, event):
    response = client.get(BASE, {"where": "NE1", "miles": "10"})
    data = response.json()
    assert response.status_code == 200, data
    assert data["count"] == 1
    (found,) = data["results"]
    assert found["district"] == "NE1"
    assert found["places_left"] == 10
    assert found["cost"] == "Free"
    assert found["miles"] == 0.0
    assert "Civic Centre" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"where": "Atlantis"}, "where"),
        ({"miles": "7"}, "miles"),
        ({"topic": "juggling"}, "topic"),
        ({"from_date": "not-a-date"}, "from_date"),
        ({"sort": "distance"}, "where"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_search_filters_are_400_naming_the_field(db, client, query, field):
    response = client.get(BASE, query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_dates_filter_the_api_like_the_page(client, provider):
    make_event(provider, title="Soon")
    make_event(provider, title="Later", starts_at=timezone.now() + timedelta(days=40))
    later = (timezone.localdate() + timedelta(days=30)).isoformat()
    titles = [item["title"] for item in client.get(BASE, {"from_date": later}).json()["results"]]
    assert titles == ["Later"]


def test_one_event_is_public_but_a_draft_is_404(client, provider, event):
    assert client.get(f"{BASE}/{event.pk}").json()["title"] == "Safeguarding for PAs"
    draft = make_event(provider, published_at=None)
    assert client.get(f"{BASE}/{draft.pk}").status_code == 404
    assert client.get(f"{BASE}/999999").status_code == 404


def test_a_signed_in_pa_books_and_gives_back_a_place(client_for, event, pa):
    client = client_for(pa)
    response = client.post(f"{BASE}/{event.pk}/bookings")
    assert response.status_code == 201
    assert response.json()["calendar_url"].endswith(f"/learning/events/{event.pk}/calendar.ics")
    assert client.post(f"{BASE}/{event.pk}/bookings").status_code == 201
    assert EventBooking.objects.filter(event=event, cancelled_at__isnull=True).count() == 1

    assert client.delete(f"{BASE}/{event.pk}/bookings").status_code == 204
    assert client.delete(f"{BASE}/{event.pk}/bookings").status_code == 404


def test_no_places_left_is_409(client_for, provider, pa, other_pa):
    event = make_event(provider, capacity=1)
    event_book(event=event, user=pa)
    response = client_for(other_pa).post(f"{BASE}/{event.pk}/bookings")
    assert response.status_code == 409
    assert "There are no places left" in response.json()["detail"]


def test_booking_elsewhere_is_409_and_signed_out_is_401_and_staff_403(
    client, client_for, provider, event, trainer
):
    elsewhere = make_event(provider, capacity=None, booking_url="https://example.org/book")
    assert client.post(f"{BASE}/{event.pk}/bookings").status_code == 401
    assert client_for(trainer).post(f"{BASE}/{event.pk}/bookings").status_code == 403
    from tests.factories import UserFactory

    pa = UserFactory(roles=["pa"])
    assert client_for(pa).post(f"{BASE}/{elsewhere.pk}/bookings").status_code == 409


def test_a_providers_key_lists_an_event_published_at_once(client, provider, provider_key):
    response = send(client, "post", BASE, provider_key, body())
    assert response.status_code == 201, response.json()
    event = Event.objects.get()
    assert event.organisation == provider
    assert event.published_at is not None
    assert response.json()["booking_url"] == "https://example.org/book"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"format": "in_person"}, "district"),
        ({"format": "in_person", "district": "NE1"}, "venue"),
        ({"district": "NE1"}, "district"),
        ({"booking_url": "", "capacity": None}, "capacity"),
        ({"booking_url": "not a link"}, "booking_url"),
        ({"starts_at": "2020-01-01T10:00:00+00:00"}, "starts_at"),
        ({"ends_at": "2000-01-01T10:00:00+00:00"}, "ends_at"),
        ({"starts_at": "2030-01-01T10:00:00"}, "starts_at"),
        ({"topics": ["juggling"]}, "topics.0"),
        ({"cost_pence": -5}, "cost_pence"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_events_are_400_naming_the_field_and_nothing_is_saved(
    client, provider_key, changes, field
):
    response = send(client, "post", BASE, provider_key, body(**changes))
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert Event.objects.count() == 0


def test_a_key_of_another_kind_of_organisation_is_403(client, organisation, org_admin):
    _, raw = api_key_create(organisation=organisation, name="Agency system", by=org_admin)
    assert send(client, "post", BASE, raw, body()).status_code == 403
    assert Event.objects.count() == 0


def test_no_key_is_401(client):
    assert (
        client.post(BASE, data=json.dumps(body()), content_type="application/json").status_code
        == 401
    )


def test_a_provider_changes_only_its_own_events(client, provider, provider_key, other_provider_key):
    event = make_event(provider)
    response = send(
        client, "patch", f"{BASE}/{event.pk}", provider_key, {"title": "Safeguarding, updated"}
    )
    assert response.status_code == 200, response.json()
    event.refresh_from_db()
    assert event.title == "Safeguarding, updated"

    refused = send(client, "patch", f"{BASE}/{event.pk}", other_provider_key, {"title": "Ours now"})
    assert refused.status_code == 404
    event.refresh_from_db()
    assert event.title == "Safeguarding, updated"


def test_a_patch_that_breaks_a_rule_is_400(client, provider, provider_key):
    event = make_event(provider)
    response = send(client, "patch", f"{BASE}/{event.pk}", provider_key, {"venue": ""})
    assert response.status_code == 400
    assert "venue" in response.json()["errors"]


def test_a_patch_publishes_a_draft(client, provider, provider_key):
    draft = make_event(provider, published_at=None)
    response = send(client, "patch", f"{BASE}/{draft.pk}", provider_key, {"publish": True})
    assert response.status_code == 200
    assert response.json()["published"] is True


def test_a_council_key_may_list_events(client, council, council_officer):
    _, raw = api_key_create(organisation=council, name="Council system", by=council_officer)
    assert send(client, "post", BASE, raw, body()).status_code == 201
