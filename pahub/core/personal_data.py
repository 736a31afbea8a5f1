"""The one registry of the personal data PA Hub holds: what "download your data" contains, and
what deleting an account does to each record.

Each app declares its own part in a `personal_data.py` module with `personal_data.register(...)`:
the models that hold data about a person, what deletion does to each (`Fate`), a function
that exports the person's part, and the steps that carry the deletion out. Core finds those
modules with Django's `autodiscover_modules` (as `core.schedule` finds `periodic.py`), so it
never imports an app above it, and a new app cannot be forgotten: a test walks every model that
points at a person and fails if it is neither registered here nor in `NO_EXPORT` below.

Deleting an account runs every app's steps in one transaction (`accounts.services.user_delete`),
in the order of their `Step` number, so an app can end what was still to come (future shifts,
open jobs) through its own services, which tell the other person as they always do.
"""

import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from django.utils.module_loading import autodiscover_modules

# The module each app keeps its personal data declaration in.
PERSONAL_DATA_MODULE = "personal_data"


class Fate(StrEnum):
    """What deleting an account does to a record of that person."""

    DELETED = "deleted"
    # The record stays because someone else relies on it (a booking, hours worked, a
    # conversation); the deleted person's own words and details in it are removed, and they
    # are shown as "a former PA Hub user".
    KEPT_ANONYMISED = "kept for the other person, without the deleted person's details"
    # Kept as it is, for the reason in the privacy notice (the audit log of security events).
    KEPT = "kept"


class Step(IntEnum):
    """When, in one deletion, an app's step runs."""

    # Read what is about to go, while it is still there (the names a person was known by).
    BEFORE = 10
    # The account's own details go, so everything after shows "a former PA Hub user".
    IDENTITY = 20
    # Profiles go (an employer's access needs, a PA's evidence and files).
    PROFILES = 30
    # What was still to come ends through each app's own services, which tell the other
    # person as they always do (a cancelled shift, a closed job, a withdrawn application).
    COMMITMENTS = 40
    # Each app deletes what only the person had, and removes their words from what stays.
    RECORDS = 50
    # Roles, memberships and sign-in details.
    LAST = 90


# Models that point at a person but hold nothing about them worth a download, with why. The
# registry test accepts these without an exporter.
NO_EXPORT: dict[str, str] = {
    # An organisation's key for its systems; `created_by` only names the staff member who made
    # it, and stays (shown as a former user) so the organisation knows where a key came from.
    "accounts.ApiKey": "organisation data",
    # An organisation's imports of its own register (pahub.core.imports): its files and row
    # reports are the organisation's records, deleted after 90 days (retention rule
    # core.import_files); `started_by` becomes empty when that staff member's account goes.
    "core.ImportRun": "organisation data",
    "core.ImportRowResult": "organisation data",
    # Django's own admin history of edits made by site administrators in /admin/.
    "admin.LogEntry": "site administrators' edit history",
}


@dataclass(frozen=True)
class Part:
    """One app's share of a person's data."""

    # The key in the download; None merges the export into the top level (accounts' own).
    section: str | None
    # "app_label.Model" -> what deleting the account does to that model's records.
    models: Mapping[str, Fate]
    # The person's part for the download, or None when there is nothing of theirs.
    export: Callable[[Any], Any] | None = None
    # (when, do) pairs run on deletion, inside its transaction.
    erase: tuple[tuple[Step, Callable[[Any], None]], ...] = field(default_factory=tuple)


class Registry:
    def __init__(self, *, discover: bool = True) -> None:
        self._parts: dict[str, Part] = {}
        self._discover = discover
        self._discovered = False
        self._lock = threading.Lock()

    def register(self, name: str, part: Part) -> Part:
        """Register an app's part under its app label; registering again replaces it."""
        self._parts[name] = part
        return part

    def _discover_once(self) -> None:
        if not self._discover or self._discovered:
            return
        with self._lock:
            if not self._discovered:
                autodiscover_modules(PERSONAL_DATA_MODULE)
                self._discovered = True

    def __iter__(self) -> Iterator[Part]:
        self._discover_once()
        return iter(part for _, part in sorted(self._parts.items()))

    def covered_models(self) -> dict[str, Fate]:
        return {label: fate for part in self for label, fate in part.models.items()}

    def export(self, user: Any) -> dict[str, Any]:
        """Every app's part of the person's download; a part they have nothing in is None."""
        exported: dict[str, Any] = {}
        for part in self:
            if part.export is None:
                continue
            value = part.export(user)
            if part.section is None:
                exported.update(value)
            else:
                exported[part.section] = value or None
        return exported

    def erase(self, user: Any) -> None:
        """Run every app's deletion steps in order; the caller holds the transaction."""
        steps = [(when, index, do) for index, part in enumerate(self) for when, do in part.erase]
        for _, _, do in sorted(steps, key=lambda step: (step[0], step[1])):
            do(user)


registry = Registry()


def register(
    name: str,
    *,
    models: Mapping[str, Fate],
    export: Callable[[Any], Any] | None = None,
    section: str | None = "",
    erase: Mapping[Step, Callable[[Any], None]] | None = None,
) -> Part:
    """Declare an app's personal data: `name` is its app label, and the download's section
    unless `section` says otherwise (None: merged into the top level)."""
    part = Part(
        section=name if section == "" else section,
        models=dict(models),
        export=export,
        erase=tuple((erase or {}).items()),
    )
    return registry.register(name, part)
