"""Production refuses to start without a real SECRET_KEY, and passes Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "q8Xr2vL0pZs7Nw4Ke1Jm9Hc3Tb6Yf5Ga0Ud8Wi2Oe7Rn4Sl1Vk3Mx9Pj6Qh0Ct5By"


def run_with(env_changes: dict[str, str | None], *args: str) -> subprocess.CompletedProcess:
    # The test process itself runs with test settings; start the child from a clean slate.
    ignored = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "SECURE_SSL_REDIRECT", "ALLOWED_HOSTS"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env["DJANGO_SETTINGS_MODULE"] = "pahub.settings"
    for key, value in env_changes.items():
        if value is not None:
            env[key] = value
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "short", "django-insecure-" + "x" * 60, "a" * 60],
    ids=["unset", "empty", "short", "insecure-prefix", "one-character"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = run_with({"DEBUG": "0", "SECRET_KEY": secret_key}, "-c", "import pahub.settings")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = run_with({"DEBUG": "0", "SECRET_KEY": GOOD_KEY}, "-c", "import pahub.settings")

    assert result.returncode == 0, result.stderr


def test_development_runs_with_its_own_key():
    result = run_with({"DEBUG": "1"}, "-c", "import pahub.settings")

    assert result.returncode == 0, result.stderr


def test_deploy_checks_are_clean_with_production_settings():
    result = run_with(
        {"DEBUG": "0", "SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "pahub.example.org"},
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
