"""Safeguarding fixtures.

Amira (employer, NE1, Newcastle) and Jordan (PA, NE3, Newcastle) have a cover booking and a
conversation. Newcastle City Council's team: Sam reads safeguarding concerns, Col does not.
Durham County Council's team: Dee reads concerns in County Durham only.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, Organisation, User
from pahub.community.models import Post, Thread, Zone
from pahub.cover.models import Booking
from pahub.places.models import LocalAuthority
from pahub.register.models import PAProfile
from pahub.support.models import Concern
from tests.cover.pa.conftest import booking_at
from tests.factories import make_staff


def make_safeguarder(organisation: Organisation, **fields) -> User:
    user = make_staff(organisation=organisation, role=Membership.StaffRole.MEMBER, **fields)
    Membership.objects.filter(user=user).update(handles_safeguarding=True)
    return user


@pytest.fixture
def safeguarder(council) -> User:
    return make_safeguarder(council, email="sam@newcastle.example.org", full_name="Sam Guard")


@pytest.fixture
def council_colleague(council) -> User:
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="col@newcastle.example.org",
        full_name="Col League",
    )


@pytest.fixture
def council_admin(council) -> User:
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.ADMIN,
        email="cath@newcastle.example.org",
        full_name="Cath Admin",
    )


@pytest.fixture
def durham_safeguarder(durham_council) -> User:
    return make_safeguarder(
        durham_council, email="dee@durham.example.org", full_name="Dee Durham", postcode="DH1 1AA"
    )


@pytest.fixture
def cover_booking(employer, employer_profile, pa) -> Booking:
    """Jordan covers for Amira tomorrow morning."""
    starts_at = timezone.now() + timedelta(days=1)
    return booking_at(employer, pa, starts_at, starts_at + timedelta(hours=3))


@pytest.fixture
def pa_profile(db, pa) -> PAProfile:
    return PAProfile.objects.create(
        user=pa,
        display_name="Jordan",
        about_me="I have cared for my grandad for five years.",
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
    )


@pytest.fixture
def area_post(pa, newcastle) -> Post:
    """Jordan posted in Newcastle's area zone."""
    zone, _ = Zone.objects.get_or_create(
        kind=Zone.Kind.AREA,
        local_authority=newcastle,
        defaults={"slug": "newcastle", "name": "Newcastle", "description": "Newcastle."},
    )
    thread = Thread.objects.create(zone=zone, title="Hello", author=pa)
    return Post.objects.create(
        thread=thread, author=pa, author_name="Jordan", body="Hello", body_html="<p>Hello</p>"
    )


def make_concern(area: LocalAuthority, **fields) -> Concern:
    defaults = {
        "who": "An older man I support",
        "what_happened": "His money keeps going missing.",
        "in_danger": False,
        "may_contact": False,
    }
    return Concern.objects.create(area=area, **(defaults | fields))


@pytest.fixture
def concern(employer, pa, newcastle) -> Concern:
    """Amira raised a concern about Jordan, in Newcastle."""
    return make_concern(newcastle, raiser=employer, about_user=pa, about_kind="booking", about_id=1)
