"""Organisers' pages: a training provider's or council's staff create, change, publish and
cancel their own events; other organisations' staff get 404, PAs 403; bad input keeps what
was typed, says what is wrong next to the field, and saves nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.learning.events.services import event_book
from pahub.learning.models import Event
from pahub.notifications.models import Notice
from tests.learning.events.conftest import make_event

NEW = reverse("learning:event_create")
MANAGE = reverse("learning:event_manage")


def good_answers(**changes) -> dict:
    day = timezone.localdate() + timedelta(days=14)
    answers = {
        "kind": "training",
        "title": "Moving and handling",
        "description": "Safe ways to help someone move, with hoists and slide sheets.",
        "topics": ["health_and_safety"],
        "audience": "pa",
        "format": "in_person",
        "district": "ne1",
        "venue": "Room 2, Civic Centre, Newcastle",
        "starts_on_day": day.day,
        "starts_on_month": day.month,
        "starts_on_year": day.year,
        "starts_time": "10am",
        "ends_time": "13:30",
        "cost": "12.50",
        "funding": "Individual employer funding can pay for it.",
        "accessibility": "Step-free access and a hearing loop.",
        "capacity": "12",
        "booking_url": "",
    }
    return answers | changes


def test_staff_of_a_training_provider_create_a_draft(client_for, trainer, provider):
    response = client_for(trainer).post(NEW, good_answers())

    event = Event.objects.get()
    assert response.status_code == 302
    assert event.organisation == provider
    assert event.published_at is None
    assert event.cost_pence == 1250
    assert event.district_id == "NE1"
    assert event.capacity == 12
    assert timezone.localtime(event.starts_at).hour == 10
    assert timezone.localtime(event.ends_at).strftime("%H:%M") == "13:30"


def test_council_staff_can_list_events_too(client_for, council_officer, council):
    client_for(council_officer).post(NEW, good_answers())
    assert Event.objects.get().organisation == council


def test_an_online_event_needs_no_district(client_for, trainer):
    client_for(trainer).post(
        NEW,
        good_answers(
            format="online",
            district="",
            venue="",
            capacity="",
            booking_url="https://example.org/book",
        ),
    )
    event = Event.objects.get()
    assert event.format == "online"
    assert event.district is None
    assert event.capacity is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Enter a title"),
        ({"district": "", "venue": ""}, "district", "Enter the postcode district of the venue"),
        ({"venue": ""}, "venue", "Enter the venue"),
        ({"format": "online"}, "district", "An online event has no postcode district"),
        ({"ends_time": "9am"}, "ends_time", "The end must be after the start"),
        ({"capacity": ""}, "capacity", "or a link to book on your site"),
        ({"booking_url": "https://example.org/book"}, "capacity", "not both"),
        ({"cost": "lots"}, "cost", "Enter the cost in pounds"),
        ({"starts_time": "25:00"}, "starts_time", "Enter a real time of day"),
        ({"capacity": "0"}, "capacity", "1 or more"),
        ({"starts_on_year": "2020"}, "starts_on", "The start must be in the future"),
        ({"district": "Z"}, "district", "Enter a postcode district"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_kept_and_nothing_saved(
    client_for, trainer, changes, field, message
):
    answers = good_answers(**changes)
    response = client_for(trainer).post(NEW, answers)
    page = response.content.decode()

    assert response.status_code == 200
    assert message in page
    assert f'id="id_{field}-error"' in page
    assert "govuk-error-summary" in page
    assert 'value="Moving and handling"' in page or changes.get("title") == ""
    assert Event.objects.count() == 0


def test_pas_are_refused_the_manage_pages(client_for, pa, event):
    client = client_for(pa)
    assert client.get(MANAGE).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, good_answers()).status_code == 403
    assert client.get(reverse("learning:event_edit", args=[event.pk])).status_code == 403
    assert Event.objects.count() == 1


def test_staff_of_a_support_agency_are_refused(client_for, verifier):
    assert client_for(verifier).get(MANAGE).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, event):
    for url in (
        MANAGE,
        NEW,
        reverse("learning:event_edit", args=[event.pk]),
        reverse("learning:event_cancel", args=[event.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_another_organisations_staff_get_404_for_every_change(client_for, other_trainer, event):
    client = client_for(other_trainer)
    assert client.get(reverse("learning:event_edit", args=[event.pk])).status_code == 404
    assert (
        client.post(reverse("learning:event_edit", args=[event.pk]), good_answers()).status_code
        == 404
    )
    assert client.post(reverse("learning:event_publish", args=[event.pk])).status_code == 404
    assert client.post(reverse("learning:event_cancel", args=[event.pk])).status_code == 404
    event.refresh_from_db()
    assert event.cancelled_at is None
    assert event.title == "Safeguarding for PAs"


def test_the_manage_list_shows_only_your_organisations_events(
    client_for, trainer, provider, other_provider
):
    make_event(provider, title="Ours")
    make_event(other_provider, title="Theirs")
    page = client_for(trainer).get(MANAGE).content.decode()
    assert "Ours" in page
    assert "Theirs" not in page


def test_editing_keeps_what_was_there_and_saves_changes(client_for, trainer, event):
    client = client_for(trainer)
    url = reverse("learning:event_edit", args=[event.pk])
    form = client.get(url).content.decode()
    assert 'value="Safeguarding for PAs"' in form

    client.post(url, good_answers(title="Safeguarding, part 2"))
    event.refresh_from_db()
    assert event.title == "Safeguarding, part 2"


def test_places_cannot_drop_below_the_people_booked(client_for, trainer, event, pa, other_pa):
    event_book(event=event, user=pa)
    event_book(event=event, user=other_pa)
    response = client_for(trainer).post(
        reverse("learning:event_edit", args=[event.pk]), good_answers(capacity="1")
    )
    assert "2 people have booked already" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 10


def test_publishing_lists_a_draft(client_for, trainer, provider):
    draft = make_event(provider, published_at=None)
    client_for(trainer).post(reverse("learning:event_publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.published_at is not None


def test_cancelling_tells_everyone_booked(client_for, trainer, event, pa, other_pa):
    event_book(event=event, user=pa)
    event_book(event=event, user=other_pa)
    client = client_for(trainer)
    confirm = client.get(reverse("learning:event_cancel", args=[event.pk])).content.decode()
    assert "2 people booked" in confirm

    client.post(reverse("learning:event_cancel", args=[event.pk]))

    event.refresh_from_db()
    assert event.cancelled_at is not None
    notices = Notice.objects.filter(kind="learning.event_cancelled")
    assert {notice.recipient_id for notice in notices} == {pa.pk, other_pa.pk}
    assert "Cancelled: Safeguarding for PAs" in notices[0].title


def test_a_cancelled_event_cannot_be_changed(client_for, trainer, event):
    event.cancelled_at = timezone.now()
    event.save(update_fields=["cancelled_at"])
    response = client_for(trainer).post(
        reverse("learning:event_edit", args=[event.pk]), good_answers(title="Back on")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Safeguarding for PAs"
