"""Every kind of notice PA Hub sends, registered by the app that sends it.

Each app declares its kinds in a `notices.py` module of its own with `register_kind(...)`;
notifications finds those modules with Django's `autodiscover_modules` (as `core.schedule`
finds `periodic.py`), so it never imports an app above it by name, and a new kind appears on
the preferences page, in the API and in the digest without any change here.
"""

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import models
from django.utils.module_loading import autodiscover_modules

# The module each app keeps its kinds of notice in.
NOTICES_MODULE = "notices"


class Channel(models.TextChoices):
    """How a person hears about one kind of notice. Every channel but OFF keeps the in-app
    notice; the email channels also email."""

    EMAIL = "email", "Email me straight away"
    DIGEST = "digest", "Email me once a day, in a daily digest"
    IN_APP = "in_app", "Only show it on PA Hub"
    OFF = "off", "Do not tell me"


@dataclass(frozen=True)
class Kind:
    key: str  # "<app>.<name>", e.g. "cover.alert"; stored on each notice and preference
    group: str  # the heading it is listed under on the preferences page, e.g. "Cover"
    label: str  # what it is, for people: "Someone near you needs cover"
    default: Channel = Channel.EMAIL
    # A kind safety requires is always shown in PA Hub and emailed straight away; `reason`
    # says why on the preferences page and the unsubscribe page.
    required: bool = False
    reason: str = ""
    hint: str = ""

    def __post_init__(self) -> None:
        if "." not in self.key:
            raise ValueError(f"A kind's key is '<app>.<name>', not {self.key!r}.")
        if self.required and not self.reason:
            raise ValueError(f"Required kind {self.key!r} must say why it is required.")
        if self.required and self.default != Channel.EMAIL:
            raise ValueError(f"Required kind {self.key!r} must default to email straight away.")

    @property
    def field_name(self) -> str:
        """The form field and API key for this kind ("cover.alert" -> "cover__alert")."""
        return self.key.replace(".", "__")

    def allows(self, channel: str) -> bool:
        """A required kind may only be emailed straight away (so also shown in PA Hub)."""
        return channel in Channel.values and (not self.required or channel == Channel.EMAIL)


class UnknownKind(LookupError):
    pass


class Registry:
    """Kinds of notice by key, filled by the apps' `notices.py` modules on first use."""

    def __init__(self, *, discover: bool = True) -> None:
        self._kinds: dict[str, Kind] = {}
        self._discover = discover
        self._discovered = False
        self._lock = threading.Lock()

    def register(self, kind: Kind) -> Kind:
        existing = self._kinds.get(kind.key)
        if existing is not None and existing != kind:
            raise ValueError(f"Two kinds of notice are called {kind.key!r}.")
        self._kinds[kind.key] = kind
        return kind

    def _discover_once(self) -> None:
        if not self._discover or self._discovered:
            return
        with self._lock:
            if not self._discovered:
                autodiscover_modules(NOTICES_MODULE)
                self._discovered = True

    def __iter__(self) -> Iterator[Kind]:
        self._discover_once()
        return iter(sorted(self._kinds.values(), key=lambda kind: (kind.group, kind.label)))

    def get(self, key: str) -> Kind:
        self._discover_once()
        try:
            return self._kinds[key]
        except KeyError:
            raise UnknownKind(f"No kind of notice is called {key!r}.") from None

    def groups(self) -> list[tuple[str, list[Kind]]]:
        """Kinds under their headings, headings in alphabetical order."""
        grouped: dict[str, list[Kind]] = {}
        for kind in self:
            grouped.setdefault(kind.group, []).append(kind)
        return sorted(grouped.items())


registry = Registry()


def register_kind(
    key: str,
    *,
    group: str,
    label: str,
    default: Channel = Channel.EMAIL,
    required: bool = False,
    reason: str = "",
    hint: str = "",
) -> Kind:
    """Declare one kind of notice; call it at the top level of an app's `notices.py`."""
    return registry.register(
        Kind(
            key=key,
            group=group,
            label=label,
            default=default,
            required=required,
            reason=reason,
            hint=hint,
        )
    )
