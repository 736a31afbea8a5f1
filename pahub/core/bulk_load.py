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

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from operator import itemgetter
from typing import Any

from django.db import connection, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.base import ModelState
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

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


class _Recipe:
    """What `build` needs to know about a model, worked out once."""

    def __init__(self, model: type[models.Model]):
        meta = model._meta
        # The values Model.__init__ gives fields it is not given: fixed ones once, the rest
        # (callable defaults like timezone.now or dict, database defaults) per instance.
        self.fixed: dict[str, Any] = {}
        self.made: list[tuple[str, Callable[[], Any]]] = []
        # Keywords that are plain attributes: stored as they are, as Model.__init__ would.
        self.plain: set[str] = set()
        # Keywords that go through their descriptor: a related instance given by its name
        # (cached, its id copied), a field whose descriptor converts what it is given.
        self.described: set[str] = set(meta._property_names)
        for field in meta.fields:
            if field.column is None or field.generated:
                continue
            if (field.has_default() and callable(field.default)) or field.has_db_default():
                self.made.append((field.attname, field.get_default))
            else:
                self.fixed[field.attname] = field.get_default()
            if type(model.__dict__.get(field.attname)) in _PLAIN_DESCRIPTORS:
                self.plain.add(field.attname)
            else:
                self.described.add(field.attname)
            if field.is_relation:
                self.described.add(field.name)
        self.plain.discard("pk")
        self.described.add("pk")


# Descriptors that do no more than Model.__init__'s setattr of a new instance's value: the
# instance's __dict__ holds it. (ForeignKeyDeferredAttribute also forgets a cached related
# object, and a new instance has none.)
_PLAIN_DESCRIPTORS = frozenset(
    {DeferredAttribute, models.fields.related_descriptors.ForeignKeyDeferredAttribute}
)


@cache
def _recipe(model: type[models.Model]) -> _Recipe:
    return _Recipe(model)


def build[M: models.Model](model: type[M], /, **values: Any) -> M:
    """``model(**values)`` without ``Model.__init__``: the same unsaved instance, with the
    same ``__dict__``, in a fifth of the time.

    ``Model.__init__`` walks every field, asks each for its default and sets each value
    through its descriptor; a seed of 200,000 PAs makes some ten million instances, and that
    walk was a third of its time. Here the defaults a model's fields can share are worked out
    once, and the given values go straight into the instance's ``__dict__`` unless their
    descriptor does more (a related instance given by name, a file). A model that someone
    listens to (``pre_init``/``post_init``) is built the ordinary way.
    """
    if (pre_init.receivers or post_init.receivers) and (
        pre_init.has_listeners(model) or post_init.has_listeners(model)
    ):
        return model(**values)
    recipe = _recipe(model)
    obj = model.__new__(model)
    obj._state = ModelState()
    attributes = obj.__dict__
    attributes.update(recipe.fixed)
    for attname, make in recipe.made:
        if attname not in values:
            attributes[attname] = make()
    described = []
    for name, value in values.items():
        if name in recipe.plain:
            attributes[name] = value
        elif name in recipe.described:
            described.append((name, value))
        else:
            raise TypeError(f"{model.__name__}() got an unexpected keyword argument {name!r}")
    for name, value in described:
        setattr(obj, name, value)
    return obj


