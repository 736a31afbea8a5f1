"""Fixtures for these tests."""

import pytest


@pytest.fixture(autouse=True)
def _own_courses_only(without_repository_courses) -> None:
    """Only the courses these tests make."""
