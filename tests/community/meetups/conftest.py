"""The cast for meet-ups: a user-led organisation with an admin and a member of staff, Priya
(a PA) its peer supporter, Evan (an employer) whose role has ended, a training provider with
staff, another user-led organisation's staff, and `make_meetup`."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, Organisation, Role
from pahub.learning.events.services import peer_supporter_add, peer_supporter_end
from pahub.learning.models import Event, PeerSupporter
from tests.factories import OrganisationFactory, UserFactory, district, make_staff


@pytest.fixture
def user_led(db) -> Organisation:
    return OrganisationFactory(
        name="Tyneside Disabled People's Network",
        kind=Organisation.Kind.USER_LED,
        email="hello@tynesidedpn.example.org",
    )


@pytest.fixture
def other_user_led(db) -> Organisation:
    return OrganisationFactory(
        name="Wearside Employers Together",
        kind=Organisation.Kind.USER_LED,
        areas=["Sunderland"],
    )


@pytest.fixture
def provider(db) -> Organisation:
    return OrganisationFactory(
        name="Tyneside Care Training", kind=Organisation.Kind.TRAINING_PROVIDER
    )


@pytest.fixture
def ulo_admin(user_led):
    return make_staff(
        organisation=user_led,
        role=Membership.StaffRole.ADMIN,
        email="ada@tynesidedpn.example.org",
        full_name="Ada Admin",
    )


@pytest.fixture
def ulo_staff(user_led):
    return make_staff(
        organisation=user_led,
        role=Membership.StaffRole.MEMBER,
        email="sam@tynesidedpn.example.org",
        full_name="Sam Staff",
    )


@pytest.fixture
def other_ulo_staff(other_user_led):
    return make_staff(
        organisation=other_user_led,
        role=Membership.StaffRole.ADMIN,
        email="wes@wearside.example.org",
        full_name="Wes Other",
    )


@pytest.fixture
def trainer(provider):
    return make_staff(
        organisation=provider,
        role=Membership.StaffRole.MEMBER,
        email="tess@tynesidecare.example.org",
        full_name="Tess Trainer",
    )


@pytest.fixture
def supporter_pa(db):
    """Priya, a PA for eight years."""
    return UserFactory(
        email="priya@example.org", full_name="Priya Patel", known_as="", roles=[Role.PA]
    )


@pytest.fixture
def peer_supporter(user_led, supporter_pa, ulo_admin) -> PeerSupporter:
    return peer_supporter_add(organisation=user_led, user=supporter_pa, by=ulo_admin)


@pytest.fixture
def ended_supporter(user_led, ulo_admin):
    """Evan, an employer who was a peer supporter until last month."""
    evan = UserFactory(email="evan@example.org", full_name="Evan Ended", roles=[Role.EMPLOYER])
    role = peer_supporter_add(organisation=user_led, user=evan, by=ulo_admin)
    peer_supporter_end(peer_supporter=role, by=ulo_admin)
    return evan


def make_meetup(organisation: Organisation, **fields) -> Event:
    """A published in-person coffee morning in NE1, next week, with 8 places."""
    starts = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    starts = fields.pop("starts_at", starts)
    online = fields.get("format") == Event.Format.ONLINE
    defaults = {
        "kind": Event.Kind.MEETUP,
        "title": "PA coffee morning",
        "description": "Tea, coffee and a chat with other PAs.",
        "topics": ["problems"],
        "format": Event.Format.IN_PERSON,
        "district": None if online else district("NE1"),
        "venue": "" if online else "The Lit and Phil café, Westgate Road, Newcastle",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "accessibility": "Step-free, a hearing loop and a quiet room.",
        "capacity": 8,
        "published_at": timezone.now(),
    }
    return Event.objects.create(organisation=organisation, **(defaults | fields))


@pytest.fixture
def meetup(user_led) -> Event:
    return make_meetup(user_led)
