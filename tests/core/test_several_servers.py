"""Several servers, one database: the region layout of docs/deploy.md, on one machine.

Two app servers (gunicorn, as scripts/serve runs it), two task workers (`manage.py db_worker`)
and one clock (`manage.py run_periodic --clock`), all on the test's PostgreSQL database, with
Redis for the cache when it answers. Through real HTTP requests to both servers: an employer
asks for cover, two PAs from her relief pool offer, and she confirms both offers at the same
moment, one through each server: exactly one booking wins. Then one worker is killed (SIGKILL)
in the middle of a task that has already told people something: the clock's lease sweep puts
the task back, the other worker finishes it, and nobody is told twice, no email is sent twice,
and the booking is still there.

PostgreSQL only: SQLite is one machine's file, not a database several servers share.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.tasks import TaskResultStatus
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from pahub.accounts.models import Role
from pahub.core.models import AuditEvent, OutgoingEmail
from pahub.cover.models import Booking, CoverAlert, ReliefPoolMember
from pahub.notifications.models import Notice
from tests.factories import UserFactory, make_employer_profile

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
# Generous: CI runs this on a clean clone, under load, on two cores.
READY_SECONDS = 120
DONE_SECONDS = 120
# Short, so the test waits seconds for a dead worker's task, not the production minute.
LEASE_SECONDS = 3
TASK_EMAIL_SUBJECT = "Several servers: a task's email"
CSRF_TOKEN = "severalserverscsrftoken000000000"  # 32 characters: Django's secret length

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="several servers share one PostgreSQL database; SQLite is one machine's file",
    ),
    pytest.mark.usefixtures("reference_data_loaded"),
]


# The processes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_for_tests() -> str:
    """The test database pytest-django made, as a DATABASE_URL the processes' settings read."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def redis_url() -> str | None:
    """Redis for the cache and rate limits, as in production, when one answers here."""
    url = os.environ.get("PAHUB_TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception:  # no Redis on this machine: the database cache, shared just the same
        return None
    return url


@dataclass
class Region:
    environ: dict[str, str]
    logs: Path
    servers: list[str] = field(default_factory=list)  # base URLs
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)  # by worker id
    processes: list[subprocess.Popen] = field(default_factory=list)

    def start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("w")
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.environ,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn's workers stop with it
        )
        self.processes.append(process)
        return process

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def all_logs(self) -> str:
        return "\n".join(
            f"--- {path.name} ---\n{path.read_text(errors='replace')[-4000:]}"
            for path in sorted(self.logs.glob("*.log"))
        )

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


