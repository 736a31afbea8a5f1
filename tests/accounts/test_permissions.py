"""Who may do what: the rules in pahub.accounts.permissions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pahub.accounts.models import Membership
from pahub.accounts.permissions import (
    can_record_grant_for,
    has_two_factor,
    must_use_two_factor,
    staff_local_authority_ids,
)
from pahub.places.models import LocalAuthority
from tests.factories import UserFactory, make_staff


def gss(name: str) -> str:
    return LocalAuthority.objects.get(name=name).gss_code


@pytest.mark.parametrize(
    ("person", "needs_it"),
    [
        ("pa", False),
        ("employer", False),
        ("representative", False),
        ("verifier", True),
        ("org_admin", True),
        ("admin", True),
    ],
)
def test_staff_and_site_admins_must_use_two_factor(db, request, person, needs_it):
    assert must_use_two_factor(request.getfixturevalue(person)) is needs_it


def test_djangos_staff_flag_alone_means_two_factor_is_needed(db):
    assert must_use_two_factor(UserFactory(is_staff=True)) is True


def test_cast_staff_have_two_factor_and_a_pa_does_not(verifier, admin, pa):
    assert has_two_factor(verifier)
    assert has_two_factor(admin)
    assert not has_two_factor(pa)


def test_staff_serve_the_local_authorities_of_their_organisation(verifier):
    assert staff_local_authority_ids(verifier) == {gss("Newcastle upon Tyne")}


def test_staff_of_two_organisations_serve_both_areas(verifier, other_organisation):
    Membership.objects.create(user=verifier, organisation=other_organisation)

    assert staff_local_authority_ids(verifier) == {
        gss("Newcastle upon Tyne"),
        gss("County Durham"),
    }


def test_someone_who_is_not_staff_serves_no_area(pa):
    assert staff_local_authority_ids(pa) == set()


def test_asking_again_for_someone_known_not_to_be_staff_asks_the_database_nothing(pa):
    staff_local_authority_ids(pa)  # reads whether they are staff, once a request

    with CaptureQueriesContext(connection) as queries:
        assert staff_local_authority_ids(pa) == set()
    assert len(queries) == 0


def test_someone_who_joins_an_organisation_serves_its_areas_at_once(pa, organisation):
    assert staff_local_authority_ids(pa) == set()

    Membership.objects.create(user=pa, organisation=organisation)

    assert staff_local_authority_ids(pa) == {gss("Newcastle upon Tyne")}


def test_someone_signed_out_serves_no_area(db):
    assert staff_local_authority_ids(AnonymousUser()) == set()


def test_staff_record_grants_only_for_employers_in_their_area(verifier, employer, db):
    durham_employer = UserFactory(postcode="DH1 1AA")
    unplaced_employer = UserFactory(postcode="", district=None, local_authority=None)

    assert can_record_grant_for(verifier, employer)
    assert not can_record_grant_for(verifier, durham_employer)
    assert not can_record_grant_for(verifier, unplaced_employer)


def test_site_admin_records_grants_anywhere(admin, db):
    assert can_record_grant_for(admin, UserFactory(postcode="DH1 1AA"))


def test_staff_without_two_factor_are_flagged(organisation):
    newcomer = make_staff(organisation=organisation, two_factor=False)

    assert must_use_two_factor(newcomer)
    assert not has_two_factor(newcomer)
