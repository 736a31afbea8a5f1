"""The prefilter's visibility rule is `can_view_profile`, exactly: checked over every
combination of visibility, pause, home area and chosen areas, for every kind of viewer."""

import itertools

import numpy as np
import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser

from pahub.accounts.models import Role, User
from pahub.matching.candidates import profiles_for_viewers, viewer_scope, visible_profiles_q
from pahub.matching.pool import PROFILES
from pahub.places.models import LocalAuthority
from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile
from tests.factories import OrganisationFactory, UserFactory, make_staff

pytestmark = pytest.mark.django_db

HOMES = {"Newcastle upon Tyne": "NE1 1AA", "County Durham": "DH1 1AA"}
CHOSEN = [
    (),
    ("Newcastle upon Tyne",),
    ("County Durham",),
    ("Newcastle upon Tyne", "County Durham"),
]


@pytest.fixture
def every_kind_of_profile(db) -> list[PAProfile]:
    """3 visibilities x paused or not x 2 home areas x 4 sets of chosen areas: 48 PAs."""
    profiles = []
    combinations = itertools.product(
        PAProfile.Visibility.values, [False, True], HOMES.values(), CHOSEN
    )
    for number, (visibility, paused, postcode, chosen) in enumerate(combinations):
        user = UserFactory(email=f"pa{number}@example.org", postcode=postcode, roles=[Role.PA])
        profile = PAProfile.objects.create(user=user, visibility=visibility, is_paused=paused)
        profile.visible_in.set(LocalAuthority.objects.filter(name__in=chosen))
        profiles.append(profile)
    return profiles


def viewer(email: str, *, roles: list[str], postcode: str = "NE1 4ST", verified: bool = True):
    return UserFactory(email=email, roles=roles, postcode=postcode, verified_email=verified)


@pytest.fixture
def every_kind_of_viewer(db, every_kind_of_profile, admin) -> list[User]:
    newcastle_staff = make_staff(
        organisation=OrganisationFactory(areas=["Newcastle upon Tyne"]), email="s1@example.org"
    )
    durham_staff = make_staff(
        organisation=OrganisationFactory(areas=["County Durham"]), email="s2@example.org"
    )
    no_area = viewer("noarea@example.org", roles=[Role.EMPLOYER])
    no_area.local_authority = None
    no_area.save(update_fields=["local_authority"])
    viewers = [
        admin,
        newcastle_staff,
        durham_staff,
        every_kind_of_profile[0].user,  # a PA, for their own profile and everyone else's
        viewer("pa.viewer@example.org", roles=[Role.PA]),
        viewer("nobody@example.org", roles=[]),
        no_area,
        viewer("both@example.org", roles=[Role.PA, Role.EMPLOYER]),
    ]
    for role, verified, postcode in itertools.product(
        [Role.EMPLOYER, Role.REPRESENTATIVE], [True, False], HOMES.values()
    ):
        viewers.append(
            viewer(
                f"{role}-{verified}-{postcode[:3].strip()}@example.org",
                roles=[role],
                postcode=postcode,
                verified=verified,
            )
        )
    # A viewer with an unverified and a verified address counts as verified.
    mixed = viewer("mixed@example.org", roles=[Role.EMPLOYER], verified=False)
    EmailAddress.objects.create(user=mixed, email="mixed2@example.org", verified=True)
    viewers.append(mixed)
    return viewers


def test_the_prefilter_shows_each_viewer_exactly_what_can_view_profile_allows(
    every_kind_of_profile, every_kind_of_viewer
):
    for person in every_kind_of_viewer:
        person = User.objects.get(pk=person.pk)  # fresh, with no cached roles
        allowed = {p.pk for p in every_kind_of_profile if can_view_profile(person, p)}
        found = set(
            PAProfile.objects.filter(visible_profiles_q(person)).values_list("pk", flat=True)
        )
        assert found == allowed, person.email


def test_the_pools_visibility_agrees_with_can_view_profile(
    every_kind_of_profile, every_kind_of_viewer
):
    """The in-memory pool's copy of the rule (`ProfilePool._visible`), over every profile
    looking for work (the only ones the pool holds)."""
    PROFILES.refresh()
    looking = [
        p
        for p in every_kind_of_profile
        if not p.is_paused and p.visibility != PAProfile.Visibility.HIDDEN
    ]
    assert set(PROFILES.slot_of) == {p.pk for p in looking}
    slots = np.array([PROFILES.slot_of[p.pk] for p in looking], dtype=np.int64)
    for person in every_kind_of_viewer:
        person = User.objects.get(pk=person.pk)
        allowed = [can_view_profile(person, p) for p in looking]
        visible = PROFILES._visible(viewer_scope(person))[slots].tolist()
        assert visible == allowed, person.email
    assert not PROFILES._visible(viewer_scope(AnonymousUser()))[slots].any()


def test_the_table_covers_profiles_both_seen_and_unseen_by_every_ordinary_viewer(
    every_kind_of_profile, every_kind_of_viewer
):
    # Guard against a vacuous table: every viewer but the admin is refused someone.
    for person in every_kind_of_viewer[1:]:
        seen = PAProfile.objects.filter(visible_profiles_q(person)).count()
        assert 0 < seen < len(every_kind_of_profile) or person.email in {
            "nobody@example.org",
            "pa.viewer@example.org",
        }


def test_matches_never_include_a_hidden_or_paused_profile_even_for_staff_and_admins(
    every_kind_of_profile, every_kind_of_viewer
):
    for person in every_kind_of_viewer:
        for profile in profiles_for_viewers(person):
            assert not profile.is_paused
            assert profile.visibility != PAProfile.Visibility.HIDDEN


def test_two_viewers_see_only_what_both_may_see(every_kind_of_profile, every_kind_of_viewer):
    employer = User.objects.get(email="employer-True-NE1@example.org")
    durham_staff = User.objects.get(email="s2@example.org")

    both = set(profiles_for_viewers(employer, durham_staff).values_list("pk", flat=True))

    expected = {
        p.pk
        for p in every_kind_of_profile
        if can_view_profile(employer, p)
        and can_view_profile(durham_staff, p)
        and not p.is_paused
        and p.visibility != PAProfile.Visibility.HIDDEN
    }
    assert both == expected
    assert both  # some PAs are visible to both


def test_a_signed_out_visitor_sees_nobody(every_kind_of_profile):
    assert not PAProfile.objects.filter(visible_profiles_q(AnonymousUser())).exists()
