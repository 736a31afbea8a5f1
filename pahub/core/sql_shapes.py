"""Querysets run on every page whose SQL is built once per shape, then run with each
request's values.

Building a queryset with several subqueries costs Python time on every call (the header's
unread message count: some 4 ms a page, while PostgreSQL answers in a tenth of that). The
SQL depends only on the query's *shape* (which lookups, how many ids in an `IN`); the
values change with each person. So the queryset is built once per shape with placeholder
values (large negative numbers no row or constant ever has), compiled, and the compiled
parameters are swapped for the real values on each call.

Only whole-parameter values are swapped: a placeholder must reach the SQL as a parameter of
its own (an id compared with `=` or listed in `IN`), never inside an expression Django
folds into the SQL text. `ShapeTemplate` checks that every placeholder appears among the
parameters, so a query shaped otherwise fails loudly when first built, not silently later.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.db import connections
from django.db.models import QuerySet

# Far below any primary key or constant a query here uses.
_FIRST_PLACEHOLDER = -7_300_000_000_000


def placeholders(count: int, *, start: int = 0) -> list[int]:
    return [_FIRST_PLACEHOLDER - start - index for index in range(count)]


@dataclass(frozen=True)
class CompiledShape:
    database: str
    sql: str
    params: tuple
    # Where in `params` each placeholder sits, in the order the values will be given.
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


def compile_shape(queryset: QuerySet, placeholder_values: Sequence[int]) -> CompiledShape:
    """Compile a queryset built with `placeholder_values` and note where each one went."""
    sql, params = queryset.query.sql_with_params()
    slots = tuple(
        tuple(position for position, param in enumerate(params) if param == placeholder)
        for placeholder in placeholder_values
    )
    missing = [value for value, found in zip(placeholder_values, slots, strict=True) if not found]
    if missing:
        raise ValueError(f"placeholders {missing} are not parameters of the compiled query")
    return CompiledShape(database=queryset.db, sql=sql, params=tuple(params), slots=slots)


def shape_cache(build: Callable[..., CompiledShape]) -> Callable[..., CompiledShape]:
    """One compiled query per shape and process; a handful of shapes in practice."""
    return lru_cache(maxsize=256)(build)
