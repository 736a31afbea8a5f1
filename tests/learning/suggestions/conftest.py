"""Suggestion fixtures: a published course, Amira's PA Jordan (hired for a filled job), and an
employer who is not Jordan's."""

import pytest

from pahub.accounts.models import Role
from tests.factories import UserFactory
from tests.learning.suggestions.making import hire, make_course, module


@pytest.fixture
def course(db):
    return make_course(
        modules=(
            ("what-to-expect", "What to expect as a PA"),
            ("safeguarding", "Safeguarding basics"),
        )
    )


@pytest.fixture
def first_module(course):
    return module(course, "what-to-expect")


@pytest.fixture
def second_module(course):
    return module(course, "safeguarding")


@pytest.fixture
def their_pa(employer, pa):
    """Jordan, hired for Amira's filled job."""
    hire(employer, pa)
    return pa


@pytest.fixture
def other_employer(db):
    """An employer with no PA of their own, and not Jordan's."""
    return UserFactory(
        email="other.employer@example.org",
        full_name="Bill Other",
        postcode="NE1 4ST",
        roles=[Role.EMPLOYER],
    )


@pytest.fixture(autouse=True)
def _own_courses_only(without_repository_courses) -> None:
    """Only the courses these tests make."""
