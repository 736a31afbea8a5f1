"""Database triggers that write `PoolChange` rows, for SQLite and PostgreSQL.

`install(schema_editor, watched)` and `remove(schema_editor, watched)` are called by
migrations (the matching app's own for the register's tables; the jobs app's for jobs). Each
inserted, updated or deleted row is recorded as a change of the owner named by a column of
that row (`object_column`), so a profile's languages or chosen areas record the profile
itself. `only_when` limits an UPDATE trigger to a change of one column.

Why triggers rather than signals: the pool must see every write, and the seed's COPY, the
masks' `UPDATE ... SET skills_mask = ...` and `QuerySet.update()` send no signal.

On PostgreSQL a trigger fires once a statement, not once a row: it reads the statement's rows
from their transition table (`new_rows`, or `old_rows` for a delete) and records them all in
one `INSERT ... SELECT`. Once a row, the function turned each whole row into JSON to find its
column and ran an insert of its own: some 45 microseconds a row, fourteen times the cost of
the insert it watched, and the seed's COPYs and mask updates fire it about a million times
at 200,000 PAs. The same rows are recorded either way. A trigger that watches one column
(`only_when`) stays a row's: it compares the row's old and new value, which a statement's
transition tables do not pair up. SQLite has row triggers only.
"""

from collections.abc import Iterable
from dataclasses import dataclass

POSTGRES_FUNCTION = "matching_record_change"
POSTGRES_STATEMENT_FUNCTION = "matching_record_changes"


@dataclass(frozen=True)
class Watched:
    name: str  # short and unique: the triggers are named after it
    table: str
    kind: str  # a PoolChange.Kind value
    object_column: str
    only_when: str = ""  # a column: UPDATE only records a change of it (and no INSERT/DELETE)


def install(schema_editor, watched: Iterable[Watched]) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION_SQL)
        schema_editor.execute(POSTGRES_STATEMENT_FUNCTION_SQL)
    for item in watched:
        for statement in _create_statements(vendor, item):
            schema_editor.execute(statement)


def remove(schema_editor, watched: Iterable[Watched]) -> None:
    vendor = schema_editor.connection.vendor
    for item in watched:
        for trigger, _event in _trigger_names(item):
            if vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {item.table}")
            else:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")


# The changed row as JSON, so one function serves every table and column.
POSTGRES_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION matching_record_change() RETURNS trigger AS $$
DECLARE
    changed jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := to_jsonb(OLD);
    ELSE
        changed := to_jsonb(NEW);
    END IF;
    INSERT INTO matching_poolchange (kind, object_id, changed_at)
    VALUES (TG_ARGV[0], (changed ->> TG_ARGV[1])::bigint, now());
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""

# Every row of the statement at once, from its transition table. The arguments come from the
# migrations' own constants and are quoted all the same: quote_literal for the kind,
# quote_ident for the column. The SQL holds no percent sign, which the driver would read as
# the start of a placeholder.
POSTGRES_STATEMENT_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION matching_record_changes() RETURNS trigger AS $$
BEGIN
    EXECUTE 'INSERT INTO matching_poolchange (kind, object_id, changed_at) SELECT '
        || quote_literal(TG_ARGV[0]) || ', (' || quote_ident(TG_ARGV[1]) || ')::bigint, now() '
        || 'FROM ' || CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def _trigger_names(item: Watched) -> list[tuple[str, str]]:
    if item.only_when:
        return [(f"matching_change_{item.name}_update", "UPDATE")]
    return [
        (f"matching_change_{item.name}_{event.lower()}", event)
        for event in ("INSERT", "UPDATE", "DELETE")
    ]


def _create_statements(vendor: str, item: Watched) -> list[str]:
    statements = []
    for trigger, event in _trigger_names(item):
        row = "OLD" if event == "DELETE" else "NEW"
        if vendor == "postgresql" and item.only_when:
            statements.append(
                f"CREATE TRIGGER {trigger} AFTER {event} ON {item.table} FOR EACH ROW "
                f"WHEN (OLD.{item.only_when} IS DISTINCT FROM NEW.{item.only_when}) "
                f"EXECUTE FUNCTION {POSTGRES_FUNCTION}('{item.kind}', '{item.object_column}')"
            )
        elif vendor == "postgresql":
            statements.append(
                f"CREATE TRIGGER {trigger} AFTER {event} ON {item.table} "
                f"REFERENCING {row} TABLE AS {row.lower()}_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {POSTGRES_STATEMENT_FUNCTION}"
                f"('{item.kind}', '{item.object_column}')"
            )
        else:
            when = (
                f"WHEN OLD.{item.only_when} IS NOT NEW.{item.only_when}" if item.only_when else ""
            )
            # Names and columns come from the migrations' own constants, never from input.
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {trigger} AFTER {event} ON {item.table} "  # noqa: S608
                f"FOR EACH ROW {when} BEGIN "
                "INSERT INTO matching_poolchange (kind, object_id, changed_at) "
                f"VALUES ('{item.kind}', {row}.{item.object_column}, "
                "strftime('%Y-%m-%d %H:%M:%f', 'now')); END"
            )
    return statements
