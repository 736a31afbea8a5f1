"""`core` is the ground floor: none of its Python imports reach another PA Hub app."""

import ast
from pathlib import Path

import pahub.core

CORE = Path(pahub.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_no_app_above_it():
    upward = {
        f"{path.relative_to(CORE)}: {module}"
        for path in CORE.rglob("*.py")
        for module in imported_modules(path)
        if module.startswith("pahub.") and not module.startswith("pahub.core")
    }

    assert upward == set()
