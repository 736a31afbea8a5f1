"""The cast for providers' events: a training provider and a council with staff, another
provider's staff, and `make_event` for events in a place or online."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, Organisation
from pahub.accounts.services import api_key_create
from pahub.learning.models import Event
from tests.factories import OrganisationFactory, district, make_council, make_staff


@pytest.fixture
def provider(db) -> Organisation:
    return OrganisationFactory(
        name="Tyneside Care Training",
        kind=Organisation.Kind.TRAINING_PROVIDER,
        email="courses@tynesidecare.example.org",
    )


@pytest.fixture
def council(db) -> Organisation:
    return make_council("Sunderland City Council", "Sunderland")


@pytest.fixture
def other_provider(db) -> Organisation:
    return OrganisationFactory(
        name="Durham Skills College",
        kind=Organisation.Kind.TRAINING_PROVIDER,
        areas=["County Durham"],
    )


@pytest.fixture
def trainer(provider):
    """Tess, staff of the training provider."""
    return make_staff(
        organisation=provider,
        role=Membership.StaffRole.MEMBER,
        email="tess@tynesidecare.example.org",
        full_name="Tess Trainer",
    )


@pytest.fixture
def council_officer(council):
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="officer@sunderland.example.org",
        full_name="Cal Officer",
    )


@pytest.fixture
def other_trainer(other_provider):
    return make_staff(
        organisation=other_provider,
        role=Membership.StaffRole.MEMBER,
        email="dee@durhamskills.example.org",
        full_name="Dee Other",
    )


@pytest.fixture
def provider_key(provider, trainer) -> str:
    _, raw = api_key_create(organisation=provider, name="Course system", by=trainer)
    return raw


@pytest.fixture
def other_provider_key(other_provider, other_trainer) -> str:
    _, raw = api_key_create(organisation=other_provider, name="College system", by=other_trainer)
    return raw


def make_event(organisation: Organisation, **fields) -> Event:
    """A published in-person event in NE1, next week, with 10 places, unless told otherwise."""
    next_week = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    starts = fields.pop("starts_at", next_week)
    online = fields.get("format") == Event.Format.ONLINE
    outcode = fields.pop("outcode", None if online else "NE1")
    defaults = {
        "title": "Safeguarding for PAs",
        "description": "How to spot abuse and neglect, and how to raise a concern.",
        "topics": ["safeguarding"],
        "format": Event.Format.IN_PERSON,
        "district": district(outcode) if outcode else None,
        "venue": "" if online else "Room 2, Civic Centre, Barras Bridge, Newcastle NE1 8QH",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=3),
        "capacity": 10,
        "published_at": timezone.now(),
    }
    return Event.objects.create(organisation=organisation, **(defaults | fields))


@pytest.fixture
def event(provider) -> Event:
    return make_event(provider)
