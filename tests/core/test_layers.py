"""The layers contract in pyproject.toml holds, and it would catch an upward import.

`make test` runs `lint-imports` beside ruff. These tests show the contract has teeth: a copy
of the code with one upward import added fails it, naming the import.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def copy_of_the_code(destination: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", destination / "pyproject.toml")
    shutil.copytree(
        ROOT / "pahub",
        destination / "pahub",
        ignore=shutil.ignore_patterns("__pycache__", "static", "templates", "data", "*.html"),
    )
    return destination


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    return copy_of_the_code(tmp_path_factory.mktemp("layers"))


def test_the_code_keeps_to_its_layers():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(project_copy):
    probe = project_copy / "pahub" / "core" / "layer_probe.py"
    probe.write_text("from pahub.cover import models  # an upward import\n")
    try:
        result = lint_imports(project_copy)
    finally:
        probe.unlink()

    assert result.returncode != 0
    assert "pahub.core is not allowed to import pahub.cover" in result.stdout
    assert "pahub.core.layer_probe -> pahub.cover.models" in result.stdout


def test_independent_siblings_may_not_import_each_other(project_copy):
    probe = project_copy / "pahub" / "jobs" / "layer_probe.py"
    probe.write_text("from pahub.cover import models  # a sideways import\n")
    try:
        result = lint_imports(project_copy)
    finally:
        probe.unlink()

    assert result.returncode != 0
    assert "pahub.jobs is not allowed to import pahub.cover" in result.stdout
