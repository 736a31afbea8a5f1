from tests.jobs.employer.fixtures import *  # noqa: F403
