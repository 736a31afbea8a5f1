"""Record security- and privacy-relevant events (see AuditEvent).

Call `audit.record(...)` from services, inside their transaction, so an event is
written if and only if the change it describes is.

The client's IP address is not passed in: `ClientIPMiddleware` (pahub/core/middleware.py)
puts it in a context variable for the duration of each request, and `record` reads it there.
So services never take `request`, and an event recorded outside a request (a command, a task,
the clock) simply has no IP.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.http import HttpRequest

from pahub.core.models import AuditEvent

# The IP address of the request being served in this thread or task, if any.
current_client_ip: ContextVar[str | None] = ContextVar("current_client_ip", default=None)


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


@contextmanager
def client_ip_of(request: HttpRequest) -> Iterator[None]:
    """Within this block, audit events carry the request's client IP; reset afterwards, so
    nothing leaks into the next request served by the same thread."""
    token = current_client_ip.set(client_ip(request))
    try:
        yield
    finally:
        current_client_ip.reset(token)


def describe(target: models.Model | None) -> tuple[str, str, str]:
    if target is None:
        return "", "", ""
    return target._meta.label_lower, str(target.pk), str(target)[:254]


def record(
    actor: Any,
    action: str,
    target: models.Model | None = None,
    **detail: Any,
) -> AuditEvent:
    """Add one event. `actor` is a user, or None for the system itself."""
    target_type, target_id, target_label = describe(target)
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_person else None,
        actor_label=actor.email if is_person else "system",
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label,
        ip_address=current_client_ip.get(),
        detail=detail,
    )


def record_view(viewer: Any, target: models.Model) -> None:
    """Staff looked at a sensitive record: keep a note of who and when."""
    record(viewer, "record.viewed", target)
