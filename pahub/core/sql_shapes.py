"""Querysets run on every page whose SQL is built once per shape, then run with each
request's values.

Building a queryset with several subqueries costs Python time on every call (the header's
unread message count: some 4 ms a page, while PostgreSQL answers in a tenth of that). The
SQL depends only on the query's *shape* (which lookups, how many ids in an `IN`); the
values change with each person. So the queryset is built once per shape with stand-in ids
(large negative numbers no row or constant ever has), compiled, and on each call the
compiled parameters that were stand-ins are swapped for the real ids.

Only whole parameters are swapped: a stand-in must reach the SQL as a parameter of its own
(an id compared with `=` or listed in `IN`), never inside an expression Django folds into
the SQL text. `compile_shape` checks that every stand-in is among the parameters, so a
query shaped otherwise fails when first built, not silently later.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.db import connections
from django.db.models import QuerySet

# Far below any primary key or constant a query here uses.
_FIRST_STAND_IN = -7_300_000_000_000


def stand_ins(count: int, *, start: int = 0) -> list[int]:
    return [_FIRST_STAND_IN - start - index for index in range(count)]


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

    def fetchone(self, values: Sequence[int], *, wrap: str = "{}") -> tuple | None:
        with connections[self.database].cursor() as cursor:
            cursor.execute(wrap.format(self.sql), self.params_for(values))
            return cursor.fetchone()


def compile_shape(queryset: QuerySet, stand_in_ids: Sequence[int]) -> CompiledShape:
    """Compile a queryset built with `stand_in_ids` and note where each one went."""
    sql, params = queryset.query.sql_with_params()
    slots = tuple(_positions_of(stand_in, params) for stand_in in stand_in_ids)
    missing = [value for value, found in zip(stand_in_ids, slots, strict=True) if not found]
    if missing:
        raise ValueError(f"stand-in ids {missing} are not parameters of the compiled query")
    return CompiledShape(database=queryset.db, sql=sql, params=tuple(params), slots=slots)


def _positions_of(value: int, params: Sequence) -> tuple[int, ...]:
    return tuple(position for position, param in enumerate(params) if param == value)


def shape_cache(build: Callable[..., CompiledShape]) -> Callable[..., CompiledShape]:
    """One compiled query per shape and process; a handful of shapes in practice."""
    return lru_cache(maxsize=256)(build)
