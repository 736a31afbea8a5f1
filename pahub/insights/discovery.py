"""Collectors and dashboards are found by module, so adding one never edits a shared list."""

import importlib
import pkgutil
from types import ModuleType


def import_submodules(package_name: str) -> list[ModuleType]:
    package = importlib.import_module(package_name)
    return [
        importlib.import_module(f"{package_name}.{info.name}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name)
    ]