def _converter(field: models.Field, database: BaseDatabaseWrapper) -> Callable[[Any], Any] | None:
    """None when the attribute's value can go to the driver unchanged. `database` is the
    connection itself, not the `django.db.connection` proxy, which costs a thread-local look-up
    on every use (a third of the time of a conversion)."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if type(target) in PLAIN_FIELDS and type(field) in PLAIN_FIELDS | RELATIONS:
        return None

    def convert(value: Any, prepare: Callable[..., Any] = field.get_db_prep_save) -> Any:
        return prepare(value, database)

    # Dates and aware moments are most of the values that need converting: done here as
    # Django's SQLite and PostgreSQL backends do it, without its chain of calls per value.
    if type(field) is models.DateTimeField:
        database_zone = database.timezone
        postgresql = database.vendor == "postgresql"

        if postgresql:

            def moment(value: Any) -> Any:
                if value is None or value.tzinfo is None:
                    return convert(value)  # naive: Django warns and decides
                return value

            return moment
        # SQLite takes text; a batch's rows share many moments (checks at 11:00 on a day).
        texts: dict[datetime, str] = {}

        def moment_text(value: Any) -> Any:
            if value is None or value.tzinfo is None:
                return convert(value)  # naive: Django warns and decides
            text = texts.get(value)
            if text is None:
                text = texts[value] = str(value.astimezone(database_zone).replace(tzinfo=None))
            return text

        return moment_text
    if type(field) is models.DateField:
        return None if database.vendor == "postgresql" else _date_text
    if type(field) is models.JSONField:
        # Rows may share one JSON value (every passing quiz attempt's answers, say): it is
        # converted once, and kept with the value so that a reused id() is never mistaken.
        made: dict[int, tuple[Any, Any]] = {}

        def json_value(value: Any) -> Any:
            kept = made.get(id(value))
            if kept is None or kept[0] is not value:
                kept = made[id(value)] = (value, convert(value))
            return kept[1]

        return json_value
    return convert


def _date_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new primary keys from the table's own sequence, as an insert would take them."""
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The sequence is looked up once (MATERIALIZED), not once a row: inline, the
            # catalogue look-up took six times as long as nextval itself (3.9 µs an id; at
            # 200,000 PAs some ten million ids, half a minute of the seed).
            cursor.execute(
                "WITH sequence AS MATERIALIZED "
                "(SELECT pg_get_serial_sequence(%s, %s)::regclass AS name) "
                "SELECT nextval(sequence.name) FROM sequence, generate_series(1, %s)",
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
    alias = connection.alias
    # The primary key straight into __dict__, as `obj.pk = pk` sets it when no parent model's
    # key must follow (multi-table inheritance, where `pk` is still used).
    pk_attname = None if meta.parents else meta.pk.attname
    for obj, pk in zip(objs, _reserve_ids(model, len(objs)), strict=True):
        if pk_attname is None:
            obj.pk = pk
        else:
            obj.__dict__[pk_attname] = pk
        state = obj._state
        state.adding = False
        state.db = alias
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
    # One C call takes a row's values out of an instance's __dict__; only the values that need
    # converting are then looked at one by one.
    values_of = itemgetter(*(field.attname for field in fields))
    database = connections[connection.alias]
    converting = [
        (index, convert)
        for index, field in enumerate(fields)
        if (convert := _converter(field, database)) is not None
    ]
    if len(fields) == 1:
        rows = ((values_of(obj.__dict__),) for obj in objs)
    else:
        rows = (values_of(obj.__dict__) for obj in objs)
    if not converting:
        yield from rows
        return
    for values in rows:
        row = list(values)
        for index, convert in converting:
            row[index] = convert(row[index])
        yield row


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


# While it bulk loads, the seed's connection does not wait for the disk at each commit and
# checkpoint (synchronous OFF: a crash mid-seed can lose the seed, which is run again anyway)
# and keeps temporary b-trees (sorting, an index's build) in memory.
BULK_LOAD_PRAGMAS = {"synchronous": "OFF", "temp_store": "MEMORY"}


def prepare_for_bulk_load() -> dict[str, str]:
    """Settings for this connection while it loads millions of rows (SQLite only); returns
    the settings they replaced, for `finish_bulk_load`. Outside a transaction: SQLite does not
    change `synchronous` inside one (a test's, say), where only the cache is enlarged."""
    if connection.vendor != "sqlite":
        return {}
    replaced = {}
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA cache_size = -{BULK_LOAD_CACHE_KIB}")
        if connection.in_atomic_block:
            return replaced
        for name, value in BULK_LOAD_PRAGMAS.items():
            cursor.execute(f"PRAGMA {name}")
            replaced[name] = str(cursor.fetchone()[0])
            cursor.execute(f"PRAGMA {name} = {value}")
    return replaced


def finish_bulk_load(replaced: dict[str, str]) -> None:
    """Put back the settings `prepare_for_bulk_load` replaced (outside a transaction)."""
    if not replaced:
        return
    with connection.cursor() as cursor:
        for name, value in replaced.items():
            cursor.execute(f"PRAGMA {name} = {int(value)}")


@contextmanager
def foreign_keys_checked_once(models_loaded: Iterable[type[models.Model]]) -> Iterator[None]:
    """On PostgreSQL, check the foreign keys of these models' tables once, when the load is
    done, rather than row by row at commit.

    Django makes every foreign key DEFERRABLE INITIALLY DEFERRED, so each row loaded queues a
    check (a look-up of its parent row, which it also locks) that runs at commit: millions of
    them, one by one, with the seed waiting (the learning's commit took 80 s at 200,000 PAs).
    Here the tables' foreign keys are dropped inside the load's transaction and added back
    with the same names and definitions before it commits; adding one checks every row with
    a single join. The schema is the same afterwards, and if the load fails the transaction
    rolls the dropped keys back too. While it runs the tables (and those they point at) are
    locked against other sessions: a seed is a bulk load, not something run beside users.

    Only when this transaction is the load's own (its outermost atomic block): inside a
    test's transaction, or on SQLite, rows are checked as usual.
    """
    if connection.vendor != "postgresql" or len(connection.atomic_blocks) != 1:
        yield
        return
    tables = sorted({model._meta.db_table for model in models_loaded})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) "
            "ORDER BY 1, 2",
            [tables],
        )
        keys = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(
                f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
            )


