"""Running an import, for a dry run or for real, chunk by chunk.

Each chunk of rows is one transaction that also writes the chunk's row results and moves the
run's cursor and counts on: a crash loses at most the chunk in flight, and the next run
starts at the cursor. Why chunks and not one transaction for the whole file: docs/imports.md.
"""

import logging
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pahub.core.imports.kinds import Chunk, ImportKind, RowDecision, registry, value_reader
from pahub.core.imports.models import ImportRowResult, ImportRun
from pahub.core.imports.reading import read_rows

logger = logging.getLogger(__name__)

# Big enough that per-chunk queries cost little per row, small enough that a transaction
# holds few locks and a crash loses little (bench/import_bench.py).
CHUNK_ROWS = 1000
# A run untouched this long has lost its worker: the sweep starts it again.
STALE_AFTER = timedelta(minutes=10)

Outcome = ImportRowResult.Outcome
COUNTED = {
    Outcome.CREATED: "created",
    Outcome.UPDATED: "updated",
    Outcome.DUPLICATE: "duplicate",
    Outcome.REFUSED: "refused",
}


class RepeatFilter:
    """Refuses a row whose key (an email, a name with a postcode) an earlier row had."""

    def __init__(self, kind: ImportKind) -> None:
        self.kind = kind
        self.seen: dict[str, int] = {}

    def split(
        self, rows: list[tuple[int, dict[str, str]]]
    ) -> tuple[list[tuple[int, dict[str, str]]], list[RowDecision]]:
        fresh, repeats = [], []
        for number, values in rows:
            keys = [key for key in self.kind.row_keys(values) if key]
            first = next((self.seen[key] for key in keys if key in self.seen), None)
            if first is not None:
                repeats.append(
                    RowDecision(number, Outcome.REFUSED, f"Repeats row {first} of this file")
                )
                continue
            for key in keys:
                self.seen[key] = number
            fresh.append((number, values))
        return fresh, repeats


def _batches(
    run: ImportRun, kind: ImportKind, repeats: RepeatFilter
) -> Iterator[list[tuple[int, dict[str, str]]]]:
    """The file's rows from the cursor on, CHUNK_ROWS at a time. Rows before the cursor are
    read only to remember their keys, so a resumed run still spots repeats of them."""
    with run.file.open("rb") as binary:
        header, rows = read_rows(binary, run.file_name)
        values_of = value_reader(run.mapping, header)
        batch: list[tuple[int, dict[str, str]]] = []
        for row in rows:
            if row.number < run.cursor:
                repeats.split([(row.number, values_of(row))])
                continue
            batch.append((row.number, values_of(row)))
            if len(batch) >= CHUNK_ROWS:
                yield batch
                batch = []
        if batch:
            yield batch


def _decide(run: ImportRun, kind: ImportKind, repeats: RepeatFilter, batch, *, dry_run: bool):
    fresh, refused = repeats.split(batch)
    decisions = refused + kind.handle_chunk(Chunk(run=run, rows=fresh, dry_run=dry_run))
    return sorted(decisions, key=lambda decision: decision.row_number)


def _record(run: ImportRun, decisions: list[RowDecision], next_row: int) -> None:
    """Save a chunk's results and move the run on; the caller holds the transaction."""
    ImportRowResult.objects.bulk_create(
        ImportRowResult(
            run=run,
            row_number=decision.row_number,
            outcome=decision.outcome,
            reason=decision.reason[:300],
            object_id=decision.object_id,
        )
        for decision in decisions
    )
    counts = Counter(decision.outcome for decision in decisions)
    ImportRun.objects.filter(pk=run.pk).update(
        cursor=next_row,
        updated_at=timezone.now(),
        **{field: F(field) + counts[outcome] for outcome, field in COUNTED.items()},
    )


def _stop(run_id: int, error: Exception) -> None:
    logger.exception("Import %s stopped", run_id)
    ImportRun.objects.filter(pk=run_id).update(
        status=ImportRun.Status.FAILED,
        failure=f"The import stopped on an error ({type(error).__name__}). Resume it to go on "
        "from the last saved row; if it stops again, contact PA Hub support.",
        updated_at=timezone.now(),
    )


def check_rows(run_id: int) -> None:
    """The dry run: decide every row as the import would, and write only the results.

    The kind's work for each chunk runs inside a transaction that is always rolled back, so
    even a mistake in a kind cannot make a dry run change anything but its report.
    """
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.CHECKING:
        return
    kind = registry.get(run.kind)
    repeats = RepeatFilter(kind)
    try:
        for batch in _batches(run, kind, repeats):
            with transaction.atomic():
                decisions = _decide(run, kind, repeats, batch, dry_run=True)
                transaction.set_rollback(True)
            with transaction.atomic():
                _record(run, decisions, batch[-1][0] + 1)
    except Exception as error:
        _stop(run_id, error)
        return
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.CHECKING).update(
        status=ImportRun.Status.DRY_RUN_DONE, updated_at=timezone.now()
    )


def import_rows(run_id: int) -> None:
    """Import every row from the run's cursor on; safe to call again for the same run.

    Each chunk locks the run and checks the cursor is where this worker left it, so two
    workers given the same run (a resume while the first was only slow) never both write a
    chunk: the second finds the cursor moved and stops.
    """
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.RUNNING:
        return
    kind = registry.get(run.kind)
    repeats = RepeatFilter(kind)
    expected_cursor = run.cursor
    try:
        for batch in _batches(run, kind, repeats):
            with transaction.atomic():
                locked = ImportRun.objects.select_for_update().get(pk=run_id)
                if locked.status != ImportRun.Status.RUNNING or locked.cursor != expected_cursor:
                    return
                decisions = _decide(locked, kind, repeats, batch, dry_run=False)
                expected_cursor = batch[-1][0] + 1
                _record(locked, decisions, expected_cursor)
    except Exception as error:
        _stop(run_id, error)
        return
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.RUNNING).update(
        status=ImportRun.Status.DONE, finished_at=timezone.now(), updated_at=timezone.now()
    )


def stale_runs(*, now) -> "list[int]":
    """Runs still marked as checking or importing that no worker has touched for a while."""
    return list(
        ImportRun.objects.filter(
            status__in=[ImportRun.Status.CHECKING, ImportRun.Status.RUNNING],
            updated_at__lt=now - STALE_AFTER,
        ).values_list("pk", flat=True)
    )
