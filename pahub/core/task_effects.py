"""What a task run tells people is recorded once, however many times the task runs.

A task can run more than once: its worker died half-way and the lease sweep put it back in the
queue (pahub/core/task_leases.py), so another worker runs it again from the start. What the
first run recorded before it died is still in the database, so a second run must not record it
again.

While a worker runs a task, `current` holds the run (the task's id). The two places where PA Hub
records that it told someone something, the outbox (`OutgoingEmail`, pahub/core/mail.py) and
the in-app notices (`Notice`, pahub/notifications/services.py), ask `key_for(...)` for a key
made of the task's id, what is told to whom, and how many times the same thing was told in this
run. The key is unique in its table: a second run of the task makes the same keys, finds the
rows the first run recorded and records only what the first run did not reach. Outside a task
(a page, a command) there is no key and nothing changes.

Only the database worker starts runs (the `task_started` signal handler in task_leases.py):
the immediate backend the tests use never runs a task twice.
"""

import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass, field

# A sha256 prefix, a dash and the count: well inside the 64 characters the columns hold.
DIGEST_LENGTH = 48


@dataclass
class TaskRun:
    task_id: str
    told: Counter[str] = field(default_factory=Counter)

    def key_for(self, *what: object) -> str:
        """The same `what` told twice in one run gets two keys (-1, -2), and a second run
        makes the same two again."""
        text = "\x1f".join([self.task_id, *(str(part) for part in what)])
        digest = hashlib.sha256(text.encode()).hexdigest()[:DIGEST_LENGTH]
        self.told[digest] += 1
        return f"{digest}-{self.told[digest]}"


_current: ContextVar[TaskRun | None] = ContextVar("pahub_task_run", default=None)


def current() -> TaskRun | None:
    return _current.get()


def key_for(*what: object) -> str | None:
    """The key to record `what` under, or None outside a task run."""
    run = _current.get()
    return None if run is None else run.key_for(*what)


def run_started(task_id: str) -> Token:
    return _current.set(TaskRun(str(task_id)))


def run_finished(token: Token) -> None:
    _current.reset(token)


@contextmanager
def task_run(task_id: str) -> Iterator[TaskRun]:
    """Everything recorded inside is keyed by this task (tests; the worker uses the signals)."""
    token = run_started(task_id)
    try:
        yield _current.get()
    finally:
        run_finished(token)
