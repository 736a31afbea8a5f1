"""The steps of an import, one function each, called by the staff pages, the API and the
sweep alike: upload, match columns and check (the dry run), confirm, resume."""

from collections.abc import Iterator
from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from pahub.core import audit
from pahub.core.imports import runner
from pahub.core.imports.kinds import ImportKind, guess_mapping, registry, usable_mapping
from pahub.core.imports.models import ColumnMapping, ImportRowResult, ImportRun
from pahub.core.imports.reading import check_upload, read_rows
from pahub.core.imports.tasks import check_import, run_import


class ImportStateError(ValueError):
    """The run is not at the step this action needs; `message` is for staff."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MappingProblem(ValueError):
    """Some fields are not matched properly: {field name: message for that field's select}."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def kind_of(run: ImportRun) -> ImportKind:
    return registry.get(run.kind)


def import_upload(*, organisation, by, kind: str, uploaded: UploadedFile) -> ImportRun:
    """Keep an uploaded file for import; raises reading.FileProblem if it cannot be."""
    registry.get(kind)
    name = uploaded.name or "upload"
    uploaded.seek(0)
    _header, total = check_upload(uploaded, name, uploaded.size or 0)
    uploaded.seek(0)
    run = ImportRun(
        organisation=organisation, started_by=by, kind=kind, file_name=name[-255:], total_rows=total
    )
    run.file.save(name, uploaded, save=False)
    run.save()
    audit.record(by, "import.uploaded", run, kind=kind, rows=total)
    return run


def file_header(run: ImportRun) -> list[str]:
    with run.file.open("rb") as binary:
        header, _rows = read_rows(binary, run.file_name)
        return header


def mapping_offered(run: ImportRun, header: list[str]) -> dict[str, str]:
    """The columns to preselect: the run's own, else the organisation's last, else guesses."""
    kind = kind_of(run)
    if run.mapping:
        return usable_mapping(kind, run.mapping, header)
    remembered = ColumnMapping.objects.filter(
        organisation_id=run.organisation_id, kind=run.kind
    ).first()
    guessed = guess_mapping(kind, header)
    if remembered is None:
        return guessed
    return {**guessed, **usable_mapping(kind, remembered.mapping, header)}


def check_mapping(kind: ImportKind, header: list[str], mapping: dict[str, str]) -> dict[str, str]:
    """The mapping without unmatched fields; raises MappingProblem naming each field at fault."""
    chosen = {name: column for name, column in mapping.items() if column}
    errors: dict[str, str] = {}
    for item in kind.fields:
        column = chosen.get(item.name)
        if column is None:
            if item.required:
                errors[item.name] = f"Select the column that holds {item.label.lower()}"
        elif column not in header:
            errors[item.name] = f"Choose one of the file's columns for {item.label.lower()}"
    used: dict[str, str] = {}
    for item in kind.fields:
        column = chosen.get(item.name)
        if column and column in used and item.name not in errors:
            errors[item.name] = (
                f"The column '{column}' is already used for {used[column].lower()}; "
                "each column can fill one field"
            )
        elif column:
            used[column] = item.label
    if errors:
        raise MappingProblem(errors)
    return chosen


def _reset(run: ImportRun, status: str) -> None:
    ImportRowResult.objects.filter(run=run).delete()
    run.status = status
    run.cursor = 2
    run.created = run.updated = run.duplicate = run.refused = 0
    run.failure = ""
    run.finished_at = None


def import_check_start(*, run: ImportRun, by, mapping: dict[str, str]) -> ImportRun:
    """Remember the columns (for this run and the organisation's next) and start the dry run."""
    if run.confirmed_at is not None or run.status not in (
        ImportRun.Status.DRAFT,
        ImportRun.Status.DRY_RUN_DONE,
        ImportRun.Status.FAILED,
    ):
        raise ImportStateError("This import has started: its columns can no longer change.")
    kind = kind_of(run)
    chosen = check_mapping(kind, file_header(run), mapping)
    with transaction.atomic():
        _reset(run, ImportRun.Status.CHECKING)
        run.mapping = chosen
        run.save()
        ColumnMapping.objects.update_or_create(
            organisation_id=run.organisation_id, kind=run.kind, defaults={"mapping": chosen}
        )
        audit.record(by, "import.checked", run)
    check_import.enqueue(run_id=run.pk)
    run.refresh_from_db()
    return run


def import_confirm(*, run: ImportRun, by) -> ImportRun:
    """Import the checked file for real, in the background."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ImportRun.Status.DRY_RUN_DONE:
            raise ImportStateError("Only a checked import that has not started can be confirmed.")
        _reset(run, ImportRun.Status.RUNNING)
        run.confirmed_at = timezone.now()
        run.save()
        audit.record(by, "import.confirmed", run, rows=run.total_rows)
    run_import.enqueue(run_id=run.pk)
    run.refresh_from_db()
    return run


def is_resumable(run: ImportRun, *, now: datetime | None = None) -> bool:
    """A stopped import, or one whose worker has not been heard of for a while."""
    if run.status == ImportRun.Status.FAILED:
        return bool(run.mapping)
    if run.status in (ImportRun.Status.RUNNING, ImportRun.Status.CHECKING):
        return run.updated_at < (now or timezone.now()) - runner.STALE_AFTER
    return False


def _restart(run: ImportRun) -> None:
    """Start a run's worker again: an import goes on from its cursor; a dry run, which wrote
    nothing but its report, starts again from the top."""
    if run.confirmed_at is None:
        _reset(run, ImportRun.Status.CHECKING)
        run.save()
        check_import.enqueue(run_id=run.pk)
        return
    ImportRowResult.objects.filter(run=run, row_number__gte=run.cursor).delete()
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.RUNNING, failure="", updated_at=timezone.now()
    )
    run_import.enqueue(run_id=run.pk)


def import_resume(*, run: ImportRun, by) -> ImportRun:
    if not is_resumable(run):
        raise ImportStateError("This import is not stopped, so there is nothing to resume.")
    audit.record(by, "import.resumed", run, from_row=run.cursor)
    _restart(run)
    run.refresh_from_db()
    return run


def imports_resume_stale(*, now: datetime) -> int:
    """The sweep: start again every run whose worker died. Returns how many."""
    restarted = 0
    for run in ImportRun.objects.filter(pk__in=runner.stale_runs(now=now)):
        audit.record(None, "import.resumed", run, from_row=run.cursor, by_sweep=True)
        _restart(run)
        restarted += 1
    return restarted


def report_lines(run: ImportRun) -> Iterator[list[str]]:
    """The row-by-row report as CSV lines, header first, streamed from the database."""
    yield ["Row", "Outcome", "Reason", "Record"]
    for result in ImportRowResult.objects.filter(run=run).order_by("row_number").iterator(2000):
        yield [
            str(result.row_number),
            result.get_outcome_display(),
            result.reason,
            "" if result.object_id is None else str(result.object_id),
        ]
