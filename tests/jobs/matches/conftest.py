"""Fixtures for a job's matches and a PA's jobs: the matching tests' cast (Jordan, the PA who
suits Amira's `open_job`), shared rather than copied: see tests/matching/conftest.py."""

from tests.matching.conftest import jordan  # noqa: F401
