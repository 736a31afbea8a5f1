"""Fixtures for the learning zone's tests."""

import pytest

from pahub.learning.models import Course


@pytest.fixture
def without_repository_courses(db) -> None:
    """Tests that make their own courses start without the real ones the test database loads
    (as migrate does), so what they count and list is only their own."""
    Course.objects.all().delete()
