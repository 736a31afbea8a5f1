from tests.register.verification.fixtures import *  # noqa: F403
