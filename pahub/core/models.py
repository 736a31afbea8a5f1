"""The audit log: who did or saw what, kept for safeguarding and data-protection questions."""

from datetime import timedelta

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One security- or privacy-relevant event. Rows are only ever added, never edited."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    # Kept even after the account is deleted, so the log still reads.
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label or 'system'} {self.action}"


# How long a record of an outgoing email is kept: long enough for staff to answer "did the
# cover alert go out?" and to retry a failure, no longer (it names people and what they were
# told). The retention rules apply this; the body itself is cleared as soon as it is sent.
OUTGOING_EMAIL_RETENTION = timedelta(days=30)


class OutgoingEmail(models.Model):
    """One email PA Hub sent or is trying to send, so a failure is retried and seen by staff,
    never dropped (pahub.core.mail.OutboxBackend). Only what a retry needs is kept, and the
    message itself only until it is delivered."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    subject = models.CharField(max_length=255)
    # Every address it goes to (to, cc and bcc), for staff to see who did not get it.
    recipients = models.JSONField(default=list)
    # Set when a task recorded it: the same email recorded again by a retry of that task is
    # the same row, so a task finished by a second worker sends nothing twice
    # (pahub/core/task_effects.py).
    task_key = models.CharField(max_length=64, null=True, blank=True, unique=True)
    # The serialised message (pahub.core.mail.serialise_email); emptied once delivered.
    message = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # When a failed email is next tried; empty once sent, or when automatic retries stop.
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.subject} to {', '.join(self.recipients)}"


class TaskLease(models.Model):
    """The task a worker is running, and until when it has promised to be alive.

    The worker renews `expires_at` while the task runs; when it stops (the process died, the
    machine went away) the lease runs out and the `recover_stalled_tasks` sweep puts the task
    back in the queue for another worker (pahub/core/task_leases.py, docs/adr/007). One row per
    running task, deleted when the task finishes: it never grows."""

    # The django-tasks-db `DBTaskResult` id, kept as a plain value rather than a foreign key so
    # the library's table stays the library's.
    task_id = models.UUIDField(primary_key=True)
    worker_id = models.CharField(max_length=64)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"task {self.task_id} held by {self.worker_id} until {self.expires_at:%H:%M:%S}"


# Imports keep their models in their own package; imported here so Django finds them.
from pahub.core.imports.models import ColumnMapping, ImportRowResult, ImportRun  # noqa: E402

__all__ = [
    "AuditEvent",
    "ColumnMapping",
    "ImportRowResult",
    "ImportRun",
    "OutgoingEmail",
    "TaskLease",
]
