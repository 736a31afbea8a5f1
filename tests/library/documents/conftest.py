"""Amira's job, filled by Jordan: weekday early mornings (5 days), 15 hours a week at £13.50,
in Newcastle upon Tyne (NE1), starting on 4 January 2027, needing an enhanced DBS check."""

import pytest

from pahub.jobs.models import Job
from tests.factories import make_job


@pytest.fixture
def hired_job(employer_profile, pa):
    return make_job(
        employer_profile.user,
        status=Job.Status.FILLED,
        hired_pa=pa,
        required_dbs="enhanced_adults",
        required_dbs_rank=4,
    )
