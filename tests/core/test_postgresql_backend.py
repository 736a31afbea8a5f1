"""PA Hub's PostgreSQL backend (pahub/core/postgresql): parameters bound by the server, and
no integer sent narrower than its value. The expressions run on both databases."""

import pytest
from django.db import DataError, connection, transaction
from django.db.models import BigIntegerField, ExpressionWrapper, F
from psycopg.types import numeric

from pahub.accounts.models import User
from pahub.core.postgresql.base import widened
from pahub.jobs.models import Job
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
    # Prepared statements stay off, as in Django, so connection poolers keep working.
    assert connection.connection is None or connection.connection.prepare_threshold is None


@postgres_only
@pytest.mark.django_db
def test_a_value_too_large_for_its_column_is_refused_not_cut():
    """Sent as int8, an out-of-range number reaches the column as itself, and PostgreSQL
    refuses it, as it did when the values were written into the SQL."""
    job = make_job(UserFactory())

    with pytest.raises(DataError), transaction.atomic():
        Job.objects.filter(pk=job.pk).update(required_dbs_rank=F("required_dbs_rank") + 2**40)
