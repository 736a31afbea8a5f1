"""Months, days, hours and dates in the site's time zone, for counts grouped by them.

`LocalMonth`, `LocalDay`, `LocalHour` and `LocalDate` are Django's `TruncMonth`, `TruncDay`,
`TruncHour` and `TruncDate`, with the same results, on every database. On PostgreSQL they are
Django's. On SQLite Django computes them with a Python function called for every row
(`django_datetime_trunc`, which parses the text and converts it with zoneinfo); the insights
refresh spent most of its time there (the equality and workforce counts, 13 and 16 s at
200,000 PAs). Here SQLite computes them itself with its `localtime` modifier instead:

- SQLite's `localtime` converts with the C library's time zone, which Django sets from
  `TIME_ZONE` when it starts (`TZ` and `time.tzset()`);
- so the native way is used only when the time zone asked for is that one, the database
  keeps UTC, and SQLite's conversion has been checked to agree with zoneinfo for this zone
  (a machine without the system's time zone files would quietly convert as UTC);
- otherwise, and for kinds not listed here, Django's own way is used.
"""

import os
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import DateField, DateTimeField
from django.db.models.functions import TruncDate, TruncDay, TruncHour, TruncMonth

# strftime formats giving exactly the text Django's SQLite functions give for each kind.
DATETIME_FORMATS = {
    "month": "%Y-%m-01 00:00:00",
    "day": "%Y-%m-%d 00:00:00",
    "hour": "%Y-%m-%d %H:00:00",
}
DATE_FORMATS = {"month": "%Y-%m-01", "day": "%Y-%m-%d", "date": "%Y-%m-%d"}
# The instants SQLite's conversion is checked at: noon and midnight UTC on the 1st and the
# 15th of each month, this year and next (both sides of every change of the clocks).
CHECKED_YEARS = 2


def _instants_to_check() -> list[datetime]:
    this_year = datetime.now(UTC).year
    return [
        datetime(year, month, day, hour, tzinfo=UTC)
        for year in range(this_year, this_year + CHECKED_YEARS)
        for month in range(1, 13)
        for day in (1, 15)
        for hour in (0, 12)
    ]


@cache
def sqlite_localtime_agrees(zone: str, process_zone: str | None) -> bool:
    """Whether SQLite's `localtime` gives zoneinfo's local time for `zone` (checked once a
    process for each zone; `process_zone` is the C library's, part of the key only)."""
    if zone != process_zone or not hasattr(time, "tzset"):
        return False
    instants = _instants_to_check()
    with closing(sqlite3.connect(":memory:")) as database:
        rows = database.execute(
            "SELECT "
            + ", ".join(["strftime('%Y-%m-%d %H:%M:%S', ?, 'localtime')"] * len(instants)),
            [instant.strftime("%Y-%m-%d %H:%M:%S") for instant in instants],
        ).fetchone()
    expected = [
        instant.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S") for instant in instants
    ]
    return list(rows) == expected


class SQLiteNatively:
    """The mixin: the SQL SQLite computes itself, when that gives Django's result."""

    def as_sqlite(self, compiler, connection, **extra_context):
        native = self._native_sqlite(compiler, connection)
        return native if native is not None else self.as_sql(compiler, connection)

    def _native_sqlite(self, compiler, connection):
        formats = DATETIME_FORMATS if isinstance(self.output_field, DateTimeField) else None
        if formats is None and isinstance(self.output_field, DateField):
            formats = DATE_FORMATS
        text_format = (formats or {}).get(self.kind)
        if text_format is None:
            return None
        if isinstance(self.lhs.output_field, DateTimeField):
            if not self._converts_natively(connection):
                return None
            # Whole seconds: SQLite rounds a time to the millisecond, so 23:59:59.9996 or
            # later would become the next day.
            column, modifier = "substr({}, 1, 19)", ", 'localtime'"
        elif isinstance(self.lhs.output_field, DateField):
            column, modifier = "{}", ""  # a date has no time zone, as in Django's own
        else:
            return None
        sql, params = compiler.compile(self.lhs)
        # '%%' as Django writes a literal '%' (its SQLite cursor and its query log turn it
        # back into one).
        text_format = text_format.replace("%", "%%")
        return f"strftime('{text_format}', {column.format(sql)}{modifier})", params

    def _converts_natively(self, connection) -> bool:
        """Stored in UTC, converted into the process's own zone, and SQLite agrees."""
        if not settings.USE_TZ or connection.timezone_name != "UTC":
            return False
        return sqlite_localtime_agrees(self.get_tzname(), os.environ.get("TZ"))


class LocalMonth(SQLiteNatively, TruncMonth):
    """`TruncMonth`: the first of the month, in the site's time zone."""


class LocalDay(SQLiteNatively, TruncDay):
    """`TruncDay`: midnight at the start of the day, in the site's time zone."""


class LocalHour(SQLiteNatively, TruncHour):
    """`TruncHour`: the start of the hour, in the site's time zone."""


class LocalDate(SQLiteNatively, TruncDate):
    """`TruncDate`: the date, in the site's time zone."""
