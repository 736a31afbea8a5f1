"""Django's PostgreSQL backend, with one change to how integers are sent.

With `server_side_binding` (settings.py), psycopg sends each parameter in binary with the
type Django gives it, and Django gives a Python int in an expression the type of its field:
`F("skills_mask").bitor(1 << 59)` sends `1 << 59` as an IntegerField's 4-byte int4, which
psycopg's C dumper truncates without an error. The bit was lost and the update matched
(tests/matching/test_beyond_the_masks.py). Here an integer too large for its field's type is
sent as int8, as client-side binding wrote it, so PostgreSQL itself says "integer out of
range" where a column cannot hold it, and a bitmask keeps every bit.
"""

from django.db.backends.postgresql import base, operations
from psycopg.types import numeric

# The largest value each of Django's narrow integer types holds.
LARGEST = {numeric.Int2: 2**15 - 1, numeric.Int4: 2**31 - 1}


def widened(adapted: object, value: int) -> object:
    """`adapted` (Django's typed integer), or the value as int8 when it does not fit."""
    largest = LARGEST.get(type(adapted))
    if largest is not None and not -largest - 1 <= value <= largest:
        return numeric.Int8(value)
    return adapted


class DatabaseOperations(operations.DatabaseOperations):
    def adapt_integerfield_value(self, value, internal_type):
        adapted = super().adapt_integerfield_value(value, internal_type)
        if value is None or hasattr(value, "resolve_expression"):
            return adapted
        return widened(adapted, int(value))


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
