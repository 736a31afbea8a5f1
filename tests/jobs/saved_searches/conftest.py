"""Fixtures for these tests: see tests/jobs/public/fixtures.py."""

from tests.jobs.public.fixtures import *  # noqa: F403
