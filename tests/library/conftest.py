"""The library's cast: the repository's guidance is loaded on migrate; one small template of
our own (tests/library/content) stands in for the documents engineer's templates. Gateshead
Council (`gateshead_council`) has a staff member, Gail, with two-factor; Durham County
Council has Dan."""

from datetime import date
from pathlib import Path

import pytest

from pahub.accounts.models import Membership, Organisation
from pahub.library.loading import library_load
from pahub.library.models import Resource
from pahub.library.services import ResourceContent, Source, publish_version
from pahub.places.models import LocalAuthority
from tests.factories import make_council, make_staff

TEST_CONTENT = Path(__file__).resolve().parent / "content"


@pytest.fixture
def template_fixture(db) -> Resource:
    """The small sample-reference-letter template, loaded as the documents engineer's files will be."""
    library_load(TEST_CONTENT)
    return Resource.objects.get(slug="sample-reference-letter")


def content(**overrides) -> ResourceContent:
    values = {
        "title": "Gateshead: DBS checks paid by the council",
        "kind": "guidance",
        "summary": "Gateshead Council pays for the enhanced DBS check of a PA paid by a direct payment.",
        "body": "Ask the direct payments team to start your PA's enhanced DBS check.",
        "audience": ("employer", "pa"),
        "tags": ("dbs", "direct-payments"),
        "sources": (
            Source(
                "Find out which DBS check is right (GOV.UK)",
                "https://www.gov.uk/find-out-dbs-check",
            ),
        ),
    }
    values.update(overrides)
    return ResourceContent(**values)


@pytest.fixture
def gateshead(db) -> LocalAuthority:
    return LocalAuthority.objects.get(name="Gateshead")


@pytest.fixture
def durham(db) -> LocalAuthority:
    return LocalAuthority.objects.get(name="County Durham")


@pytest.fixture
def gateshead_council(db) -> Organisation:
    return make_council("Gateshead Council", "Gateshead")


@pytest.fixture
def council_staff(gateshead_council):
    return make_staff(
        organisation=gateshead_council,
        role=Membership.StaffRole.ADMIN,
        email="gail@gateshead.example.gov.uk",
        postcode="NE8 1HH",
        full_name="Gail Brown",
    )


@pytest.fixture
def other_council_staff(db):
    council = make_council("Durham County Council", "County Durham")
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.ADMIN,
        email="dan@durham.example.gov.uk",
        full_name="Dan Reed",
    )


@pytest.fixture
def local_addition(gateshead, council_staff) -> Resource:
    return publish_version(
        slug="gateshead-dbs-checks-paid-by-the-council",
        content=content(),
        by=council_staff,
        change_note="First version",
        local_authority=gateshead,
        last_reviewed=date(2026, 11, 1),
    ).resource
