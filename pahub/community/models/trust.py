"""Trust without star ratings (docs/community-trust.md): written endorsements a PA asks an
employer for and chooses to show, and private feedback that only staff of the area read.

Neither holds a number. An endorsement is words from a named person (first name and
district); feedback is a category and words, read by staff, never by the person it is about.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

ENDORSEMENT_MAX_LENGTH = 600
REQUEST_MESSAGE_MAX_LENGTH = 500
FEEDBACK_MAX_LENGTH = 2000
STAFF_NOTE_MAX_LENGTH = 2000


class Endorsement(models.Model):
    """One request from a PA to one of their employers, and what became of it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for the employer"
        WRITTEN = "written", "Written"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn by the employer"

    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements_received"
    )
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements_asked_of"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    request_message = models.TextField(blank=True)
    text = models.TextField(blank=True)
    # The employer, or a representative writing for them; the endorsement is the employer's.
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Hidden until the PA chooses to show it.
    shown = models.BooleanField(default=False)
    requested_at = models.DateTimeField(default=timezone.now)
    written_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pa", "employer"],
                condition=Q(status="requested"),
                name="one_open_endorsement_request",
            ),
            models.CheckConstraint(
                condition=Q(shown=False) | Q(status="written"),
                name="only_written_endorsements_shown",
            ),
        ]

    def __str__(self) -> str:
        return f"Endorsement of {self.pa} by {self.employer} ({self.get_status_display()})"


class Feedback(models.Model):
    """Private feedback about a PA or an employer, for the staff of that person's area."""

    class Category(models.TextChoices):
        POSITIVE = "positive", "Something positive"
        CONCERN = "concern", "A concern"
        OTHER = "other", "Something else"

    class About(models.TextChoices):
        PA = "pa", "A Personal Assistant"
        EMPLOYER = "employer", "An employer"

    class Status(models.TextChoices):
        NEW = "new", "New"
        READ = "read", "Read"
        ACTED = "acted", "Acted on"

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_sent"
    )
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_about"
    )
    about_role = models.CharField(max_length=10, choices=About.choices)
    category = models.CharField(max_length=10, choices=Category.choices)
    text = models.TextField()
    # The area of the person it is about when it was sent: whose staff read it.
    local_authority = models.ForeignKey(
        "places.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    staff_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["about", "category", "created_at"], name="community_feedback_about"
            ),
        ]

    def __str__(self) -> str:
        return f"Feedback about {self.about} ({self.get_category_display()})"
