"""Imports run in the worker (`manage.py db_worker`); both tasks are safe to run twice."""

from django.tasks import task

from pahub.core.imports import runner


@task()
def check_import(run_id: int) -> None:
    """The dry run of an import."""
    runner.check_rows(run_id)


@task()
def run_import(run_id: int) -> None:
    """An import, from its cursor on (a first run, a resume, or a sweep's restart)."""
    runner.import_rows(run_id)
