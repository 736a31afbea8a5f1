"""The cast of moderation tests: Newcastle's area zone (moderated by `organisation`'s staff,
`verifier` and `org_admin`), Durham's area zone (moderated by `other_organisation`'s staff),
and a post by `employer` (Newcastle) that `pa` (Newcastle) may report. `outsider` lives in
Darlington and sees neither zone."""

import pytest

from pahub.accounts.models import Membership
from tests.community.factories import PostFactory, ThreadFactory, area_zone
from tests.factories import make_staff


@pytest.fixture
def zone(db):
    return area_zone(
        "Newcastle upon Tyne", slug="newcastle", name="Everyone in Newcastle upon Tyne"
    )


@pytest.fixture
def other_zone(db):
    return area_zone("County Durham", slug="durham", name="Everyone in County Durham")


@pytest.fixture
def thread(zone, employer):
    return ThreadFactory(zone=zone, title="Finding cover at short notice", author=employer)


@pytest.fixture
def post(thread, employer):
    return PostFactory(thread=thread, author=employer, body="You are all useless at this.")


@pytest.fixture
def moderator(verifier):
    """Staff of the organisation serving Newcastle: moderates Newcastle's zone."""
    return verifier


@pytest.fixture
def other_moderator(db, other_organisation):
    """Staff of the organisation serving County Durham: moderates Durham's zone only."""
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.VERIFIER,
        email="durham.moderator@example.org",
        full_name="Dee Durham",
        postcode="DH1 1AA",
    )


@pytest.fixture
def other_post(other_zone, other_pa):
    thread = ThreadFactory(zone=other_zone, title="Durham meet-up", author=other_pa)
    return PostFactory(thread=thread, author=other_pa, body="Anyone near Durham?")
