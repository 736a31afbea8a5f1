"""The one placeholder syntax of the library's templates: ``{{ field_name }}``.

A template's text is Markdown with placeholders and nothing else (no logic in the text, so
an editor can review it as plain English). Filling replaces each placeholder with the value
PA Hub knows; a field it does not know becomes a labelled blank for the person to write in,
so a blank template and a half-filled one are the same function.
"""

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


def placeholder_names(source: str) -> list[str]:
    """The fields a template's text asks for, in the order they first appear."""
    return list(dict.fromkeys(PLACEHOLDER.findall(source)))


def blank_for(name: str) -> str:
    """How an unknown field shows: its name in words, in square brackets, to write over."""
    return "[" + name.replace("_", " ") + "]"


def fill(source: str, values: Mapping[str, str]) -> str:
    """The template's text with every known value put in and every other field left blank."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return str(value) if value not in (None, "") else blank_for(match.group(1))

    return PLACEHOLDER.sub(replace, source)
