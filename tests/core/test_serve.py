"""`make run` serves PA Hub as production does: gunicorn in front (several processes, threads),
static files from whitenoise, with the task worker and the clock beside it (scripts/serve)."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    for port in range(8150, 8200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.fail("no free port between 8150 and 8199")


def database_url_for_tests() -> str:
    """The test database, as a DATABASE_URL the server's own settings can read."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def command_lines_in_group(group: int) -> str:
    """What each process in the server's process group is running, from /proc (no `ps`
    needed on a fresh CI machine)."""
    lines = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # Field 5 is the process group; the command name in field 2 may hold spaces.
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) == group:
                cmdline = (stat.parent / "cmdline").read_bytes()
                lines.append(cmdline.replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError, ValueError):
            continue  # a process that ended while we looked
    return "\n".join(lines)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own server)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def wait_for(url: str, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read()
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"nothing answered at {url} in {seconds} seconds")


@pytest.fixture
def served(transactional_db, reference_data_loaded, tmp_path):
    """scripts/serve on a free port, against the test database; stopped afterwards. The
    database is transactional so nothing here holds SQLite's write lock while the server's
    processes (worker, clock) write."""
    port = free_port()
    environ = {
        **os.environ,
        "DEBUG": "1",
        "PORT": str(port),
        "DATABASE_URL": database_url_for_tests(),
        "PAHUB_VAR_DIR": str(tmp_path),
    }
    environ.pop("SITE_URL", None)
    environ.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve")],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: the worker and clock stop with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/", server)
        yield base, server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_make_run_serves_pages_and_static_files_with_gunicorn(served):
    base, server = served

    status, content_type, _ = fetch(f"{base}/")
    assert (status, content_type.split(";")[0]) == (200, "text/html")
    status, content_type, body = fetch(f"{base}/static/build/pahub.css")
    assert (status, content_type.split(";")[0]) == (200, "text/css")
    assert body
    processes = command_lines_in_group(server.pid)
    assert "gunicorn pahub.wsgi" in processes
    assert "runserver" not in processes
