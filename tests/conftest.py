"""The same cast in every test: employer, representative, pa, other_pa, verifier,
org_admin, outsider and admin. Staff and admins have two-factor set up."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.cache import cache
from django.test import Client

from pahub.accounts.models import Membership, Role, User
from tests.factories import (
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    grant_representation,
    make_employer_profile,
    make_job,
    make_staff,
)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: allauth keeps rate-limit counters there, and the
    TOTP codes already used per user id. Ids restart after a transactional test's flush, so a
    code left from an earlier test could otherwise be refused as "already used"."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Newcastle Independent Living", areas=["Newcastle upon Tyne"])


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Durham Direct Payments Support", areas=["County Durham"])


@pytest.fixture
def employer(db) -> User:
    return UserFactory(email="employer@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])


@pytest.fixture
def representative(db, employer) -> User:
    user = UserFactory(
        email="representative@example.org",
        full_name="Sara Khan",
        postcode="NE2 1AA",
        roles=[Role.REPRESENTATIVE],
    )
    grant_representation(employer=employer, representative=user)
    return user


@pytest.fixture
def pa(db) -> User:
    return UserFactory(
        email="pa@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )


@pytest.fixture
def other_pa(db) -> User:
    return UserFactory(
        email="other.pa@example.org", full_name="Chris Lowe", postcode="DH1 1AA", roles=[Role.PA]
    )


@pytest.fixture
def verifier(db, organisation) -> User:
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.VERIFIER,
        email="verifier@example.org",
        full_name="Val Checker",
    )


@pytest.fixture
def org_admin(db, organisation) -> User:
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        email="org.admin@example.org",
        full_name="Olu Admin",
    )


@pytest.fixture
def outsider(db) -> User:
    """Signed in, but connected to nobody in the test."""
    return UserFactory(
        email="outsider@example.org", full_name="Oscar Side", postcode="DL1 1AA", roles=[Role.PA]
    )


@pytest.fixture
def admin(db) -> User:
    user = UserFactory(
        email="admin@example.org", full_name="Ada Admin", is_staff=True, is_superuser=True
    )
    TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def client_for(db):
    """client_for(user) gives a Client signed in as that person."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def employer_profile(employer):
    """Amira's employer profile: "Amira" in NE1, Newcastle upon Tyne."""
    return make_employer_profile(employer)


@pytest.fixture
def open_job(employer_profile):
    """Amira's published job: weekday early mornings, 15 hours, £13.50, washing and dressing."""
    return make_job(employer_profile.user)


@pytest.fixture
def draft_job(employer_profile):
    return make_job(employer_profile.user, status="draft", title="Evening PA", published_at=None)
