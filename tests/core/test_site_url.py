"""Links in emails, the calendar feed, JSON-LD and the API are absolute, built on SITE_URL.
Unset, it follows PORT, so `make run` on another port writes links that work."""

import os
import subprocess
import sys
from pathlib import Path

from pahub.settings import site_url_from

ROOT = Path(__file__).resolve().parents[2]


def test_site_url_follows_port_when_not_set():
    assert site_url_from({"PORT": "8123"}) == "http://127.0.0.1:8123"


def test_site_url_defaults_to_port_8000():
    assert site_url_from({}) == "http://127.0.0.1:8000"
    assert site_url_from({"SITE_URL": " ", "PORT": ""}) == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins_over_port():
    environ = {"SITE_URL": "https://pahub.example.org/", "PORT": "8123"}

    assert site_url_from(environ) == "https://pahub.example.org"


def test_links_built_in_a_process_started_with_port_8123_use_8123():
    """As `make run PORT=8123` starts the server: the links its code builds use that port."""
    environ = {**os.environ, "PORT": "8123", "DJANGO_SETTINGS_MODULE": "pahub.test_settings"}
    environ.pop("SITE_URL", None)
    code = (
        "import django; django.setup()\n"
        "from pahub.register.evidence.services import reference_link\n"
        "from django.conf import settings\n"
        "print(settings.SITE_URL)\n"
        "print(reference_link('a-token'))\n"
    )

    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )

    assert output.returncode == 0, output.stderr
    site_url, link = output.stdout.split()
    assert site_url == "http://127.0.0.1:8123"
    assert link.startswith("http://127.0.0.1:8123/register/reference/a-token")
