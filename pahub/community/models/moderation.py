"""Reports, moderators' actions and suspensions (docs/community.md, "Moderation").

Every moderator action is one `ModerationAction` row and one audit event, written by
`pahub/community/moderation/services.py`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class PostReport(models.Model):
    class Reason(models.TextChoices):
        UNKIND = "unkind", "It is unkind, bullying or harassment"
        DISCRIMINATION = "discrimination", "It is hateful or discriminates against someone"
        PERSONAL = "personal", "It shares someone's personal details"
        SPAM = "spam", "It is advertising or spam"
        UNSAFE = "unsafe", "It puts someone at risk"
        OTHER = "other", "Something else"

    class Outcome(models.TextChoices):
        HIDDEN = "hidden", "The post was hidden"
        KEPT = "kept", "The post was kept: it does not break the community rules"

    post = models.ForeignKey("community.Post", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="community_reports",
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)

    class Meta:
        indexes = [models.Index(fields=["resolved_at", "created_at"], name="report_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_report_per_post_and_person",
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.pk}: {self.get_reason_display()}"


class ModerationAction(models.Model):
    class Action(models.TextChoices):
        HIDE = "hide", "Hid a post"
        RESTORE = "restore", "Restored a post"
        RELEASE = "release", "Published a held post"
        WARN = "warn", "Warned a person"
        SUSPEND = "suspend", "Suspended a person from the zone"
        LIFT = "lift", "Lifted a suspension"
        KEEP = "keep", "Kept a reported post"

    zone = models.ForeignKey("community.Zone", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        "community.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_moderation",
        help_text="Whom the action was about.",
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%d %b %Y})"


class Suspension(models.Model):
    zone = models.ForeignKey("community.Zone", on_delete=models.CASCADE, related_name="suspensions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_suspensions"
    )
    reason = models.TextField()
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    lifted_at = models.DateTimeField(null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["user", "zone", "ends_at"], name="suspension_lookup")]

    def __str__(self) -> str:
        return f"Suspended from zone {self.zone_id} until {self.ends_at:%d %b %Y}"
