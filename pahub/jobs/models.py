"""Jobs: the jobs employers post, applications and saved searches.

A job belongs to an employer (a user with the employer role). Representatives and staff act
for that employer through `pahub.employers.permissions`; who actually wrote or changed a job
is recorded in `posted_by` and in the audit log.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from pahub.taxonomy.dbs import DbsLevel


class Job(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", "Regular work"
        COVER = "cover", "Cover (occasional or short notice)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Open for applications"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"
        FILLED = "filled", "Filled"

    class RequiredGender(models.TextChoices):
        NONE = "", "No"
        WOMAN = "woman", "A woman"
        MAN = "man", "A man"

    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="jobs_posted",
        help_text="Who wrote the job: the employer, a representative or staff.",
    )
    # Set when staff posted the job for the employer; the job then says so.
    posted_by_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs_posted",
    )
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True, help_text="What the job is about, in own words.")
    tasks = models.ManyToManyField("taxonomy.Skill", blank=True, related_name="jobs_as_task")
    # The weekly grid of `pahub.register.availability`: which parts of which days.
    hours_grid = models.BigIntegerField(default=0)
    hours_per_week = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("168"))],
    )
    start_date = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REGULAR)
    hourly_pay = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    is_apprenticeship = models.BooleanField(default=False)
    # Whether the employer pays this job from a direct payment from their council: the
    # council's local rules for such jobs then apply (`pahub.rules`).
    paid_by_direct_payment = models.BooleanField(default=False)
    # Where the work is: the employer's district unless set otherwise; never an address.
    district = models.ForeignKey(
        "places.District", null=True, blank=True, on_delete=models.PROTECT, related_name="jobs"
    )
    local_authority = models.ForeignKey(
        "places.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jobs",
    )
    # Must-haves
    required_dbs = models.CharField(
        max_length=20, choices=DbsLevel.choices, blank=True, default=DbsLevel.NONE
    )
    required_dbs_rank = models.PositiveSmallIntegerField(default=0)
    # The lowest PA Hub level a PA must have (0: any). Employers do not choose it: it is what
    # the employer's council's local rules ask, kept in step by `pahub.jobs.local_rules`.
    required_level = models.PositiveSmallIntegerField(default=0)
    requires_driver = models.BooleanField(default=False, help_text="A driver with their own car.")
    required_language = models.ForeignKey(
        "taxonomy.Language", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    required_gender = models.CharField(
        max_length=8, choices=RequiredGender.choices, blank=True, default=RequiredGender.NONE
    )
    # The Equality Act occupational requirement: intimate personal care, stated in words.
    gender_reason = models.TextField(blank=True)
    required_skills = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="jobs_requiring"
    )
    # Nice-to-haves
    nice_interests = models.ManyToManyField("taxonomy.Interest", blank=True, related_name="+")
    nice_years_experience = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(50)]
    )
    nice_skills = models.ManyToManyField("taxonomy.Skill", blank=True, related_name="+")

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    completed_steps = models.JSONField(default=list, blank=True)
    hired_pa = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs_hired_for",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "district"], name="jobs_open_by_district"),
            # The feed and the search without a place: the newest open jobs first.
            models.Index(fields=["status", "-published_at", "-id"], name="jobs_open_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(required_gender="") | ~Q(gender_reason=""),
                name="gender_requirement_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Untitled job {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Application(models.Model):
    """A PA's interest in a job, whichever side started it."""

    class Origin(models.TextChoices):
        APPLIED = "applied", "Applied"
        INTERESTED = "interested", "Said they were interested"
        INVITED = "invited", "Invited by the employer"

    class Status(models.TextChoices):
        INVITED = "invited", "Invited to apply"
        APPLIED = "applied", "Applied"
        INTERESTED = "interested", "Interested"
        SHORTLISTED = "shortlisted", "Shortlisted"
        DECLINED = "declined", "Not taken forward"
        HIRED = "hired", "Hired"
        UNSUCCESSFUL = "unsuccessful", "Job filled by someone else"
        WITHDRAWN = "withdrawn", "Withdrawn"

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="applications")
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_applications"
    )
    origin = models.CharField(max_length=12, choices=Origin.choices)
    status = models.CharField(max_length=12, choices=Status.choices, db_index=True)
    message = models.TextField(blank=True)
    conversation = models.ForeignKey(
        "messaging.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["job", "pa"], name="one_application_per_pa_per_job"),
        ]

    def __str__(self) -> str:
        return f"{self.pa} for {self.job} ({self.get_status_display()})"


class SavedSearch(models.Model):
    """A search someone keeps; with alerts on, new results reach them in a daily email."""

    class Kind(models.TextChoices):
        TALENT = "talent", "PAs"
        JOBS = "jobs", "Jobs"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    # The employer a talent search is for (a representative or staff may save one for them).
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="saved_searches_for",
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    name = models.CharField(max_length=80)
    query = models.JSONField(default=dict)
    alerts_enabled = models.BooleanField(default=True)
    # Results already told about, so a digest only lists what is new.
    seen_ids = models.JSONField(default=list, blank=True)
    last_alerted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name
