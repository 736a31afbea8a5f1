from tests.employers.fixtures import *  # noqa: F403
