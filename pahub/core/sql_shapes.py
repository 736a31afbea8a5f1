"""Querysets run on every page whose SQL is built once per shape, then run with each
request's values.

Building a queryset with several subqueries costs Python time on every call (the header's
unread message count: some 4 ms a page, while PostgreSQL answers in a tenth of that). The
SQL depends only on the query's *shape* (which lookups, how many ids in an `IN`); the
values change with each person. So the queryset is built once per shape with stand-in ids
(large negative numbers no row or constant ever has), compiled, and on each call the
compiled parameters that were stand-ins are swapped for the real ids.

Only whole parameters are swapped: a stand-in must reach the SQL as a parameter of its own
(an id compared with `=` or listed in `IN`, a day compared with `>=`), never inside an
expression Django folds into the SQL text. `compile_shape` checks that every stand-in is
among the parameters, so a query shaped otherwise fails when first built, not silently later.

A list of ids of any length is one shape per size in `ID_LIST_SIZES` (`padded_ids`): the
ids are padded with the first of them, which an `IN` list may hold twice.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connections
from django.db.models import QuerySet

# Far below any primary key or constant a query here uses.
_FIRST_STAND_IN = -7_300_000_000_000
# A day no query here compares with: the stand-in for "today".
STAND_IN_DAY = date(1, 1, 2)
# The sizes a list of ids is padded to: a handful of shapes, none more than twice the list.
ID_LIST_SIZES = (8, 16, 32, 64, 128, 256, 512)


def stand_ins(count: int, *, start: int = 0) -> list[int]:
    return [_FIRST_STAND_IN - start - index for index in range(count)]


def padded_size(count: int) -> int | None:
    """The size a list of `count` ids is padded to; None when it is longer than any."""
    return next((size for size in ID_LIST_SIZES if size >= count), None)


def padded_ids(ids: Sequence[int], size: int) -> list[int]:
    """`ids` made `size` long with copies of the first (the same `IN` list, as a set)."""
    return [*ids, *([ids[0]] * (size - len(ids)))]


def day_value(day: date, database: str = "default") -> object:
    """A day as the database's parameters hold it (SQLite's are text), for a stand-in day."""
    return connections[database].ops.adapt_datefield_value(day)


@dataclass(frozen=True)
class CompiledShape:
    database: str
    sql: str
    params: tuple
    # The positions in `params` of each stand-in, in the order the real ids will be given.
    slots: tuple[tuple[int, ...], ...]

    def params_for(self, values: Sequence[int]) -> list:
        params = list(self.params)
        for positions, value in zip(self.slots, values, strict=True):
            for position in positions:
                params[position] = value
        return params

    def fetchone(self, values: Sequence[object], *, wrap: str = "{}") -> tuple | None:
        with connections[self.database].cursor() as cursor:
            cursor.execute(wrap.format(self.sql), self.params_for(values))
            return cursor.fetchone()

    def fetchall(self, values: Sequence[object]) -> list[tuple]:
        with connections[self.database].cursor() as cursor:
            cursor.execute(self.sql, self.params_for(values))
            return cursor.fetchall()


def compile_shape(queryset: QuerySet, stand_in_values: Sequence[object]) -> CompiledShape:
    """Compile a queryset built with `stand_in_values` (stand-in ids, or `day_value` of
    `STAND_IN_DAY`) and note where each one went."""
    sql, params = queryset.query.sql_with_params()
    slots = tuple(_positions_of(stand_in, params) for stand_in in stand_in_values)
    missing = [value for value, found in zip(stand_in_values, slots, strict=True) if not found]
    if missing:
        raise ValueError(f"stand-ins {missing} are not parameters of the compiled query")
    return CompiledShape(database=queryset.db, sql=sql, params=tuple(params), slots=slots)


def _positions_of(value: object, params: Sequence) -> tuple[int, ...]:
    # Same type as well as equal: a stand-in id never matches a boolean or a float.
    return tuple(
        position
        for position, param in enumerate(params)
        if type(param) is type(value) and param == value
    )


def shape_cache(build: Callable[..., CompiledShape]) -> Callable[..., CompiledShape]:
    """One compiled query per shape and process; a handful of shapes in practice."""
    return lru_cache(maxsize=256)(build)
