"""Safeguarding concerns: someone tells a council that an adult may be at risk.

A concern goes to the safeguarding staff of the council whose area it is in, and only to them
and to site administrators. It is never shown to the person it is about, who is recorded in
`about_user` only so that every read can refuse them (docs/safeguarding.md).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Concern(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        LOOKING_INTO = "looking_into", "Looking into it"
        CLOSED = "closed", "Closed"

    class AboutKind(models.TextChoices):
        NOTHING = "", "Nothing on PA Hub"
        POST = "post", "A community post"
        MESSAGE = "message", "A message"
        BOOKING = "booking", "A cover booking"
        PROFILE = "profile", "A PA profile"

    # Null when raised by someone signed out, or when the raiser's account is erased.
    raiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area = models.ForeignKey(
        "places.LocalAuthority", on_delete=models.PROTECT, related_name="concerns"
    )
    about_kind = models.CharField(max_length=10, choices=AboutKind.choices, blank=True)
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The person the concern is about, when PA Hub knows them. Kept only to refuse them: no
    # page, list, notice or export ever shows them this concern.
    about_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    who = models.CharField("who is at risk, and who the concern is about", max_length=500)
    what_happened = models.TextField()
    in_danger = models.BooleanField("someone was in danger when it was raised")
    may_contact = models.BooleanField("the council may contact the person who raised it")
    contact_details = models.CharField(max_length=200, blank=True)
    anonymous = models.BooleanField(
        "keep the raiser's name from the person concerned", default=True
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    # Written by staff for the person who raised it, who sees it with the status.
    outcome = models.TextField(blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["area", "status"], name="concern_area_status")]

    def __str__(self) -> str:
        return f"Safeguarding concern {self.pk} in {self.area_id}"

    @property
    def reference(self) -> str:
        return f"SG-{self.pk:05d}"


class ConcernNote(models.Model):
    """A note by safeguarding staff on a concern: seen by staff only, never by the raiser."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Note on {self.concern}"