def python_manage(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


@pytest.fixture
def region(transactional_db, tmp_path):
    """Two gunicorn app servers, two db_workers and one clock on the test database. The
    database is transactional (committed, not a rolled-back test transaction), so every
    process sees what the test writes."""
    environ = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions the test signs in are valid there
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain http on one machine; TLS is the balancer's
        "DATABASE_URL": database_url_for_tests(),
        "PAHUB_VAR_DIR": str(tmp_path),
        "TASK_LEASE_SECONDS": str(LEASE_SECONDS),
        "TASK_SWEEP_SECONDS": "1",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("DJANGO_SETTINGS_MODULE", "EMAIL_HOST", "REDIS_URL", "DATABASE_REPLICA_URL"):
        environ.pop(name, None)  # production settings; emails printed by the workers
    if url := redis_url():
        environ["REDIS_URL"] = url
    region = Region(environ=environ, logs=tmp_path)
    starting = time.monotonic()
    try:
        for n in (1, 2):
            port = free_port()
            region.start(
                f"server{n}",
                [
                    str(VENV_BIN / "gunicorn"),
                    "pahub.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--threads",
                    "4",
                    "--graceful-timeout",
                    "5",
                    # Two servers on one machine would share the control socket in $HOME.
                    "--no-control-socket",
                ],
            )
            region.servers.append(f"http://127.0.0.1:{port}")
        for n in (1, 2):
            worker_id = f"region-worker-{n}"
            region.workers[worker_id] = region.start(
                worker_id,
                python_manage(
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--worker-id",
                    worker_id,
                    "--interval",
                    "0.2",
                    "--no-reload",
                    "--no-startup-delay",
                ),
            )
        region.start("clock", python_manage("run_periodic", "--clock"))
        for base in region.servers:
            wait_until(lambda base=base: answers(f"{base}/api/v1/health"), region, "a server")
        for worker_id in region.workers:
            wait_until(
                lambda worker_id=worker_id: f"worker_id={worker_id}" in region.log(worker_id),
                region,
                f"worker {worker_id}",
            )
        print(f"\nThe region was ready {time.monotonic() - starting:.1f} s after starting it.")
        yield region
    finally:
        stopping = time.monotonic()
        region.stop()
        print(f"\nThe region stopped in {time.monotonic() - stopping:.1f} s.")


def wait_until(condition, region: Region, what: str, seconds: float = READY_SECONDS) -> None:
    """Poll until `condition()` holds; fail with every process's log if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        for process in region.processes:
            if process.poll() is not None and process not in region.workers.values():
                pytest.fail(f"a process ended while waiting for {what}\n{region.all_logs()}")
        time.sleep(0.2)
    pytest.fail(f"waited {seconds} s for {what}\n{region.all_logs()}")


# HTTP, as a browser signed in would send it


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=5)  # noqa: S310 (our own server)
    except urllib.error.HTTPError:
        return True  # it answered, even if "degraded"
    except OSError:
        return False
    return True


def signed_in(user) -> str:
    """A session cookie for `user`, stored in the shared database like any sign-in."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def post_json(base: str, path: str, session: str, payload: dict | None = None):
    request = urllib.request.Request(  # noqa: S310 (our own server)
        f"{base}{path}",
        data=json.dumps(payload or {}).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; "
            f"{settings.CSRF_COOKIE_NAME}={CSRF_TOKEN}",
            "X-CSRFToken": CSRF_TOKEN,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def at_the_same_moment(*calls):
    """Run each call in its own thread, released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(n, call):
        barrier.wait(timeout=60)
        results[n] = call()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


# The queue


def queue_is_quiet() -> bool:
    """Nothing running and nothing due (the request's next wave waits for its time)."""
    return not (DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists())


def enqueue_for_the_workers(task_path: str, **kwargs) -> DBTaskResult:
    """Queued straight into the shared queue: the test process itself runs tasks at once."""
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": kwargs},
        task_path=task_path,
        backend_name="default",
        run_after=get_date_max(),
    )


def told_about_booking(booking: Booking) -> Counter:
    """How many notices each person holds about a booking being confirmed (the test has one)."""
    return Counter(
        Notice.objects.filter(kind="cover.booking_confirmed").values_list(
            "recipient__email", flat=True
        )
    )


def test_two_servers_and_two_workers_on_one_database_book_once_and_tell_once(region):
    employer = UserFactory(email="region.employer@example.org", roles=[Role.EMPLOYER])
    make_employer_profile(employer)
    pas = [
        UserFactory(email=f"region.pa{n}@example.org", postcode="NE3 1AA", roles=[Role.PA])
        for n in (1, 2)
    ]
    for pa in pas:
        ReliefPoolMember.objects.create(
            employer=employer, pa=pa, status=ReliefPoolMember.Status.ACTIVE
        )
    employer_session = signed_in(employer)
    pa_sessions = [signed_in(pa) for pa in pas]
    server_a, server_b = region.servers

    # A cover request through one server: a worker sends the first wave to the relief pool.
    tomorrow = timezone.localdate() + timedelta(days=2)
    status, created = post_json(
        server_a,
        "/api/v1/cover/requests",
        employer_session,
        {
            "employer_id": employer.pk,
            "slots": [{"day": tomorrow.isoformat(), "start": "08:00", "end": "11:00"}],
            "address": "12 Grey Street, Newcastle NE1 6AE",
            "contact_phone": "07700 900123",
            "hourly_pay": "14.00",
            "pool_wait_minutes": 30,
            "tasks": ["personal_care.washing_bathing"],
        },
    )
    assert status == 201, created
    request_id = created["id"]
    wait_until(
        lambda: CoverAlert.objects.filter(request_id=request_id).count() == 2,
        region,
        "the first wave to alert both PAs",
        DONE_SECONDS,
    )
    slot_id = CoverAlert.objects.filter(request_id=request_id).first().request.slots.get().pk

    # Each PA offers through a different server.
    offers = at_the_same_moment(
        lambda: post_json(server_a, f"/api/v1/cover/slots/{slot_id}/offers", pa_sessions[0]),
        lambda: post_json(server_b, f"/api/v1/cover/slots/{slot_id}/offers", pa_sessions[1]),
    )
    assert [status for status, _ in offers] == [201, 201], offers
    offer_ids = [body["id"] for _, body in offers]

    # The race: both offers confirmed at the same moment, one through each server.
    confirmations = at_the_same_moment(
        lambda: post_json(
            server_a, f"/api/v1/cover/offers/{offer_ids[0]}/confirm", employer_session
        ),
        lambda: post_json(
            server_b, f"/api/v1/cover/offers/{offer_ids[1]}/confirm", employer_session
        ),
    )
    assert sorted(status for status, _ in confirmations) == [201, 409], confirmations
    booking = Booking.objects.get(slot_id=slot_id, status=Booking.Status.CONFIRMED)
    wait_until(queue_is_quiet, region, "the queue to empty after the race", DONE_SECONDS)
    told_before = told_about_booking(booking)
    assert told_before, "the booking's own task told nobody"

    # A task that tells everyone about the booking, then, on its first run, waits to be killed.
    task = enqueue_for_the_workers(
        "tests.core.lease_tasks.email_then_wait_on_first_run",
        to="region.staff@example.org",
        booking_id=booking.pk,
    )
    wait_until(
        lambda: told_about_booking(booking) == told_before + told_before,
        region,
        "the task's first run to tell everyone",
        DONE_SECONDS,
    )
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING
    doomed = task.worker_ids[-1]
    survivor = next(worker_id for worker_id in region.workers if worker_id != doomed)
    os.kill(region.workers[doomed].pid, signal.SIGKILL)
    killed_at = time.monotonic()
    region.workers[doomed].wait(timeout=30)

    wait_until(
        lambda: DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL,
        region,
        "the other worker to finish the dead worker's task",
        DONE_SECONDS,
    )
    finished_in = time.monotonic() - killed_at
    wait_until(queue_is_quiet, region, "the queue to empty after the kill", DONE_SECONDS)
    task.refresh_from_db()
    print(f"\nThe dead worker's task was finished {finished_in:.1f} s after the kill.")

    # Finished by the other worker, after the sweep put it back.
    assert task.worker_ids[0] == doomed and task.worker_ids[-1] == survivor, task.worker_ids
    assert task.return_value >= 2
    # Told once more each, not twice: the second run found what the first had recorded.
    assert told_about_booking(booking) == told_before + told_before
    assert OutgoingEmail.objects.filter(subject=TASK_EMAIL_SUBJECT).count() == 1
    wait_until(
        lambda: not OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).exists(),
        region,
        "every email to be sent",
        DONE_SECONDS,
    )
    # Sent once: the workers print what they send (no EMAIL_HOST), and only one printed it.
    printed = sum(region.log(worker_id).count(TASK_EMAIL_SUBJECT) for worker_id in region.workers)
    assert printed == 1, region.all_logs()
    # Every email recorded once per person and subject, apart from the booking's two tellings.
    per_message = Counter(
        (tuple(recipients), subject)
        for recipients, subject in OutgoingEmail.objects.values_list("recipients", "subject")
    )
    assert max(per_message.values()) <= 2, per_message
    # The sweep said what it did.
    assert AuditEvent.objects.filter(action="tasks.requeued", target_id=str(task.pk)).exists()
    # No booking lost, none doubled, and nothing failed on the way.
    assert Booking.objects.filter(slot_id=slot_id, status=Booking.Status.CONFIRMED).count() == 1
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists(), [
        (failed.task_path, failed.traceback)
        for failed in DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    ]
