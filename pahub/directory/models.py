"""The directory: organisations and the services they offer to disabled and older people who
employ PAs, and to PAs.

An `Organisation` here is a directory entry, not an account: it may be managed on PA Hub by an
`accounts.Organisation` (a ULO or support agency whose staff sign in), or by hub staff alone
(a national service, a library). Each `Service` is listed publicly only once hub staff approve
it. Addresses of organisations are public business addresses, so they may be shown in full;
distances are measured between postcode-district centroids, like everything else on PA Hub.

Every row exported in Open Referral UK has a stable UUID (`uuid`), because that standard's
identifiers are UUIDs and must not change when a row is edited.
"""

import uuid

from django.conf import settings
from django.db import models


class Need(models.TextChoices):
    """The small controlled list of needs a service meets: the taxonomy people search by.

    Exported in Open Referral UK as the terms of one taxonomy, "PA Hub needs".
    """

    EMPLOYING_ADVICE = "employing_advice", "Advice on employing a PA"
    DIRECT_PAYMENTS = "direct_payments", "Help with direct payments"
    PAYROLL = "payroll", "Payroll and payslips"
    MANAGED_ACCOUNT = "managed_account", "Managing the money (managed accounts, pre-paid cards)"
    INSURANCE = "insurance", "Employer's insurance"
    RECRUITMENT = "recruitment", "Finding and recruiting PAs"
    TRAINING = "training", "Training for PAs and employers"
    PEER_SUPPORT = "peer_support", "Peer support and advocacy"
    CARE_AND_SUPPORT = "care_and_support", "Care and support at home"
    SHARED_LIVES = "shared_lives", "Living with a Shared Lives carer"
    DIGITAL_HELP = "digital_help", "Free help using a computer or the internet"
    WORK_AND_BENEFITS = "work_and_benefits", "Work and benefits advice"


class Organisation(models.Model):
    """A directory entry for an organisation, and the standard hub staff checked it against."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField()
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    managed_by = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directory_entry",
        help_text="The organisation on PA Hub whose staff keep this entry up to date.",
    )
    meets_base_standard = models.BooleanField(
        "meets the regional base standard for support organisations", default=False
    )
    base_standard_checked_on = models.DateField(null=True, blank=True)
    base_standard_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "directory organisation"

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    class Kind(models.TextChoices):
        SUPPORT_AGENCY = "support_agency", "Support agency"
        USER_LED = "user_led", "User-led organisation"
        MICRO_ENTERPRISE = "micro_enterprise", "Micro-enterprise"
        COOP = "coop", "Co-operative"
        SHARED_LIVES = "shared_lives", "Shared Lives scheme"
        PAYROLL = "payroll", "Payroll provider"
        PREPAID_CARD = "prepaid_card", "Pre-paid card provider"
        INSURANCE = "insurance", "Insurance for PA employers"
        TRAINING = "training", "Training provider"
        COMPUTER_HELP = "computer_help", "Free computer help (library, Jobcentre)"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        APPROVED = "approved", "Approved"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        CHARGED = "charged", "There is a charge"
        DEPENDS = "depends", "Free for some people"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    description = models.TextField()
    areas = models.ManyToManyField(
        "places.LocalAuthority",
        related_name="directory_services",
        blank=True,
        help_text="The council areas whose people the service is for.",
    )
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    contact_name = models.CharField(max_length=100, blank=True)
    contact_title = models.CharField(max_length=100, blank=True)
    accessibility = models.TextField(blank=True)
    languages = models.JSONField(default=list, blank=True)
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_description = models.CharField(max_length=500, blank=True)
    eligibility = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["status", "name"], name="directory_service_status")]

    def __str__(self) -> str:
        return self.name


class ServiceNeed(models.Model):
    """One need a service meets, from the controlled list."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="needs")
    need = models.CharField(max_length=30, choices=Need.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "need"], name="directory_one_need_once")
        ]
        indexes = [models.Index(fields=["need", "service"], name="directory_need_service")]

    def __str__(self) -> str:
        return self.get_need_display()


class Location(models.Model):
    """Where a service is offered: a public business address and its postcode district."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=300, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    district = models.ForeignKey(
        "places.District", on_delete=models.PROTECT, related_name="directory_locations"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name or self.address or self.district_id


class OpeningHours(models.Model):
    """A regular weekly opening: one row per day the service is open."""

    class Day(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="opening_hours")
    day = models.PositiveSmallIntegerField(choices=Day.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()

    class Meta:
        ordering = ["day"]
        verbose_name_plural = "opening hours"
        constraints = [
            models.UniqueConstraint(fields=["service", "day"], name="directory_one_opening_a_day"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="directory_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_day_display()} {self.opens_at:%H:%M} to {self.closes_at:%H:%M}"
