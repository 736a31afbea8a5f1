"""PA Hub's PostgreSQL backend (pahub/core/postgresql): parameters bound by the server, and
no integer sent narrower than its value. The expressions run on both databases."""

import os

import pytest
from django.db import DataError, connection, transaction
from django.db.models import BigIntegerField, ExpressionWrapper, F
from psycopg.types import numeric

from pahub.accounts.models import User
from pahub.core.postgresql.base import widened
from pahub.jobs.models import Job
from pahub.settings import prepare_threshold
from tests.factories import UserFactory, make_job

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: DATABASE_URL=postgres://..."
)


@pytest.mark.parametrize(
    ("adapted", "value"),
    [
        (numeric.Int4(5), 5),
        (numeric.Int4(2**31 - 1), 2**31 - 1),
        (numeric.Int4(-(2**31)), -(2**31)),
        (numeric.Int2(32767), 32767),
    ],
)
def test_an_integer_that_fits_keeps_the_type_django_gave_it(adapted, value):
    assert widened(adapted, value) is adapted


@pytest.mark.parametrize(
    ("adapted", "value"),
    [
        (numeric.Int4(2**31), 2**31),
        (numeric.Int4(1 << 59), 1 << 59),
        (numeric.Int4(-(2**31) - 1), -(2**31) - 1),
        (numeric.Int2(40_000), 40_000),
    ],
)
def test_an_integer_too_large_for_its_type_is_sent_as_int8(adapted, value):
    sent = widened(adapted, value)

    assert isinstance(sent, numeric.Int8)
    assert sent == value


@pytest.mark.django_db
def test_a_bitmask_beyond_31_bits_keeps_every_bit_in_an_expression():
    """Django types a plain int in an expression as an IntegerField; bound by the server as
    a 4-byte integer, bit 59 was cut off without an error."""
    user = UserFactory()
    wide = ExpressionWrapper(F("pk").bitor(1 << 59), output_field=BigIntegerField())

    assert User.objects.filter(pk=user.pk).annotate(wide=wide).get().wide == user.pk | (1 << 59)


@pytest.mark.django_db
def test_a_wide_value_written_through_an_expression_is_stored_whole():
    job = make_job(UserFactory(), hours_grid=1)

    Job.objects.filter(pk=job.pk).update(hours_grid=F("hours_grid").bitor(1 << 41))

    job.refresh_from_db()
    assert job.hours_grid == (1 << 41) | 1


@postgres_only
def test_postgresql_binds_parameters_on_the_server_with_pa_hubs_backend():
    assert connection.settings_dict["ENGINE"] == "pahub.core.postgresql"
    assert connection.settings_dict["OPTIONS"]["server_side_binding"] is True


@postgres_only
@pytest.mark.django_db
def test_a_statement_run_often_on_a_connection_is_prepared():
    """psycopg prepares what a connection runs `prepare_threshold` times; the server then
    lists it among the connection's prepared statements."""
    threshold = connection.settings_dict["OPTIONS"]["prepare_threshold"]
    assert threshold == int(os.environ.get("DATABASE_PREPARE_THRESHOLD") or 5)
    email = "prepared@example.org"
    for _ in range(threshold + 1):
        assert list(User.objects.filter(email=email).values_list("pk", flat=True)) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "accounts_user"' in statement for statement in prepared)


@pytest.mark.parametrize(
    ("value", "threshold"),
    [
        ("", 5),
        (" ", 5),
        ("0", 0),
        ("1", 1),
        ("12", 12),
        ("off", None),
        ("OFF", None),
        ("none", None),
    ],
)
def test_the_prepare_threshold_comes_from_the_environment(value, threshold):
    assert prepare_threshold(value) == threshold


@pytest.mark.parametrize("value", ["-1", "five", "2.5"])
def test_a_prepare_threshold_that_is_not_a_count_stops_start_up(value):
    with pytest.raises(ValueError):
        prepare_threshold(value)


@postgres_only
@pytest.mark.django_db
def test_a_value_too_large_for_its_column_is_refused_not_cut():
    """Sent as int8, an out-of-range number reaches the column as itself, and PostgreSQL
    refuses it, as it did when the values were written into the SQL."""
    job = make_job(UserFactory())

    with pytest.raises(DataError), transaction.atomic():
        Job.objects.filter(pk=job.pk).update(required_dbs_rank=F("required_dbs_rank") + 2**40)
