"""Two councils and their own organisations on PA Hub, for the tests of what councils do
(local rules, safeguarding concerns, spokes). Import the fixtures a conftest needs."""

import pytest

from pahub.accounts.models import Organisation
from pahub.places.models import LocalAuthority
from tests.factories import local_authority, make_council


@pytest.fixture
def newcastle(db) -> LocalAuthority:
    return local_authority("Newcastle upon Tyne")


@pytest.fixture
def durham(db) -> LocalAuthority:
    return local_authority("County Durham")


@pytest.fixture
def council(db) -> Organisation:
    return make_council("Newcastle City Council", "Newcastle upon Tyne")


@pytest.fixture
def durham_council(db) -> Organisation:
    return make_council("Durham County Council", "County Durham")
