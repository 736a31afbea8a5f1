"""The spokes' cast: Newcastle City Council (`council`) with its staff member Nadia
(`council_staff`, with two-factor), and Durham County Council with its own staff member
(`other_council_staff`). Everyone else is the shared cast: `employer` and `pa` live in
Newcastle, `outsider` in Darlington."""

from datetime import date

import pytest

from pahub.accounts.models import Membership
from pahub.spokes import services
from tests.factories import make_council, make_staff


@pytest.fixture
def council_staff(council):
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="nadia@newcastle-council.example.org",
        full_name="Nadia Ellis",
    )


@pytest.fixture
def council_staff_without_two_factor(council):
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="new.starter@newcastle-council.example.org",
        full_name="Sam Newstart",
        two_factor=False,
    )


@pytest.fixture
def other_council_staff(db):
    durham = make_council("Durham County Council", "County Durham")
    return make_staff(
        organisation=durham,
        role=Membership.StaffRole.ADMIN,
        email="dee@durham-council.example.org",
        full_name="Dee Durham",
    )


TEAM = services.ContentInput(
    intro="Newcastle City Council helps people who use a direct payment to employ their own PAs.",
    team_name="Direct Payments Team",
    team_phone="0191 498 0123",
    team_email="direct.payments@newcastle-council.example.org",
    team_hours="Monday to Friday, 9am to 5pm",
    team_url="https://newcastle-council.example.org/direct-payments",
)


@pytest.fixture
def published_spoke(newcastle, council_staff):
    services.spoke_draft_update(local_authority=newcastle, by=council_staff, values=TEAM)
    services.spoke_contact_add(
        local_authority=newcastle,
        by=council_staff,
        values=services.ContactInput(
            name="Carers' Centre",
            description="Support for unpaid carers",
            phone="0191 498 0999",
        ),
    )
    return services.spoke_publish(local_authority=newcastle, by=council_staff)


@pytest.fixture
def news_item(newcastle, council_staff):
    return services.news_item_add(
        local_authority=newcastle,
        by=council_staff,
        values=services.NewsInput(
            title="PA employers' coffee morning",
            body="Come and meet other people who employ their own PAs.",
            date=date(2026, 5, 1),
            is_published=True,
        ),
    )
