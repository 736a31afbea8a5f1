"""Health of the service, for load balancers and monitoring.

Anyone may ask whether PA Hub is healthy: `{"status": "ok"}` (200) or `{"status": "degraded"}`
(503). What it runs on and how busy its queue is helps an attacker, so only callers the
registered rule allows (accounts registers it: staff with two-factor, organisations' API
keys) see the details.
"""

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status

router = Router(tags=["health"])


class DatabaseHealth(Schema):
    ok: bool
    engine: str


class TaskQueueHealth(Schema):
    ok: bool
    backend: str
    queued: int | None = None
    oldest_queued_seconds: float | None = None


class Health(Schema):
    status: str
    database: DatabaseHealth | None = None
    task_queue: TaskQueueHealth | None = None


# Who may see the details: accounts, a layer above, knows staff and API keys and registers
# its rule in AppConfig.ready(). Until a rule is registered, nobody.
DetailsRule = Callable[[HttpRequest], bool]
details_rules: list[DetailsRule] = []


def register_health_details_rule(rule: DetailsRule) -> None:
    details_rules[:] = [rule]


def may_see_details(request: HttpRequest) -> bool:
    return any(rule(request) for rule in details_rules)


def database_health() -> DatabaseHealth:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        ok = True
    except Exception:  # any failure means "not healthy"; the detail goes to the log
        ok = False
    return DatabaseHealth(ok=ok, engine=connection.vendor)


def task_queue_health() -> TaskQueueHealth:
    from django.tasks import task_backends
    from django_tasks_db import DatabaseBackend

    # `default_task_backend` is a proxy: ask the handler for the real backend object.
    default_backend = task_backends["default"]
    backend = type(default_backend).__name__
    if not isinstance(default_backend, DatabaseBackend):
        # In-process backends (tests, development) run tasks at once: nothing can queue.
        return TaskQueueHealth(ok=True, backend=backend, queued=0, oldest_queued_seconds=None)
    try:
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.ready()
        queued = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except Exception:
        return TaskQueueHealth(ok=False, backend=backend, queued=None, oldest_queued_seconds=None)
    age = (timezone.now() - oldest).total_seconds() if oldest else None
    # A queue whose oldest task has waited ten minutes has no live worker.
    return TaskQueueHealth(
        ok=age is None or age < 600, backend=backend, queued=queued, oldest_queued_seconds=age
    )


@router.get(
    "/health",
    response={200: Health, 503: Health},
    auth=None,
    exclude_none=True,
    summary="Service health",
    description=(
        "`status` is `ok` (200) or `degraded` (503). Staff signed in with two-factor, and "
        "organisations' API keys, also see the database and task queue details."
    ),
)
def health(request: HttpRequest):
    database = database_health()
    task_queue = (
        task_queue_health()
        if database.ok
        else TaskQueueHealth(ok=False, backend="unknown", queued=None, oldest_queued_seconds=None)
    )
    healthy = database.ok and task_queue.ok
    status = "ok" if healthy else "degraded"
    if may_see_details(request):
        body = Health(status=status, database=database, task_queue=task_queue)
    else:
        body = Health(status=status)
    return Status(200 if healthy else 503, body)
