"""Sign-in lockout and one-time-code replay protection hold across processes.

In production each gunicorn worker is its own process. A cache in a worker's memory gave
each worker its own count: with three workers, 13 wrong passwords were checked against a
limit of 5. These tests run two separate Python processes (tests/accounts/shared_cache_child.py)
on the test database; they share only what production workers share.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.db import connection

from pahub.core.models import AuditEvent
from tests.factories import TOTP_SECRET, UserFactory

CHILD = Path(__file__).with_name("shared_cache_child.py")
ROOT = CHILD.parents[2]
ACCOUNT_LIMIT = 5  # ACCOUNT_RATE_LIMITS["login_failed"]: 5 in 5 minutes per account
ATTEMPTS_EACH = 7

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The transactional database is emptied after each test: reload what migrations put there.
    pytest.mark.usefixtures("reference_data_loaded"),
]


def start_worker(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(connection.settings_dict["NAME"]), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def result_of(worker: subprocess.Popen):
    stdout, stderr = worker.communicate(timeout=120)
    assert worker.returncode == 0, stderr
    return json.loads(stdout.strip().splitlines()[-1])


def test_two_processes_share_one_sign_in_lockout():
    UserFactory(email="target@example.org")
    connection.close()  # the workers open their own connections

    workers = [
        start_worker("sign-in", "target@example.org", f"203.0.113.{n}", str(ATTEMPTS_EACH))
        for n in (1, 2)
    ]
    outcomes = [result_of(worker) for worker in workers]

    attempts = sum(len(each) for each in outcomes)
    checked = sum(each.count("checked") for each in outcomes)
    assert attempts == 2 * ATTEMPTS_EACH
    # A count per process checks up to 5 in each: 10 of the 14. Shared, never more than 5
    # (fewer only if a worker could not take the counter's lock at once: it then refuses).
    assert 0 < checked <= ACCOUNT_LIMIT, outcomes
    assert sum(each.count("locked") for each in outcomes) == attempts - checked
    assert AuditEvent.objects.filter(action="auth.login_failed").count() == checked


def current_totp_code() -> str:
    """A code with at least 10 seconds of its 30 left, so both processes see it valid."""
    if time.time() % 30 > 20:
        time.sleep(30 - time.time() % 30 + 0.5)
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def test_a_one_time_code_used_in_one_process_is_refused_in_another(admin):
    code = current_totp_code()
    connection.close()

    first = result_of(start_worker("totp", str(admin.pk), code))
    second = result_of(start_worker("totp", str(admin.pk), code))

    assert (first, second) == (True, False)
