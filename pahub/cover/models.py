"""Cover at short notice: relief pools, cover requests and their slots, offers, bookings,
timesheets and private calendar feeds.

Times are stored as aware datetimes (UTC in the database). People type them as a local date
and clock times in Europe/London; `pahub.cover.times` turns those into real instants, so a
shift across midnight or a clock change keeps its real length.

No PA may hold two overlapping confirmed bookings, and no slot may be booked twice. On
PostgreSQL the database enforces both (an exclusion constraint over a time range, added in
migration 0002, and a partial unique index); on SQLite the booking service serialises
confirmations instead (docs/adr/003-no-double-booking.md).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from pahub.core.tokens import secret_digest


class ReliefPoolMember(models.Model):
    """A PA who has met the employer and agreed to be asked first for cover."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        ACTIVE = "active", "In the relief pool"
        DECLINED = "declined", "Declined"
        LEFT = "left", "Left the pool"

    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="relief_pool"
    )
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="relief_pools"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-invited_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "pa"],
                condition=Q(status__in=["invited", "active"]),
                name="one_live_pool_membership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pa} in {self.employer}'s relief pool ({self.get_status_display()})"


class CoverRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Looking for cover"
        COVERED = "covered", "Covered"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Not covered in time"

    class Reach(models.TextChoices):
        POOL = "pool", "My relief pool"
        NEARBY = "nearby", "Matching PAs nearby"

    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_requests"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tasks = models.ManyToManyField("taxonomy.Skill", blank=True, related_name="cover_requests")
    note = models.TextField(blank=True)
    # Shown only to a PA with a confirmed booking on this request, never before.
    address = models.TextField(help_text="Where the PA should come.")
    contact_phone = models.CharField(max_length=30, blank=True)
    hourly_pay = models.DecimalField(max_digits=6, decimal_places=2)
    # Must-haves, as in the job builder.
    required_dbs = models.CharField(max_length=20, blank=True, default="")
    required_dbs_rank = models.PositiveSmallIntegerField(default=0)
    # Paid from a direct payment from the employer's council, so its local rules apply; and
    # the lowest PA Hub level those rules ask (0: any), see docs/rules.md.
    paid_by_direct_payment = models.BooleanField(default=False)
    required_level = models.PositiveSmallIntegerField(default=0)
    requires_driver = models.BooleanField(default=False)
    required_language = models.ForeignKey(
        "taxonomy.Language", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    required_gender = models.CharField(max_length=8, blank=True, default="")
    gender_reason = models.TextField(blank=True)
    required_skills = models.ManyToManyField("taxonomy.Skill", blank=True, related_name="+")
    # How long the relief pool has alone before the request widens; 0 = everyone at once.
    pool_wait_minutes = models.PositiveIntegerField(default=30)
    auto_confirm_pool = models.BooleanField(default=False)
    district = models.ForeignKey("places.District", on_delete=models.PROTECT, related_name="+")
    local_authority = models.ForeignKey(
        "places.LocalAuthority", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    reach = models.CharField(max_length=8, choices=Reach.choices, default=Reach.POOL)
    waves_sent = models.PositiveSmallIntegerField(default=0)
    next_wave_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(required_gender="") | ~Q(gender_reason=""),
                name="cover_gender_requirement_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Cover for {self.employer} ({self.get_status_display()})"


class CoverSlot(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"

    request = models.ForeignKey(CoverRequest, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_has_length"),
        ]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%a %d %b %H:%M} to {timezone.localtime(self.ends_at):%H:%M}"


class CoverAlert(models.Model):
    """A PA told about a request, in which wave: pool first, then nearby matches."""

    request = models.ForeignKey(CoverRequest, on_delete=models.CASCADE, related_name="alerts")
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_alerts"
    )
    wave = models.PositiveSmallIntegerField()
    from_pool = models.BooleanField(default=False)
    miles = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)
    # Set once the PA has been emailed and noticed about it. Recorded with the wave and told
    # after its commit, so a run that died in between leaves it empty for the retry to tell.
    told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["wave", "miles"]
        constraints = [
            models.UniqueConstraint(fields=["request", "pa"], name="one_alert_per_pa"),
        ]

    def __str__(self) -> str:
        return f"{self.pa} alerted in wave {self.wave}"


class CoverOffer(models.Model):
    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        CONFIRMED = "confirmed", "Confirmed"
        WITHDRAWN = "withdrawn", "Withdrawn"
        NOT_NEEDED = "not_needed", "Someone else is covering"

    slot = models.ForeignKey(CoverSlot, on_delete=models.CASCADE, related_name="offers")
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_offers"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OFFERED)
    message = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "pa"], name="one_offer_per_pa_per_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.pa} offers {self.slot}"


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        CANCELLED = "cancelled", "Cancelled"

    slot = models.ForeignKey(CoverSlot, on_delete=models.CASCADE, related_name="bookings")
    offer = models.OneToOneField(
        CoverOffer, null=True, blank=True, on_delete=models.SET_NULL, related_name="booking"
    )
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_bookings"
    )
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_bookings_made"
    )
    # Copied from the slot so the no-overlap rule is one index on one table.
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)
    late_cancellation = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["pa", "status", "starts_at"], name="cover_booking_pa")]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"], condition=Q(status="confirmed"), name="one_booking_per_slot"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="booking_has_length"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pa} for {self.employer}: {self.slot}"


class Timesheet(models.Model):
    """The hours actually worked on a booking, recorded by the PA, approved by the employer."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for approval"
        APPROVED = "approved", "Approved"
        QUERIED = "queried", "Queried"

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="timesheet")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField()
    break_minutes = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    employer_note = models.CharField(max_length=500, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__gt=F("started_at")), name="timesheet_has_length"
            ),
        ]

    def __str__(self) -> str:
        return f"Hours for {self.booking}"


class CalendarFeed(models.Model):
    """A private .ics feed URL. Only a digest of its secret is kept; revoking ends it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar feed for {self.user}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def digest(token: str) -> str:
        return secret_digest(token)
