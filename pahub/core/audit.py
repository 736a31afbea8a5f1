"""Record security- and privacy-relevant events (see AuditEvent).

Call `audit.record(...)` from services, inside their transaction, so an event is
written if and only if the change it describes is.

The client's IP address is not passed in: `ClientIPMiddleware` (pahub/core/middleware.py)
puts it in a context variable for the duration of each request, and `record` reads it there.
So services never take `request`, and an event recorded outside a request (a command, a task,
the clock) simply has no IP.

`client_ip` is the one answer to "who is this client": the audit log, and allauth's sign-in
rate limits (through the account adapter), both ask it. Behind `TRUSTED_PROXY_COUNT` proxies
it reads X-Forwarded-For; otherwise the connection's own address.
"""

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from pahub.core.models import AuditEvent

# The IP address of the request being served in this thread or task, if any.
current_client_ip: ContextVar[str | None] = ContextVar("current_client_ip", default=None)


def valid_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address: with N trusted proxies in front, the Nth X-Forwarded-For entry
    from the right (the one our nearest proxy wrote); anything left of it came from the
    client and may be forged, so it is ignored. With no trusted proxy (the default), or a
    header too short or not an address, the connection's own address."""
    if request is None:
        return None
    remote_addr = valid_ip(request.META.get("REMOTE_ADDR"))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return remote_addr
    return valid_ip(forwarded[-proxies]) or remote_addr


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
