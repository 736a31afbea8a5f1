"""Other apps add their part of a person's data export here (accounts cannot import them:
apps depend downwards), so "download your data" always covers everything PA Hub holds."""

from collections.abc import Callable
from typing import Any

_exporters: dict[str, Callable[[Any], Any]] = {}


def register_exporter(section: str, exporter: Callable[[Any], Any]) -> None:
    _exporters[section] = exporter


def exported_sections(user: Any) -> dict[str, Any]:
    return {section: exporter(user) for section, exporter in sorted(_exporters.items())}
