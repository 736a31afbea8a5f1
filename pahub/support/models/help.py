"""Asking for help: a PA or an employer asks, a local support organisation or user-led
organisation picks it up, and they talk in a private thread until it is closed with an outcome.

Who may see a request is decided in `pahub/support/help/permissions.py` and nowhere else.
"""

from django.conf import settings
from django.db import models


class HelpRequest(models.Model):
    class Topic(models.TextChoices):
        CONTRACT = "contract", "A question about my contract or my pay"
        PROBLEM = "problem", "A problem with my employer or my PA"
        EMPLOYING = "employing", "Help being an employer"
        USING = "using", "Help using PA Hub"

    class ContactBy(models.TextChoices):
        MESSAGES = "messages", "Messages here on PA Hub"
        PHONE = "phone", "A phone call"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for someone to pick it up"
        HELPING = "helping", "Being helped"
        CLOSED = "closed", "Closed"

    class Outcome(models.TextChoices):
        ANSWERED = "answered", "We answered the question"
        RESOLVED = "resolved", "The problem was sorted out"
        REFERRED = "referred", "We pointed them to another service"
        NO_LONGER_NEEDED = "no_longer_needed", "They no longer needed help"
        NO_REPLY = "no_reply", "We could not reach them"

    class Helped(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_requests"
    )
    # Set when a representative asked about the employer they act for; the employer then
    # sees the request too, because it is about them.
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="help_requests_for_me",
    )
    topic = models.CharField(max_length=20, choices=Topic.choices)
    need = models.TextField()
    contact_by = models.CharField(
        max_length=20, choices=ContactBy.choices, default=ContactBy.MESSAGES
    )
    # Only for a phone call; shown to the adviser who picked the request up and nobody else.
    phone = models.CharField(max_length=30, blank=True)
    call_times = models.CharField(max_length=300, blank=True)
    area = models.ForeignKey(
        "places.LocalAuthority", on_delete=models.PROTECT, related_name="help_requests"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests_advised",
    )
    picked_up_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Private: the organisation and PA Hub's insights see it, never shown as a public rating.
    helped = models.CharField(max_length=10, choices=Helped.choices, blank=True)
    helped_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "area"], name="help_request_status_area")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="waiting") | models.Q(organisation__isnull=False),
                name="help_request_picked_up_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"Request for help {self.pk}: {self.get_topic_display()}"


class HelpMessage(models.Model):
    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Whether the author wrote as the organisation's adviser, kept so the thread still reads
    # right if they later leave the organisation.
    from_adviser = models.BooleanField(default=False)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Message {self.pk} on request for help {self.help_request_id}"


class HelpCall(models.Model):
    """A phone call the adviser proposes; the person says whether the time suits them."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for an answer"
        AGREED = "agreed", "Agreed"
        DECLINED = "declined", "The time does not suit"

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="calls")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"Call {self.pk} for request for help {self.help_request_id}"
