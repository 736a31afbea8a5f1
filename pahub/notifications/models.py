"""A notice someone was sent, and each person's choice of channel for each kind."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pahub.notifications.registry import Channel


class Notice(models.Model):
    """One thing PA Hub told one person. Shown in their notification centre until they read
    it; `digest_pending` while it waits for their daily digest email."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=80)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    # A path on PA Hub ("/cover/requests/4/"), never a full address: links stay on the site.
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    digest_pending = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Set when a task stored it: a retry of that task finds it and stores no second notice
    # (pahub/core/task_effects.py).
    task_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notice_recipient_newest"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notice_unread",
            ),
            models.Index(
                fields=["recipient"],
                condition=models.Q(digest_pending=True),
                name="notice_digest_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (to {self.recipient_id})"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """A person's chosen channel for one kind; without a row, the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    kind = models.CharField(max_length=80)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.channel}"
