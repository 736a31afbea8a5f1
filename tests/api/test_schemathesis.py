"""Property-based API tests: every operation in the published schema, fed generated input.

Whatever a client sends, the API must answer without a server error, and where the schema
documents a response, the body must match it.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

# pytest-django has configured settings before collection, so build the handler directly
# rather than importing pahub.wsgi, which would set DJANGO_SETTINGS_MODULE itself. The schema
# is loaded eagerly: schemathesis.pytest.from_fixture relies on a pytest internal
# (Function._nodeid) that pytest 9 no longer has. Serving the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


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


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_never_fails_with_a_server_error(case):
    response = case.call()

    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
