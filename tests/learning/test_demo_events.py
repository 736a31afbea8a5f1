"""The demo lists the training partnership's courses and events once, so `make run` shows
something local to find and book in the learning zone."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pahub.learning.models import Event

pytestmark = pytest.mark.django_db


def make_demo() -> None:
    call_command("demo_data", stdout=StringIO())


def test_the_demo_lists_three_published_upcoming_events_and_only_once(client):
    make_demo()
    make_demo()
    events = Event.objects.filter(organisation__name="North East PA Training Partnership")
    assert events.count() == 3
    assert all(event.published_at and event.capacity for event in events)
    page = client.get(reverse("learning:event_list")).content.decode()
    assert "Emergency first aid for PAs" in page
    assert "Your first PA: an evening for new employers" in page


def test_the_demo_lists_two_meetups_run_by_peer_supporters_once(client):
    make_demo()
    make_demo()
    meetups = Event.objects.filter(organisation__name="Durham Disabled People's Network")
    assert meetups.count() == 2
    assert {meetup.kind for meetup in meetups} == {Event.Kind.MEETUP, Event.Kind.HOT_SEAT}
    assert all(meetup.peer_supporter and meetup.published_at for meetup in meetups)
    assert all(meetup.accessibility for meetup in meetups)
    page = client.get(reverse("community:meetups")).content.decode()
    assert "PA coffee morning in Newcastle" in page
    assert "Hot seat: ask an experienced employer anything" in page
    assert "Run by Chloe, peer supporter with Durham Disabled People&#x27;s Network" in page
    assert "Emergency first aid for PAs" not in page
