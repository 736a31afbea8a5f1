"""People, their roles, the organisations they work for, and who acts for whom."""

import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone

from pahub.core.tokens import secret_digest


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


# How a person who deleted their account appears on the records others keep (bookings,
# hours, conversations, hired jobs). Every name shown of a person falls back to this.
FORMER_USER_NAME = "a former PA Hub user"


class Role(models.TextChoices):
    PA = "pa", "Personal Assistant"
    EMPLOYER = "employer", "Employer"
    REPRESENTATIVE = "representative", "Representative"


# How a membership reads in `User._read_roles_and_memberships`, among the roles' codes.
MEMBERSHIP_ROW = ""


class User(AbstractBaseUser, PermissionsMixin):
    """One account per person, whatever roles they hold."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField("full name", max_length=150)
    known_as = models.CharField("known as", max_length=80, blank=True)
    phone = models.CharField("phone number", max_length=30, blank=True)
    # The full postcode is private: only its district is ever shown to anyone else.
    postcode = models.CharField(max_length=8, blank=True)
    district = models.ForeignKey(
        "places.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    local_authority = models.ForeignKey(
        "places.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="residents",
    )
    is_active = models.BooleanField(default=True)
    # Django's flag for the /admin/ site; PA Hub's own staff pages use memberships.
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Set when the person deleted their account: the row stays, with no personal data, so
    # the records other people rely on still point somewhere (accounts.erasure).
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "id"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.deleted_at is not None:
            return FORMER_USER_NAME
        return self.known_as or self.full_name or self.email

    @property
    def is_former(self) -> bool:
        return self.deleted_at is not None

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.display_name

    @property
    def role_set(self) -> frozenset[str]:
        """The person's roles, read once per request (with `has_memberships`)."""
        if not hasattr(self, "_role_cache"):
            self._read_roles_and_memberships()
        return self._role_cache

    def has_role(self, role: str) -> bool:
        return role in self.role_set

    @property
    def has_memberships(self) -> bool:
        """Whether the person is staff of any organisation, read once per request: a page asks
        up to three times (the two-factor check, the header, the page's own rule)."""
        if not hasattr(self, "_membership_cache"):
            self._read_roles_and_memberships()
        return self._membership_cache

    def _read_roles_and_memberships(self) -> None:
        """Both facts in one query: every signed-in page asks both (its header shows the
        roles' links, the two-factor check asks whether they are staff), and on PostgreSQL
        each query is a round trip. A membership reads as an empty role, which no role is."""
        # Unordered: neither side of a UNION may have its own ORDER BY on SQLite.
        memberships = (
            self.memberships.order_by()
            .annotate(as_role=models.Value(MEMBERSHIP_ROW))
            .values_list("as_role", flat=True)
        )
        roles = self.roles.order_by().values_list("role", flat=True)
        rows = set(roles.union(memberships, all=True))
        self._membership_cache = MEMBERSHIP_ROW in rows
        self._role_cache = frozenset(rows - {MEMBERSHIP_ROW})

    def forget_memberships(self) -> None:
        """After the person joins or leaves an organisation."""
        self.__dict__.pop("_membership_cache", None)


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_row_per_user_role")
        ]
        ordering = ["role"]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        SUPPORT_AGENCY = "support_agency", "Support agency"
        USER_LED = "user_led", "User-led organisation"
        TRAINING_PROVIDER = "training_provider", "Training provider"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    local_authorities = models.ManyToManyField(
        "places.LocalAuthority",
        related_name="organisations",
        help_text="The areas this organisation works in.",
    )
    verifies_evidence = models.BooleanField(
        default=False, help_text="Its verifiers may check PAs' documents."
    )
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person working for an organisation on PA Hub."""

    class StaffRole(models.TextChoices):
        ADMIN = "admin", "Administrator"
        VERIFIER = "verifier", "Verifier"
        MEMBER = "member", "Member"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=StaffRole.choices, default=StaffRole.MEMBER)
    # A council's safeguarding staff read the safeguarding concerns raised in its areas
    # (pahub.support.concerns). Switched on by an organisation admin, one person at a time.
    handles_safeguarding = models.BooleanField(default=False)
    # A council's commissioners read the insights dashboards for its areas (pahub.insights,
    # docs/insights.md). Switched on by an organisation admin, one person at a time.
    views_insights = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]
        ordering = ["organisation__name", "user__full_name"]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation} ({self.get_role_display()})"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.forget_on_user()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.forget_on_user()
        return deleted

    def forget_on_user(self) -> None:
        """The user this membership was made with (when loaded) reads their memberships again."""
        user = self._state.fields_cache.get("user")
        if user is not None:
            user.forget_memberships()


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class StaffInvitation(models.Model):
    """An organisation admin asks someone by email to join as staff."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(
        max_length=20, choices=Membership.StaffRole.choices, default=Membership.StaffRole.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class Representation(models.Model):
    """A representative may act for an employer only once the grant is active."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for the employer"
        ACTIVE = "active", "Active"
        DECLINED = "declined", "Declined"
        REVOKED = "revoked", "Ended"

    employer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="representatives")
    representative = models.ForeignKey(User, on_delete=models.CASCADE, related_name="represents")
    relationship = models.CharField(
        max_length=120, help_text="For example: daughter, appointed deputy, friend"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    created_at = models.DateTimeField(auto_now_add=True)
    granted_at = models.DateTimeField(null=True, blank=True)
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when staff recorded the grant for the employer (assisted digital).
    granted_on_behalf_note = models.TextField(blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "representative"],
                condition=Q(status__in=["requested", "active"]),
                name="one_open_representation_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(employer=models.F("representative")),
                name="cannot_represent_yourself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.representative} for {self.employer} ({self.get_status_display()})"


class OrganisationConsent(models.Model):
    """A person's agreement, recorded by staff, that an organisation's staff may act for them.

    One model for both sides: an employer lets the organisation act for them on PA Hub (set
    up their profile, post jobs, message PAs); a PA lets it create or edit their profile
    (assisted digital). Withdrawn at any time; a withdrawn agreement is kept as a record.
    """

    class Purpose(models.TextChoices):
        ACT_FOR_EMPLOYER = "act_for_employer", "Act for the employer on PA Hub"
        ASSISTED_DIGITAL = "assisted_digital", "Create or edit the PA's profile for them"

    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    # Who gave the agreement: the employer, or the PA whose profile it is.
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="organisation_consents")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="consents"
    )
    how_given = models.TextField(help_text="How and when the person agreed, in a sentence.")
    recorded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_purpose",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} may help {self.person} ({self.get_purpose_display()})"


hash_api_key = secret_digest


class ApiKey(models.Model):
    """A key an organisation's systems use for the API. Only its hash is stored."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
