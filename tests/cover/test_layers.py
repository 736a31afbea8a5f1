"""Cover's layers: tasks and views call services; services call waves, booking and emails;
nothing below imports upwards. Services queue tasks by name, so every name must be a task."""

import ast
from pathlib import Path

from django.tasks import Task

from pahub.cover import tasks
from pahub.cover.services.after_commit import task_named

COVER = Path(__file__).resolve().parents[2] / "pahub" / "cover"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def task_names_queued_by_services() -> set[str]:
    names = set()
    for path in (COVER / "services").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in {"enqueue_after_commit", "task_named"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_every_task_a_service_queues_exists():
    names = task_names_queued_by_services()

    assert names >= {"send_next_wave", "tell_booking_confirmed", "reopened", "nobody_yet"}
    for name in names:
        assert isinstance(task_named(name), Task), name
        assert getattr(tasks, name) is task_named(name)


def test_services_waves_booking_and_emails_never_import_tasks_or_views():
    upper = (
        "pahub.cover.tasks",
        "pahub.cover.api",
        "pahub.cover.pa_views",
        "pahub.cover.employer_views",
    )
    lower = [
        *(COVER / "services").glob("*.py"),
        COVER / "waves.py",
        COVER / "booking.py",
        COVER / "emails.py",
    ]
    for path in lower:
        for module in imported_modules(path):
            assert not module.startswith(upper), f"{path.name} imports {module}"


def test_waves_booking_and_emails_never_import_services():
    for name in ("waves.py", "booking.py", "emails.py", "presenters.py"):
        for module in imported_modules(COVER / name):
            assert not module.startswith("pahub.cover.services"), f"{name} imports {module}"


def test_cover_never_imports_jobs():
    """Cover and jobs are independent siblings: what both need lives in employers or below."""
    for path in COVER.rglob("*.py"):
        for module in imported_modules(path):
            assert not module.startswith("pahub.jobs"), (
                f"{path.relative_to(COVER)} imports {module}"
            )
