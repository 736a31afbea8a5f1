"""Record security- and privacy-relevant events (see AuditEvent).

Call `audit.record(...)` from services, inside their transaction, so an event is
written if and only if the change it describes is.
"""

from typing import Any

from django.db import models
from django.http import HttpRequest

from pahub.core.models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def describe(target: models.Model | None) -> tuple[str, str, str]:
    if target is None:
        return "", "", ""
    return target._meta.label_lower, str(target.pk), str(target)[:254]


def record(
    actor: Any,
    action: str,
    target: models.Model | None = None,
    *,
    request: HttpRequest | None = None,
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
        ip_address=client_ip(request),
        detail=detail,
    )


def record_view(viewer: Any, target: models.Model, *, request: HttpRequest | None = None) -> None:
    """Staff looked at a sensitive record: keep a note of who and when."""
    record(viewer, "record.viewed", target, request=request)