@contextmanager
def indexes_built_after_the_load(models_loaded: Iterable[type[models.Model]]) -> Iterator[None]:
    """Build the secondary indexes of these models' tables once the load is done, rather than
    add each row to each of them as it goes in.

    The register's and the learning's tables carry two to eight indexes each besides their
    keys (a search index on profiles' names on PostgreSQL); a row loaded goes into each, at a
    random place once the tables outgrow the cache. Here the indexes that are neither a
    primary key nor unique (those keep checking as rows go in) are dropped inside the load's
    transaction and made again from their own definitions before it commits, each by one
    sort of the table. The schema is the same afterwards; if the load fails, the transaction
    rolls the dropped indexes back. Only when this transaction is the load's own (see
    `foreign_keys_checked_once`). On PostgreSQL a table whose rows still wait for their
    deferred foreign key checks cannot be indexed: use `bulk_loading_into`, which drops the
    foreign keys first.
    """
    if len(connection.atomic_blocks) != 1:
        yield
        return
    tables = sorted({model._meta.db_table for model in models_loaded})
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
                "WHERE indrelid = ANY(%s::regclass[]) AND NOT indisunique AND NOT indisprimary "
                "ORDER BY 1",
                [tables],
            )
            indexes = cursor.fetchall()
        else:
            placeholders = ", ".join(["%s"] * len(tables))
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "  # noqa: S608
                f"AND sql NOT LIKE 'CREATE UNIQUE %%' AND tbl_name IN ({placeholders}) "
                "ORDER BY name",
                tables,
            )
            indexes = [(connection.ops.quote_name(name), sql) for name, sql in cursor.fetchall()]
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)


@contextmanager
def bulk_loading_into(models_loaded: Sequence[type[models.Model]]) -> Iterator[None]:
    """Inside the load's own transaction: foreign keys checked once and secondary indexes
    built once, both when the load is done (see the two helpers)."""
    with foreign_keys_checked_once(models_loaded), indexes_built_after_the_load(models_loaded):
        yield


def analyse_tables(tables: Iterable[str]) -> None:
    """On PostgreSQL, refresh the planner's statistics for these tables after a bulk load:
    VACUUM ANALYZE, which also marks the new rows all-visible for index-only scans, or only
    ANALYZE inside a transaction (a test's, say), where VACUUM cannot run. Nothing on SQLite,
    whose plans for the seed's steps did not need statistics."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


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
