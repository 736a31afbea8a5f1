"""The kinds of import (a PA register, a job list) and the fields each accepts.

An app registers its kind in its own `imports` module with `register_kind(...)`; this
registry finds those modules with `autodiscover_modules`, as `core.schedule` does for
periodic jobs, so core never names an app above it.
"""

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules

from pahub.core.imports.reading import SourceRow

IMPORTS_MODULE = "imports"


@dataclass(frozen=True)
class ImportField:
    """One PA Hub field a column may fill."""

    name: str
    label: str
    required: bool = False
    # Other headers councils use for it, guessed when no mapping is remembered.
    aliases: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class RowDecision:
    """What happened, or would happen in a dry run, to one row."""

    row_number: int
    outcome: str  # an ImportRowResult.Outcome value
    reason: str = ""
    object_id: int | None = None


@dataclass
class Chunk:
    """The rows a kind handles at once, each as {field name: text}, with what it needs."""

    run: object  # the ImportRun (typed loosely: kinds read its organisation and started_by)
    rows: list[tuple[int, dict[str, str]]]
    dry_run: bool


@dataclass(frozen=True)
class ImportKind:
    name: str  # an ImportRun.Kind value
    title: str
    fields: tuple[ImportField, ...]
    # The keys that make two rows the same record (an email, a name with a postcode): a
    # second row with a key already seen in the file is refused.
    row_keys: Callable[[dict[str, str]], Iterable[str]]
    # Decide (and unless it is a dry run, write) every row of a chunk, in one transaction
    # opened by the runner. Must be idempotent: a chunk may be run again after a crash.
    handle_chunk: Callable[[Chunk], list[RowDecision]]
    sample_headers: tuple[str, ...] = field(default=())

    @property
    def required_fields(self) -> list[ImportField]:
        return [item for item in self.fields if item.required]


class UnknownKind(LookupError):
    pass


class KindRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, ImportKind] = {}
        self._discovered = False
        self._lock = threading.Lock()

    def register(self, kind: ImportKind) -> ImportKind:
        self._kinds[kind.name] = kind
        return kind

    def _discover_once(self) -> None:
        if not self._discovered:
            with self._lock:
                if not self._discovered:
                    autodiscover_modules(IMPORTS_MODULE)
                    self._discovered = True

    def all(self) -> list[ImportKind]:
        self._discover_once()
        return sorted(self._kinds.values(), key=lambda kind: kind.name)

    def get(self, name: str) -> ImportKind:
        self._discover_once()
        try:
            return self._kinds[name]
        except KeyError:
            raise UnknownKind(name) from None


registry = KindRegistry()
register_kind = registry.register


def _simple(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def guess_mapping(kind: ImportKind, header: list[str]) -> dict[str, str]:
    """Match each field to the header that names it, ignoring case, spaces and punctuation."""
    by_simple = {_simple(name): name for name in header if name}
    mapping = {}
    for item in kind.fields:
        for candidate in (item.name, item.label, *item.aliases):
            if _simple(candidate) in by_simple:
                mapping[item.name] = by_simple[_simple(candidate)]
                break
    return mapping


def usable_mapping(kind: ImportKind, mapping: dict[str, str], header: list[str]) -> dict[str, str]:
    """A remembered mapping, without fields whose column this file does not have."""
    known = {item.name for item in kind.fields}
    return {name: column for name, column in mapping.items() if name in known and column in header}


def value_reader(
    mapping: dict[str, str], header: list[str]
) -> Callable[[SourceRow], dict[str, str]]:
    """A function giving a row as {field name: text}, for the fields mapped to a column."""
    positions = {name: index for index, name in enumerate(header)}
    columns = [(name, positions[column]) for name, column in mapping.items() if column in positions]

    def read(row: SourceRow) -> dict[str, str]:
        return {name: row.cells[index] for name, index in columns}

    return read
