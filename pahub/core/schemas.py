"""The base of every API input schema, so each operation refuses bad input with a 4xx, never a
server error, by the same rules the forms use.

- Every string in an input (nested schemas and lists too) follows `core.text_rules`: no
  control characters, no text-direction overrides, and one line only unless the field is
  named in `multiline_fields` (a description, a message). A NUL byte would otherwise reach
  PostgreSQL, which refuses it with a 500, even in a search.
- `RecordId` and `MAX_ID` bound ids, and `MAX_OFFSET` bounds offsets, so SQLite never
  overflows on a 20-digit id.

A refused value is a pydantic error, so the API answers 400 naming the field (`core.api_errors`).
"""

from typing import Annotated, Any, ClassVar

from ninja import Field, Schema
from pydantic import ValidationInfo, field_validator

from pahub.core.text_rules import check_text

# Ids beyond a 64-bit integer cannot exist.
MAX_ID = 2**63 - 1
# Far beyond any list, and far from the 64-bit limit once a page size is added.
MAX_OFFSET = 1_000_000_000

RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]


def check_strings(value: Any, *, one_line: bool) -> Any:
    """Check every string in `value`, however nested in lists and dicts."""
    if isinstance(value, str):
        return check_text(value, one_line=one_line)
    if isinstance(value, list | tuple | set | frozenset):
        for item in value:
            check_strings(item, one_line=one_line)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(key, one_line=True)
            check_strings(item, one_line=one_line)
    return value


class InputSchema(Schema):
    """Subclass this for anything the API reads from a request."""

    # Fields whose text may run over several lines; every other string is one line.
    multiline_fields: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def follow_text_rules(cls, value: Any, info: ValidationInfo) -> Any:
        return check_strings(value, one_line=info.field_name not in cls.multiline_fields)
