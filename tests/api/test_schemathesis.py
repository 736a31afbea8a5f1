"""Property-based API tests: every operation in the published schema, fed generated input,
signed out and signed in.

Whatever a client sends, the API must answer without a server error, with a status code the
schema documents for that operation, a body that matches the documented schema and the
documented content type. The run is bounded and derandomised, so it is the same every time.
"""

from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pahub.accounts.models import Role
from pahub.accounts.services import api_key_create
from pahub.register.services import profile_get_or_create
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    make_employer_profile,
    make_job,
    make_staff,
)

# pytest-django has configured settings before collection, so build the handler directly
# rather than importing pahub.wsgi, which would set DJANGO_SETTINGS_MODULE itself. The schema
# is loaded eagerly: schemathesis.pytest.from_fixture relies on a pytest internal
# (Function._nodeid) that pytest 9 no longer has. Serving the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
# The coverage phase makes hundreds of boundary cases for the larger bodies whatever
# max_examples says; the fuzzing phase (valid and invalid input) with a fixed number of
# examples keeps the run to a couple of minutes on two cores.
schema.config.phases.coverage.enabled = False

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]
CSRF_TOKEN = "schemathesis0csrf0token000000000"  # 32 characters, as Django's secret


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Calling the WSGI handler directly fires request_finished, which would close the
    database connection inside the test's transaction (PostgreSQL then fails). Django's
    own test client detaches the same receivers for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def signed_in_caller() -> dict[str, Any]:
    """A PA who is also an employer with an open job, signed in with a session (and the CSRF
    token, so writes get past the check), and an organisation's API key in the same request:
    operations that take a key read the key, the others the session."""
    person = UserFactory(
        email="both@example.org",
        full_name="Sam Both",
        postcode="NE1 1AA",
        roles=[Role.PA, Role.EMPLOYER],
    )
    profile_get_or_create(user=person)
    make_job(make_employer_profile(person).user)
    organisation = OrganisationFactory(name="Tyne Support", areas=["Newcastle upon Tyne"])
    admin = make_staff(organisation=organisation, email="tyne.admin@example.org")
    _, key = api_key_create(organisation=organisation, name="Case system", by=admin)
    client = Client()
    client.force_login(person)
    return {
        "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_TOKEN},
        "headers": {"X-CSRFToken": CSRF_TOKEN, "Authorization": f"Bearer {key}"},
    }


SETTINGS = {
    "derandomize": True,
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
}


@pytest.fixture
def caller(db) -> dict[str, Any]:
    return signed_in_caller()


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=20, **SETTINGS)
def test_signed_in_every_answer_is_documented_and_never_a_server_error(case, caller):
    response = case.call(**caller)

    case.validate_response(response, checks=CHECKS)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=8, **SETTINGS)
def test_signed_out_every_answer_is_documented_and_never_a_server_error(case):
    response = case.call()

    case.validate_response(response, checks=CHECKS)
