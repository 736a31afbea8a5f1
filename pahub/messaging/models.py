"""Conversations between an employer's side and a PA.

The employer side is the employer, their representatives and staff acting for them; each
message records who wrote it and in which capacity. Contact details are shared only when
both sides have pressed "share my contact details".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Conversation(models.Model):
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_conversations"
    )
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pa_conversations"
    )
    job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )
    employer_shared_contact_at = models.DateTimeField(null=True, blank=True)
    pa_shared_contact_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_message_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "pa", "job"], name="one_conversation_per_job"
            ),
            models.UniqueConstraint(
                fields=["employer", "pa"],
                condition=Q(job__isnull=True),
                name="one_general_conversation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employer} and {self.pa}"

    @property
    def contact_shared(self) -> bool:
        return bool(self.employer_shared_contact_at and self.pa_shared_contact_at)


class Message(models.Model):
    class AuthorRole(models.TextChoices):
        EMPLOYER = "employer", "Employer"
        REPRESENTATIVE = "representative", "Representative"
        STAFF = "staff", "Staff"
        PA = "pa", "PA"
        # Events such as "applied" or "invited", written by PA Hub itself.
        HUB = "hub", "PA Hub"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages_written",
    )
    author_role = models.CharField(max_length=16, choices=AuthorRole.choices)
    author_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    hidden_by_moderator_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_author_role_display()} at {self.created_at:%Y-%m-%d %H:%M}"


class ReadMarker(models.Model):
    """How far one person has read one conversation; unread counts and email batching use it."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="read_markers"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_up_to = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_marker_per_reader"),
        ]

    def __str__(self) -> str:
        return f"{self.user} read up to {self.read_up_to:%Y-%m-%d %H:%M}"


class Block(models.Model):
    """One person stops another contacting them; either side of a conversation may block."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.blocker} blocked {self.blocked}"


class Report(models.Model):
    """A message reported to moderators: staff of the employer's local authority's support
    organisations."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a moderator"
        NO_ACTION = "no_action", "Looked at: no action needed"
        MESSAGE_HIDDEN = "hidden", "Message hidden"

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made"
    )
    reason = models.TextField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    moderator_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Report of message {self.message_id} ({self.get_status_display()})"


class NotificationState(models.Model):
    """When a person was last emailed about new messages: emails are batched, not one per
    message, and never carry message content."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="message_notifications"
    )
    last_emailed_at = models.DateTimeField(null=True, blank=True)
    # Whether to email at all is the person's choice for "messaging.new_message", kept by the
    # notification service with every other choice (pahub/notifications/).

    def __str__(self) -> str:
        return f"Message emails for {self.user}"
