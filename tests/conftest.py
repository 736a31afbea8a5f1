"""The same cast in every test: employer, representative, pa, other_pa, verifier,
org_admin, outsider and admin. Staff and admins have two-factor set up."""

import io
from collections.abc import Iterator

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from hypothesis import settings as hypothesis_settings

from pahub.accounts.models import Membership, Role, User
from pahub.jobs.matches.pool import JOBS
from pahub.matching.pool import PROFILES
from pahub.register.search_index import INDEX as REGISTER_INDEX
from pahub.taxonomy import snapshot as taxonomy_snapshot
from tests.factories import (
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    grant_representation,
    make_employer_profile,
    make_job,
    make_staff,
)

# Two councils and their organisations, shared by the tests of what councils do.
pytest_plugins = ["tests.councils"]

DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}
)

# Property tests find bugs by their examples, not their speed: on a busy two-core CI machine a
# pure function can take longer than hypothesis's 200 ms default, which is not a failure.
hypothesis_settings.register_profile("pahub", deadline=None)
hypothesis_settings.load_profile("pahub")


def uses_database(request: pytest.FixtureRequest) -> bool:
    return request.node.get_closest_marker("django_db") is not None or not (
        DATABASE_FIXTURES.isdisjoint(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def fresh_matching_pool() -> Iterator[None]:
    """Each test starts with empty matching pools (pahub/matching/pool.py and
    pahub/jobs/matches/pool.py), register index and taxonomy snapshot: they are this
    process's memory, and a test's rolled-back rows (whose ids SQLite gives out again) must
    not linger in them. Production never rolls back a committed change."""
    PROFILES.forget()
    JOBS.forget()
    REGISTER_INDEX.forget()
    taxonomy_snapshot.forget()
    yield


@pytest.fixture(autouse=True)
def fresh_cache(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts with an empty cache: allauth keeps rate-limit counters there, and the
    TOTP codes already used per user id. Ids restart after a transactional test's flush, so a
    code left from an earlier test could otherwise be refused as "already used".

    The cache is a table in the test database (as in production, shared by processes), and a
    transactional test's flush does not empty it, so it is emptied before each test that uses
    the database (a test that never does cannot read or fill it). Not afterwards: a test's
    own rollback undoes its entries, and its connection may already be closed."""
    if uses_database(request):
        request.getfixturevalue("django_db_setup")
        with request.getfixturevalue("django_db_blocker").unblock():
            cache.clear()
    yield


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


def load_reference_data() -> None:
    """What migrations put in a fresh database: postcode places, the skills taxonomy (with
    interests and languages), version 1 of the code of conduct, the minimum wage rates, the
    learning zone's courses, the community's standard zones and the library's guidance. Safe to
    repeat."""
    from importlib import import_module

    from django.apps import apps
    from django.utils import timezone

    from pahub.register.code.text import VERSION_1_BODY, VERSION_1_TITLE
    from pahub.register.models import CodeOfConductVersion
    from pahub.taxonomy.vocabulary import load_taxonomy

    call_command("load_places", verbosity=0, stdout=io.StringIO())
    load_taxonomy()
    if not CodeOfConductVersion.objects.exists():
        CodeOfConductVersion.objects.create(
            number=1,
            title=VERSION_1_TITLE,
            body=VERSION_1_BODY,
            published_at=timezone.now(),
        )
    # The builder refuses pay below these; without them any pay would pass.
    import_module("pahub.employers.migrations.0003_tax_year_rates").load_rates(apps, None)
    from pahub.learning.courses.loading import courses_load

    courses_load()
    from pahub.community.forum.zones import zones_ensure

    zones_ensure()
    from pahub.library.loading import library_load

    library_load()


RELOAD_AFTER_TEST = pytest.StashKey[object]()


@pytest.fixture
def reference_data_loaded(transactional_db, django_db_blocker, request) -> None:
    """Live-server tests use a transactional database that is emptied after each test, so
    the data migrations loaded is gone: load it before the test, and again after it (see
    `pytest_runtest_teardown`), so later tests that rely on migration data still find it."""
    load_reference_data()
    request.node.stash[RELOAD_AFTER_TEST] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem) -> Iterator[None]:
    # The emptying happens in pytest-django's own teardown, after every fixture of the test
    # has finished, so reloading from a fixture's teardown would be undone at once. Reload
    # once all of the test's teardown is done, and only while the test database still exists
    # (with no next test, the session's teardown has just destroyed it).
    result = yield
    blocker = item.stash.get(RELOAD_AFTER_TEST, None)
    if blocker is not None and nextitem is not None:
        with blocker.unblock():
            load_reference_data()
    return result


@pytest.fixture
def without_repository_courses(request) -> None:
    """Tests that make their own courses start without the real ones the test database loads
    (as migrate does), so what they count and list is only their own. Browser journeys' own
    transactional database is reloaded after them (`load_reference_data`)."""
    from pahub.learning.models import Course

    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("db")
    Course.objects.all().delete()
