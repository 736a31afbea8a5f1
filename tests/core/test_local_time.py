"""`pahub.core.local_time`: the same months, days, hours and dates as Django's Trunc functions
on every database, at the edges that matter (midnight, the clocks changing, the end of a
month, fractions of a second, no value), and computed by SQLite itself where it can."""

import os
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.models import DateField, DateTimeField, ExpressionWrapper, F, Value
from django.db.models.functions import TruncDate, TruncDay, TruncHour, TruncMonth
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pahub.core.local_time import (
    LocalDate,
    LocalDay,
    LocalHour,
    LocalMonth,
    sqlite_localtime_agrees,
)
from pahub.core.models import OutgoingEmail

PAIRS = {
    "month": (LocalMonth, TruncMonth),
    "day": (LocalDay, TruncDay),
    "hour": (LocalHour, TruncHour),
    "date": (LocalDate, TruncDate),
}

# UTC instants around London's changes of the clocks in 2026 (29 March and 25 October, at
# 01:00 UTC), midnights either side of British Summer Time, and the ends of months.
INSTANTS = [
    datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, 0, tzinfo=UTC),
    datetime(2026, 3, 31, 23, 30, tzinfo=UTC),  # 1 April in London
    datetime(2026, 6, 30, 22, 59, 59, 999999, tzinfo=UTC),
    datetime(2026, 6, 30, 23, 0, 0, 1, tzinfo=UTC),  # 1 July in London
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 01:30 BST
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 01:30 GMT, the hour that comes twice
    datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),
    datetime(2027, 1, 1, 0, 0, tzinfo=UTC),
    datetime(2024, 2, 29, 23, 15, 30, 250000, tzinfo=UTC),
]


@pytest.fixture
def emails(db) -> list[OutgoingEmail]:
    made = [OutgoingEmail.objects.create(subject=f"Email {n}") for n in range(len(INSTANTS) + 1)]
    for email, instant in zip(made, INSTANTS, strict=False):
        OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=instant)
    return made  # the last has no sent_at


def results(function, **kwargs) -> list:
    rows = OutgoingEmail.objects.annotate(value=function("sent_at", **kwargs)).order_by("pk")
    return list(rows.values_list("value", flat=True))


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_the_same_as_djangos_own(emails, kind):
    local, django_own = PAIRS[kind]
    assert results(local) == results(django_own)
    assert results(local)[-1] is None


@pytest.mark.parametrize("kind", ["month", "day"])
def test_a_date_result_from_a_datetime_is_the_same(emails, kind):
    local, django_own = PAIRS[kind]
    ours = results(local, output_field=DateField())
    assert ours == results(django_own, output_field=DateField())
    assert all(isinstance(value, date) for value in ours[:-1])


def test_the_dates_are_londons(emails):
    assert results(LocalDate)[:5] == [
        date(2026, 3, 29),
        date(2026, 3, 29),
        date(2026, 4, 1),
        date(2026, 6, 30),
        date(2026, 7, 1),
    ]
    months = results(LocalMonth)
    assert months[2] == timezone.make_aware(datetime(2026, 4, 1))
    assert months[8] == timezone.make_aware(datetime(2027, 1, 1))


def test_a_date_column_is_truncated_without_a_time_zone(db):
    OutgoingEmail.objects.create(subject="One")
    for day in (date(2026, 3, 1), date(2026, 10, 31), date(2024, 2, 29)):
        value = Value(day, output_field=DateField())
        rows = OutgoingEmail.objects.annotate(ours=LocalMonth(value), django_own=TruncMonth(value))
        ours, django_own = rows.values_list("ours", "django_own").get()
        assert ours == django_own == day.replace(day=1)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own functions")
def test_sqlite_computes_it_without_a_python_function(emails):
    for local, _ in PAIRS.values():
        with CaptureQueriesContext(connection) as queries:
            results(local)
        assert "django_" not in queries[0]["sql"]
        assert "localtime" in queries[0]["sql"]


def test_a_query_with_parameters_is_logged_and_run(emails):
    # The query log puts the parameters into the SQL with Python's %: a literal % must be
    # written %% (DEBUG and the tests' query counts both log).
    with CaptureQueriesContext(connection) as queries:
        rows = OutgoingEmail.objects.filter(subject__startswith="Email").annotate(
            month=LocalMonth("sent_at", output_field=DateField())
        )
        months = list(rows.values_list("month", flat=True).order_by("pk"))
    assert months[2] == date(2026, 4, 1)
    assert "Email" in queries[0]["sql"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own functions")
def test_another_time_zone_falls_back_to_djangos_way(emails):
    with timezone.override("America/New_York"):
        for local, django_own in PAIRS.values():
            with CaptureQueriesContext(connection) as queries:
                ours = results(local)
            assert "django_" in queries[0]["sql"]
            assert ours == results(django_own)


def test_a_time_zone_given_by_name_gives_djangos_result(emails):
    tokyo = ZoneInfo("Asia/Tokyo")
    for local, django_own in PAIRS.values():
        assert results(local, tzinfo=tokyo) == results(django_own, tzinfo=tokyo)


def test_an_expression_not_a_column(emails):
    later = ExpressionWrapper(F("sent_at") + timedelta(hours=2), output_field=DateTimeField())
    rows = OutgoingEmail.objects.annotate(ours=LocalDate(later), django_own=TruncDate(later))
    pairs = list(rows.order_by("pk").values_list("ours", "django_own"))
    assert [ours for ours, _ in pairs] == [django_own for _, django_own in pairs]
    assert pairs[3][0] == date(2026, 7, 1)  # 22:59:59.999999 UTC on 30 June, two hours on


@pytest.fixture
def no_zone_files(monkeypatch, tmp_path):
    """The C library with no time zone files (as in a slim container): it converts as UTC."""
    zone = os.environ["TZ"]
    monkeypatch.setenv("TZDIR", str(tmp_path))
    reload_zone(zone)
    yield
    monkeypatch.undo()
    reload_zone(zone)


def reload_zone(zone: str) -> None:
    # The C library reads the zone's file again only when TZ itself changes.
    os.environ["TZ"] = "UTC"
    time.tzset()
    os.environ["TZ"] = zone
    time.tzset()


def test_sqlite_agreeing_with_zoneinfo_is_checked(no_zone_files):
    check = sqlite_localtime_agrees.__wrapped__
    assert not check("Europe/London", "Europe/London")
    assert not check("Europe/London", "Asia/Tokyo")


def test_sqlite_agrees_on_this_machine():
    assert sqlite_localtime_agrees("Europe/London", os.environ["TZ"])
