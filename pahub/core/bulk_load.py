"""Loading millions of rows fast, for `manage.py seed`: what `bulk_create` does, without the
cost of building an SQL statement per batch in Python.

`bulk_create` turns every value of every row into SQL through each field's methods and writes
one long ``INSERT ... VALUES (...), (...) RETURNING id`` per batch; at a seed of 200,000 PAs
(about nine million rows) that Python work was most of the time. `bulk_load` gives the
instances their primary keys first (from the table's own sequence), then hands plain tuples
to the driver: ``executemany`` of one prepared ``INSERT`` on SQLite, ``COPY ... FROM STDIN`` on
PostgreSQL. Only fields whose values the driver cannot take as they are (dates, decimals,
JSON) go through Django's conversion.

Like `bulk_create` it calls no ``save()`` and sends no signals; unlike it, it does not fill in
primary keys the caller set, and it must run inside a transaction (the ids it takes on SQLite
are only safe while the seed holds the write lock).
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, models

# Values of these fields go to the driver as they are: ints, strings, booleans and None.
# Exact classes: a subclass (an encrypted text field, say) may convert its values.
PLAIN_FIELDS = frozenset(
    {
        models.AutoField,
        models.BigAutoField,
        models.SmallAutoField,
        models.IntegerField,
        models.BigIntegerField,
        models.SmallIntegerField,
        models.PositiveIntegerField,
        models.PositiveBigIntegerField,
        models.PositiveSmallIntegerField,
        models.BooleanField,
        models.CharField,
        models.EmailField,
        models.SlugField,
        models.TextField,
    }
)
RELATIONS = frozenset({models.ForeignKey, models.OneToOneField})


def _converter(field: models.Field) -> Callable[[Any], Any] | None:
    """None when the attribute's value can go to the driver unchanged."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if type(target) in PLAIN_FIELDS and type(field) in PLAIN_FIELDS | RELATIONS:
        return None

    def convert(value: Any, field: models.Field = field) -> Any:
        return field.get_db_prep_save(value, connection)

    # Dates and aware moments are most of the values that need converting: done here as
    # Django's SQLite and PostgreSQL backends do it, without its chain of calls per value.
    if type(field) is models.DateTimeField:
        database_zone = connection.timezone
        postgresql = connection.vendor == "postgresql"

        def moment(value: Any) -> Any:
            if value is None or value.tzinfo is None:
                return convert(value)  # naive: Django warns and decides
            if postgresql:
                return value
            return str(value.astimezone(database_zone).replace(tzinfo=None))

        return moment
    if type(field) is models.DateField:
        return None if connection.vendor == "postgresql" else _date_text
    return convert


def _date_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new primary keys from the table's own sequence, as an insert would take them."""
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: AUTOINCREMENT never reuses an id, so start above both the largest id and
        # the largest ever handed out; the write lock the transaction holds keeps it ours.
        quoted = connection.ops.quote_name(table)
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT MAX({connection.ops.quote_name(column)}) "  # noqa: S608
            f"FROM {quoted}), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


def bulk_load(objs: Sequence[models.Model]) -> Sequence[models.Model]:
    """Insert these unsaved instances of one model, giving each its primary key."""
    if not objs:
        return objs
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_load must run inside a transaction.")
    model = type(objs[0])
    meta = model._meta
    fields = [field for field in meta.concrete_fields if not field.generated]
    stamped = [
        field
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    for field in stamped:
        for obj in objs:
            field.pre_save(obj, add=True)
    _copy_related_ids(objs, fields)
    for obj, pk in zip(objs, _reserve_ids(model, len(objs)), strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
    load_rows(model, [field.attname for field in fields], _rows(objs, fields))
    return objs


def _copy_related_ids(objs: Sequence[models.Model], fields: list[models.Field]) -> None:
    """A row made with ``evidence=evidence`` before that evidence had its id: take the id now,
    as `bulk_create` does (`Model._prepare_related_fields_for_save`)."""
    for field in fields:
        if not field.is_relation:
            continue
        attname, cache_name = field.attname, field.cache_name
        for obj in objs:
            if obj.__dict__.get(attname) is None:
                related = obj._state.fields_cache.get(cache_name)
                if related is not None:
                    obj.__dict__[attname] = related.pk


def _rows(objs: Iterable[models.Model], fields: list[models.Field]) -> Iterable[tuple]:
    attnames = [field.attname for field in fields]
    converters = [_converter(field) for field in fields]
    if not any(converters):
        for obj in objs:
            values = obj.__dict__
            yield tuple(values[name] for name in attnames)
        return
    pairs = list(zip(attnames, converters, strict=True))
    for obj in objs:
        values = obj.__dict__
        yield tuple(
            values[name] if convert is None else convert(values[name]) for name, convert in pairs
        )


def db_value(model: type[models.Model], attname: str, value: Any) -> Any:
    """`value` as the database takes it for this field: for a value shared by every row."""
    return model._meta.get_field(attname).get_db_prep_save(value, connection)


def load_rows(model: type[models.Model], attnames: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert rows given as tuples of database values, in the order of `attnames` (columns of
    `model`'s table); for rows that need no model instance at all, many-to-many rows say."""
    meta = model._meta
    columns = [meta.get_field(name).column if name != "pk" else meta.pk.column for name in attnames]
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        count = 0
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    raw = connection.connection  # the sqlite3 connection, inside Django's transaction
    placeholders = ", ".join("?" for _ in columns)
    cursor = raw.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({placeholders})",  # noqa: S608
        rows,
    )
    return cursor.rowcount


# SQLite's default page cache is 2 MB: a load that adds to a dozen indexes at once then reads
# and writes the same pages from disk over and over (the register's rows took 16 minutes at
# 200,000 PAs). 64 MB, whatever the load's size, for this connection only.
BULK_LOAD_CACHE_KIB = 64 * 1024


def prepare_for_bulk_load() -> None:
    """Settings for this connection while it loads millions of rows (SQLite only)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{BULK_LOAD_CACHE_KIB}")


def analyse_after_bulk_load() -> str:
    """Refresh the query planner's statistics for every table, as production would after a
    bulk load; returns the statement run. PostgreSQL's autovacuum would get there in a while
    (until then it plans for tables a tenth of their size); SQLite keeps statistics only when
    asked, and without them picks the wrong index for some queries at scale (the insights'
    vacancies with no match: 4.7 s a district instead of 0.24 s at 200,000 PAs). Outside a
    transaction; SQLite reads every row (analysis_limit 0), which its sampled statistics
    did not help."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit = 0")
        cursor.execute("ANALYZE")
    return "ANALYZE"
