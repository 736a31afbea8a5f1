"""The clock process: every periodic entry points at a real function, runs, and survives a
database error."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.utils.module_loading import import_string

from pahub.core.schedule import SCHEDULE, Periodic, run_once


@pytest.mark.parametrize("entry", SCHEDULE, ids=lambda entry: entry.name)
def test_every_periodic_entry_names_a_callable(entry):
    assert callable(import_string(entry.function))


@pytest.mark.django_db
def test_running_everything_once_works_on_an_empty_database():
    call_command("run_schedule", "--once")


@pytest.mark.django_db
def test_a_database_error_is_logged_and_not_fatal(caplog):
    def failing(path):
        raise DatabaseError("database is locked")

    entry = Periodic("flaky", timedelta(minutes=1), "anything")
    assert run_once(entry, call=failing) is False
    assert "flaky failed" in caplog.text
