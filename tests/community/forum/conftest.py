"""The forum's cast: the standard zones (made by `migrate`), two open groups and an
invitation-only group run by `organisation`, and people placed outside the North East spokes
so that only their role or group decides what they see."""

import pytest

from pahub.accounts.models import Membership, Role
from pahub.community.forum import services
from pahub.community.forum.zones import zones_ensure
from pahub.community.models import GroupMember, Zone
from tests.factories import UserFactory, make_staff

ELSEWHERE = "SW1A 1AA"  # Westminster: not a PA Hub spoke


@pytest.fixture
def zones(db) -> dict[str, Zone]:
    zones_ensure()  # already made by migrate; a transactional test's flush removes them
    return {
        "pas": Zone.objects.get(slug="pas"),
        "employers": Zone.objects.get(slug="employers"),
        "newcastle": Zone.objects.get(
            kind=Zone.Kind.AREA, local_authority__name="Newcastle upon Tyne"
        ),
        "durham": Zone.objects.get(kind=Zone.Kind.AREA, local_authority__name="County Durham"),
    }


def make_group(organisation, *, name: str, audience: str, joining: str, by=None) -> Zone:
    return Zone.objects.create(
        kind=Zone.Kind.GROUP,
        slug=services.group_slug(name),
        name=name,
        description=f"{name}: a group for testing.",
        organisation=organisation,
        audience=audience,
        joining=joining,
    )


@pytest.fixture
def open_group(organisation) -> Zone:
    return make_group(
        organisation, name="Open coffee morning", audience="anyone", joining=Zone.Joining.OPEN
    )


@pytest.fixture
def open_pas_group(organisation) -> Zone:
    return make_group(organisation, name="New PAs", audience="pas", joining=Zone.Joining.OPEN)


@pytest.fixture
def invitation_group(organisation) -> Zone:
    return make_group(
        organisation,
        name="Employer peer group",
        audience="anyone",
        joining=Zone.Joining.INVITATION,
    )


@pytest.fixture
def serving_staff(organisation):
    """Staff of the organisation serving Newcastle (and running the groups), living elsewhere."""
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.MEMBER,
        email="sally.staff@example.org",
        full_name="Sally Staff",
        postcode=ELSEWHERE,
    )


@pytest.fixture
def other_staff(other_organisation):
    """Staff of an organisation serving County Durham only, living elsewhere."""
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.MEMBER,
        email="otto.other@example.org",
        full_name="Otto Other",
        postcode=ELSEWHERE,
    )


@pytest.fixture
def stranger(db):
    """Signed in, no role, placed outside every spoke."""
    return UserFactory(email="stranger@example.org", full_name="Stella Strange", postcode=ELSEWHERE)


def pa_elsewhere(email: str, name: str):
    return UserFactory(email=email, full_name=name, postcode=ELSEWHERE, roles=[Role.PA])


@pytest.fixture
def group_member(invitation_group):
    user = pa_elsewhere("member@example.org", "Mo Member")
    GroupMember.objects.create(zone=invitation_group, user=user, status=GroupMember.Status.MEMBER)
    return user


@pytest.fixture
def group_invited(invitation_group):
    user = pa_elsewhere("invited@example.org", "Ivy Invited")
    GroupMember.objects.create(zone=invitation_group, user=user, status=GroupMember.Status.INVITED)
    return user


@pytest.fixture
def group_left(invitation_group):
    user = pa_elsewhere("left@example.org", "Lee Left")
    GroupMember.objects.create(zone=invitation_group, user=user, status=GroupMember.Status.LEFT)
    return user


@pytest.fixture
def open_member(open_group):
    user = UserFactory(
        email="open.member@example.org",
        full_name="Olive Open",
        postcode=ELSEWHERE,
        roles=[Role.EMPLOYER],
    )
    GroupMember.objects.create(zone=open_group, user=user, status=GroupMember.Status.MEMBER)
    return user


@pytest.fixture
def pa_thread(zones, pa):
    """Jordan's thread in the PA zone."""
    return services.thread_start(
        zone=zones["pas"], author=pa, title="Tips for a first shift", body="What helped you?"
    ).thread


@pytest.fixture(autouse=True)
def no_posting_limits(settings):
    """The forum's tests post many times from new accounts; the limits on that are
    moderation's, tested in tests/community/moderation/test_screening.py."""
    settings.COMMUNITY_POSTING_LIMITS = {"new": [], "established": []}
