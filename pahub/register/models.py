"""The PA register: profiles, the code of conduct, evidence, verification and levels.

The skills, interests and languages profiles name are the shared taxonomy
(`pahub.taxonomy.models`).

A level is never typed in: it is computed from verified evidence by
`pahub.register.levels.level_for` and cached on the profile by services.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone

from pahub.core.tokens import secret_digest
from pahub.taxonomy import dbs
from pahub.taxonomy.models import Interest, Language, Skill


def private_storage() -> FileSystemStorage:
    """Uploads live outside any served folder and are only sent through permission checks."""
    return FileSystemStorage(location=settings.MEDIA_ROOT, base_url=None)


def private_upload_path(instance: models.Model, filename: str) -> str:
    # A random name: the original may contain personal details, and paths must not be guessable.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"register/{instance._meta.model_name}/{secrets.token_hex(16)}.{suffix}"


class PAProfile(models.Model):
    class WorkWanted(models.TextChoices):
        REGULAR = "regular", "Regular work"
        COVER = "cover", "Cover at short notice"
        BOTH = "both", "Both regular work and cover"

    class Gender(models.TextChoices):
        # Asked only so an employer may lawfully require a woman or a man for intimate
        # personal care (Equality Act 2010, Schedule 9 occupational requirement).
        NOT_SAID = "", "I would rather not say"
        WOMAN = "woman", "Woman"
        MAN = "man", "Man"
        NON_BINARY = "non_binary", "Non-binary"

    class Visibility(models.TextChoices):
        HIDDEN = "hidden", "Hidden: nobody can find my profile"
        LOCAL = "local", "Verified employers and staff in the areas I choose"
        ALL_EMPLOYERS = "all", "Any signed-in employer"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pa_profile"
    )
    # Personal half
    display_name = models.CharField(max_length=80, blank=True)
    about_me = models.TextField(blank=True)
    what_matters = models.TextField(blank=True)
    interests = models.ManyToManyField(Interest, blank=True, related_name="profiles")
    other_interests = models.JSONField(default=list, blank=True)
    photo = models.ImageField(storage=private_storage, upload_to=private_upload_path, blank=True)
    # Employment half
    skills = models.ManyToManyField(Skill, blank=True, related_name="profiles")
    years_experience = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(70)]
    )
    experience_kinds = models.JSONField(default=list, blank=True)
    experience_summary = models.TextField(blank=True)
    # In the PA's own words; qualifications that count towards a level are evidence instead.
    qualifications_summary = models.TextField(blank=True)
    gender = models.CharField(max_length=12, choices=Gender.choices, blank=True)
    has_driving_licence = models.BooleanField(default=False)
    has_own_car = models.BooleanField(default=False)
    offers_driving = models.BooleanField(default=False)
    availability = models.BigIntegerField(default=0, help_text="42-bit weekly grid")
    travel_miles = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    hourly_rate = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    work_wanted = models.CharField(
        max_length=10, choices=WorkWanted.choices, default=WorkWanted.BOTH
    )
    # "I am paid to support a family member": counted for councils (paid family members vs
    # others, issue 14); never shown to employers.
    works_for_family = models.BooleanField(default=False)
    # Who may see it
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.HIDDEN
    )
    visible_in = models.ManyToManyField(
        "places.LocalAuthority", blank=True, related_name="visible_profiles"
    )
    is_paused = models.BooleanField(default=False)
    completed_steps = models.JSONField(default=list, blank=True)
    # Derived, recomputed by services whenever evidence, code or profile change.
    level = models.PositiveSmallIntegerField(default=0, db_index=True)
    level_computed_at = models.DateTimeField(null=True, blank=True)
    # The highest current, verified DBS check (its rank on `pahub.taxonomy.dbs`), kept with
    # the level so matching can filter on it in the database.
    dbs_rank = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_active_at = models.DateTimeField(default=timezone.now)
    # A copy of `user.district`, so matching finds the PAs within reach of a job from this
    # table's matching index alone, without joining every candidate's user
    # (docs/matching.md#benchmark). Set when the profile is created (`save`) and whenever the
    # user is saved with a district (`register.signals.copy_user_district`); never edited.
    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    # `skills` and `interests` as bits (skill n is bit n - 1, for 1 to 63), so matching tests
    # and scores them with a bitwise AND (`register.masks`). Kept by `register.signals`
    # whenever they change, and by seeding; never edited.
    skills_mask = models.BigIntegerField(default=0, editable=False)
    interests_mask = models.BigIntegerField(default=0, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["visibility", "is_paused", "level"]),
            # The staff register search joins profiles to their users' areas and keeps only
            # the ids; with this index PostgreSQL reads both from the index instead of the
            # whole table (bench/register_search_bench.py: 200 to 120 ms for a local
            # authority's PAs among 100,000).
            models.Index(fields=["user", "id"], name="register_profile_user_id"),
            # Matching reads every PA looking for work (not paused, not hidden) to find a job's
            # best 50: with every column it tests and scores in this index (the skills and
            # interests masks too), SQLite and PostgreSQL read the index alone instead of the
            # whole table (docs/matching.md).
            models.Index(
                fields=[
                    "is_paused",
                    "visibility",
                    "availability",
                    "skills_mask",
                    "interests_mask",
                    "dbs_rank",
                    "has_driving_licence",
                    "has_own_car",
                    "gender",
                    "level",
                    "travel_miles",
                    "years_experience",
                    "last_active_at",
                    "district",
                    "user",
                    "id",
                ],
                name="register_profile_match_masks",
            ),
        ]

    def __str__(self) -> str:
        return self.shown_name

    def save(self, *args, **kwargs) -> None:
        if self._state.adding and self.district_id is None and self.user_id is not None:
            self.district_id = self.user.district_id
        super().save(*args, **kwargs)

    @property
    def shown_name(self) -> str:
        return self.display_name or self.user.display_name


class ProfileLanguage(models.Model):
    class Level(models.TextChoices):
        BASIC = "basic", "Basic"
        CONVERSATIONAL = "conversational", "Conversational"
        FLUENT = "fluent", "Fluent"
        FIRST = "first", "First language"

    profile = models.ForeignKey(PAProfile, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(max_length=20, choices=Level.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="one_level_per_language")
        ]
        ordering = ["language__name"]

    def __str__(self) -> str:
        return f"{self.language} ({self.get_level_display()})"


class CodeOfConductVersion(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=120, default="PA Hub code of conduct")
    body = models.TextField(
        help_text="Sections start with '## '; paragraphs are blank-line separated."
    )
    summary_of_changes = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Code of conduct, version {self.number}"


class CodeSignature(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="code_signatures"
    )
    version = models.ForeignKey(
        CodeOfConductVersion, on_delete=models.PROTECT, related_name="signatures"
    )
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="sign_each_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} signed version {self.version.number}"


dbs_certificate_number = RegexValidator(
    r"^\d{12}$",
    "Enter the 12-digit certificate number, printed at the top right of the certificate",
)


class Evidence(models.Model):
    class Kind(models.TextChoices):
        IDENTITY = "identity", "Identity"
        DBS = "dbs", "DBS certificate"
        RIGHT_TO_WORK = "right_to_work", "Right to work in the UK"
        DRIVING_LICENCE = "driving_licence", "Driving licence"
        QUALIFICATION = "qualification", "Qualification"
        REFERENCE = "reference", "Reference"
        SPECIALIST = "specialist", "Specialist skill"

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Waiting to be checked"
        VERIFIED = "verified", "Verified"
        NEEDS_MORE = "needs_more", "More information needed"
        REJECTED = "rejected", "Not accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # The DBS ladder is `pahub.taxonomy.dbs`; these names stay for the register's callers.
    # A certificate shows one of the rungs above "none", so `dbs_type` offers only those.
    DbsType = dbs.DbsLevel
    DBS_RANKS = dbs.DBS_RANKS

    class StatusCheckResult(models.TextChoices):
        NO_NEW_INFORMATION = "no_new_information", "No new information"
        NEW_INFORMATION = "new_information", "New information: a new check is needed"
        DETAILS_DO_NOT_MATCH = "mismatch", "Details did not match"

    class IdentityDocument(models.TextChoices):
        PASSPORT = "passport", "Passport"
        DRIVING_LICENCE = "driving_licence", "Photocard driving licence"
        BIOMETRIC_RESIDENCE_PERMIT = "brp", "Biometric residence permit"
        OTHER = "other", "Another document with my photo"

    class RightToWork(models.TextChoices):
        BRITISH_OR_IRISH = "british_irish", "I am a British or Irish citizen"
        SETTLED = "settled", "I have settled or pre-settled status"
        VISA = "visa", "I have a visa that lets me work"
        OTHER = "other", "Something else"

    profile = models.ForeignKey(PAProfile, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    title = models.CharField(max_length=200, blank=True)
    awarding_body = models.CharField(max_length=200, blank=True)
    achieved_on = models.DateField(null=True, blank=True)
    skill = models.ForeignKey(Skill, null=True, blank=True, on_delete=models.PROTECT)
    dbs_type = models.CharField(max_length=20, choices=dbs.CERTIFICATE_CHOICES, blank=True)
    dbs_certificate_number = models.CharField(
        max_length=12, blank=True, validators=[dbs_certificate_number]
    )
    dbs_issue_date = models.DateField(null=True, blank=True)
    dbs_on_update_service = models.BooleanField(default=False)
    dbs_status_check_consent = models.BooleanField(default=False)
    # Declared evidence: what the PA told us, checked later by staff who see the original.
    identity_document = models.CharField(
        max_length=20, choices=IdentityDocument.choices, blank=True
    )
    right_to_work = models.CharField(max_length=20, choices=RightToWork.choices, blank=True)
    share_code = models.CharField(max_length=9, blank=True)
    driving_licence_number = models.CharField(max_length=16, blank=True)
    declared_at = models.DateTimeField(
        null=True, blank=True, help_text="When the PA declared the information true."
    )
    # Verified evidence is never edited: a change makes a new item that points to the old one.
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    document = models.FileField(storage=private_storage, upload_to=private_upload_path, blank=True)
    document_name = models.CharField(max_length=200, blank=True)
    document_content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The latest outcome, copied from the newest VerificationRecord for quick reading.
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_by_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_reason = models.TextField(blank=True, help_text="Shown to the PA.")
    status_checked_on = models.DateField(null=True, blank=True)
    status_check_result = models.CharField(
        max_length=20, choices=StatusCheckResult.choices, blank=True
    )
    expires_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "-created_at"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["profile", "kind", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.profile}"


class VerificationRecord(models.Model):
    """One check by a verifier. Never edited: a new check adds a new record."""

    class Outcome(models.TextChoices):
        VERIFIED = "verified", "Verified"
        NEEDS_MORE = "needs_more", "More information needed"
        REJECTED = "rejected", "Not accepted"

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="verifications")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    saw_original = models.BooleanField(default=False)
    status_checked_on = models.DateField(null=True, blank=True)
    status_check_result = models.CharField(
        max_length=20, choices=Evidence.StatusCheckResult.choices, blank=True
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    organisation = models.ForeignKey("accounts.Organisation", null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.evidence}"


hash_token = secret_digest


class ReferenceRequest(models.Model):
    """A referee answers through a one-time, expiring link; they need no account."""

    class Relationship(models.TextChoices):
        EMPLOYER = "employer", "Employer I have worked for as a PA"
        WORK = "work", "Someone I have worked with or for in another job"
        CHARACTER = "character", "Someone who knows me well (character reference)"

    evidence = models.OneToOneField(
        Evidence, on_delete=models.CASCADE, related_name="reference_request"
    )
    referee_name = models.CharField(max_length=150)
    referee_email = models.EmailField()
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    note = models.TextField(blank=True, help_text="The PA's note to the referee.")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    declined = models.BooleanField(default=False)
    # The referee's answers
    known_for = models.CharField(max_length=120, blank=True)
    capacity = models.TextField(blank=True)
    reliable = models.CharField(max_length=10, blank=True)
    would_recommend = models.CharField(max_length=10, blank=True)
    comments = models.TextField(blank=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Reference from {self.referee_name}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expires_at > timezone.now()


class InductionCompletion(models.Model):
    """Induction course completed: recorded by staff (done elsewhere, with evidence), or by the
    learning zone when a PA earns the Induction course's certificate (`certificate_code`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="induction"
    )
    completed_on = models.DateField()
    source = models.CharField(max_length=40, default="recorded by staff")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey("accounts.Organisation", null=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(default=timezone.now)
    # The learning zone's certificate code when the PA completed the course on PA Hub.
    certificate_code = models.CharField(max_length=12, blank=True)
    # For an induction done elsewhere: what staff saw ("Care Skills Ltd certificate, 4 May").
    evidence_note = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Induction completed by {self.user} on {self.completed_on}"


class DbsRule(models.Model):
    """A local authority's rule on how old a DBS certificate may be."""

    local_authority = models.OneToOneField(
        "places.LocalAuthority", on_delete=models.CASCADE, related_name="dbs_rule"
    )
    max_certificate_age_months = models.PositiveSmallIntegerField(default=36)

    def __str__(self) -> str:
        return f"{self.local_authority}: {self.max_certificate_age_months} months"


class ExpiryReminder(models.Model):
    """A reminder already sent, so each is sent once."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="reminders")
    reason = models.CharField(max_length=40)
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "reason", "due_on"], name="one_reminder_per_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} reminder for {self.evidence}"


class ProfileClaim(models.Model):
    """A profile an organisation imported from its own register, waiting for its PA.

    The profile stays hidden from employers (`PAProfile.visibility` is HIDDEN) until the PA
    follows the emailed link, checks the details, gives consent and sets a password
    (`pahub.register.claims`). Only the link's digest is stored.
    """

    profile = models.OneToOneField(PAProfile, on_delete=models.CASCADE, related_name="claim")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        state = "claimed" if self.claimed_at else "waiting"
        return f"{self.profile} imported by {self.organisation} ({state})"
