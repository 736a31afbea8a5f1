"""An import: the uploaded file, where it has got to, and what happened to each row."""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models


def import_storage() -> FileSystemStorage:
    """Uploaded registers name people: they live outside any served folder."""
    return FileSystemStorage(location=settings.MEDIA_ROOT, base_url=None)


def import_file_path(instance: "ImportRun", filename: str) -> str:
    # A random name: the original may name a person, and paths must not be guessable.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"imports/{secrets.token_hex(16)}.{suffix}"


class ImportRun(models.Model):
    """One file being imported by one organisation, from upload to its final report."""

    class Kind(models.TextChoices):
        PAS = "pas", "PA register"
        JOBS = "jobs", "Job list"

    class Status(models.TextChoices):
        DRAFT = "draft", "Columns not yet matched"
        CHECKING = "checking", "Checking (dry run)"
        DRY_RUN_DONE = "dry_run_done", "Checked, not yet imported"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Stopped"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="import_runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(storage=import_storage, upload_to=import_file_path)
    file_name = models.CharField(max_length=255)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Our field name -> the file's header, as chosen on the mapping page.
    mapping = models.JSONField(default=dict, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    # The first data row (1-based, the header is row 1) not yet imported: a resumed run
    # starts here. Moved forward in the same transaction as the rows it covers.
    cursor = models.PositiveIntegerField(default=2)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    duplicate = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    # Why a run stopped, in words for staff.
    failure = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When staff confirmed the import after its dry run: from then on it writes records, so a
    # stopped run resumes from its cursor instead of checking again.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Touched with every chunk, so the sweep can tell a run whose worker died.
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name} ({self.get_status_display()})"

    @property
    def processed(self) -> int:
        return self.created + self.updated + self.duplicate + self.refused

    @property
    def is_dry_run_report(self) -> bool:
        return self.status == self.Status.DRY_RUN_DONE


class ImportRowResult(models.Model):
    """What happened, or would happen, to one row of the file."""

    class Outcome(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        DUPLICATE = "duplicate", "Skipped as duplicate"
        REFUSED = "refused", "Refused"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="rows")
    row_number = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.CharField(max_length=300, blank=True)
    # The record created, updated or matched (a PA profile, a job), when there is one.
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["row_number"]
        constraints = [
            models.UniqueConstraint(fields=["run", "row_number"], name="one_result_per_row")
        ]
        indexes = [models.Index(fields=["run", "outcome", "row_number"])]

    def __str__(self) -> str:
        return f"Row {self.row_number}: {self.get_outcome_display()}"


class ColumnMapping(models.Model):
    """The columns an organisation matched last time, offered again for its next file."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=ImportRun.Kind.choices)
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="one_mapping_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.kind} columns"
