"""Posting a meet-up through learning's organisers' pages: kinds, the prompt for access
details, peer supporters named on the meet-up, and kinds they may not post."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.learning.models import Event

NEW = reverse("learning:event_create")


def coffee_morning(**changes) -> dict:
    day = timezone.localdate() + timedelta(days=10)
    answers = {
        "kind": "meetup",
        "title": "PA coffee morning in Newcastle",
        "description": "Tea, coffee and a chat with other PAs. No agenda.",
        "topics": ["problems"],
        "audience": "pa",
        "format": "in_person",
        "district": "NE1",
        "venue": "The Lit and Phil café, Westgate Road",
        "starts_on_day": day.day,
        "starts_on_month": day.month,
        "starts_on_year": day.year,
        "starts_time": "10am",
        "ends_time": "12:00",
        "cost": "",
        "funding": "",
        "accessibility": "Step-free entrance, a hearing loop and a quiet room.",
        "capacity": "15",
        "booking_url": "",
    }
    return answers | changes


def test_a_peer_supporter_posts_a_meetup_that_names_them(
    client_for, client, user_led, peer_supporter, supporter_pa
):
    helper = client_for(supporter_pa)
    response = helper.post(NEW, coffee_morning())

    event = Event.objects.get()
    assert response.status_code == 302
    assert event.kind == Event.Kind.MEETUP
    assert event.organisation == user_led
    assert event.peer_supporter == peer_supporter
    assert event.created_by == supporter_pa
    assert AuditEvent.objects.filter(action="learning.event_created").exists()
    helper.post(reverse("learning:event_publish", args=[event.pk]))

    page = client.get(reverse("learning:event_detail", args=[event.pk])).content.decode()
    assert "Run by Priya, peer supporter with Tyneside Disabled People&#x27;s Network" in page
    assert "Meet-up or coffee morning" in page
    assert 'id="access"' in page
    assert "a hearing loop and a quiet room" in page
    assert "Sign in to say you're coming" in page


def test_organisation_staff_post_a_meetup_under_the_organisations_name(client_for, ulo_staff):
    client_for(ulo_staff).post(NEW, coffee_morning(kind="peer_group"))
    event = Event.objects.get()
    assert event.kind == Event.Kind.PEER_GROUP
    assert event.peer_supporter is None


def test_the_form_offers_a_peer_supporter_no_courses(client_for, peer_supporter, supporter_pa):
    page = client_for(supporter_pa).get(NEW).content.decode()
    assert 'value="meetup"' in page
    assert 'value="hot_seat"' in page
    assert 'value="training"' not in page
    assert "step-free access, a hearing loop" in page.lower()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "training"}, "kind", "Choose a kind of event from the list"),
        ({"kind": ""}, "kind", "Choose what kind of event it is"),
        ({"accessibility": ""}, "accessibility", "Say what access there is, like step-free"),
        ({"district": ""}, "district", "Enter the postcode district of the venue"),
        ({"capacity": "lots"}, "capacity", "Enter the number of places as a whole number"),
    ],
)
def test_bad_answers_are_explained_next_to_the_field_and_kept(
    client_for, peer_supporter, supporter_pa, changes, field, message
):
    response = client_for(supporter_pa).post(NEW, coffee_morning(**changes))
    page = response.content.decode()

    assert response.status_code == 200
    assert message in page
    assert f'id="id_{field}-error"' in page
    assert "govuk-error-summary" in page
    assert 'value="PA coffee morning in Newcastle"' in page
    assert Event.objects.count() == 0


def test_a_training_provider_may_still_list_a_course_with_no_access_details(client_for, trainer):
    client_for(trainer).post(NEW, coffee_morning(kind="training", accessibility=""))
    assert Event.objects.get().kind == Event.Kind.TRAINING


def test_a_peer_supporter_changes_their_meetup_but_cannot_make_it_a_course(
    client_for, user_led, peer_supporter, supporter_pa
):
    client = client_for(supporter_pa)
    client.post(NEW, coffee_morning())
    event = Event.objects.get()
    edit = reverse("learning:event_edit", args=[event.pk])

    response = client.post(edit, coffee_morning(kind="hot_seat", title="Hot seat for employers"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.kind, event.title) == (Event.Kind.HOT_SEAT, "Hot seat for employers")

    response = client.post(edit, coffee_morning(kind="training"))
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.kind == Event.Kind.HOT_SEAT


def test_an_ended_peer_supporters_meetups_pass_to_the_organisations_staff(
    client_for, user_led, peer_supporter, supporter_pa, ulo_admin, ulo_staff
):
    client_for(supporter_pa).post(NEW, coffee_morning())
    event = Event.objects.get()
    client_for(ulo_admin).post(
        reverse("learning:peer_supporter_end", args=[user_led.pk, peer_supporter.pk])
    )

    edit = reverse("learning:event_edit", args=[event.pk])
    assert client_for(supporter_pa).get(edit).status_code == 403
    assert client_for(ulo_staff).get(edit).status_code == 200
    page = client_for(ulo_staff).get(reverse("learning:event_detail", args=[event.pk]))
    assert "Run by Priya, peer supporter" in page.content.decode()
