"""Queueing cover's tasks once a write has committed, without importing the task module.

Tasks sit above the services (a task loads ids and calls a service), so a service cannot
import them: that would be the old circle `services -> notifications -> waves -> services`
again. A service names the task instead, as a model names another app's model by string, and
the name is looked up only when the transaction commits. `tests/cover/test_layers.py` checks
that every name used here is a task in `pahub.cover.tasks`.
"""

from django.db import transaction
from django.tasks import Task
from django.utils.module_loading import import_string

TASKS_MODULE = "pahub.cover.tasks"


def task_named(name: str) -> Task:
    return import_string(f"{TASKS_MODULE}.{name}")


def enqueue_after_commit(name: str, **kwargs) -> None:
    """Queue `pahub.cover.tasks.<name>` after commit, so a rolled-back write tells nobody."""
    transaction.on_commit(lambda: task_named(name).enqueue(**kwargs))
