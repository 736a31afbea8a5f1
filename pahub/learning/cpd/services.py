"""Changing a PA's CPD log and prior learning: one function per action, each one
transaction. Pages, the API and the periodic reminder call these.

Evidence files are checked by the register's upload rules (`register.uploads`) before they
get here, and stored under a random name in private storage: the original name may hold
personal details, and nothing under MEDIA_ROOT is served except through a permission check.
"""

import secrets
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from pahub.core import audit
from pahub.core.forms import FieldInputError
from pahub.learning.models import CPDEntry, CPDReview, LearningRecord, ModuleCompletion
from pahub.learning.topics import Topic
from pahub.register.evidence import services as evidence_services
from pahub.register.models import Evidence
from pahub.register.services import profile_get_or_create
from pahub.register.uploads import CheckedUpload

MAX_HOURS = Decimal(100)
TITLE_LIMIT = 200
TEXT_LIMIT = 5000
CPD_FIELDS = ("title", "provider", "learned_on", "hours", "what_i_learned")


def check_hours(value: object) -> Decimal:
    """Hours as a Decimal: more than 0, at most 100, to the nearest hundredth at most."""
    try:
        hours = Decimal(str(value))
    except InvalidOperation:
        raise FieldInputError("hours", "Enter the hours as a number, like 1.5") from None
    if not hours.is_finite():
        raise FieldInputError("hours", "Enter the hours as a number, like 1.5")
    if hours <= 0:
        raise FieldInputError("hours", "Hours must be more than 0")
    if hours > MAX_HOURS:
        raise FieldInputError("hours", "Hours must be 100 or fewer for one entry")
    if hours != hours.quantize(Decimal("0.01")):
        raise FieldInputError("hours", "Hours can have 2 decimal places at most, like 1.25")
    return hours.quantize(Decimal("0.01"))


def check_text(name: str, value: str, *, required: bool, limit: int, message: str) -> str:
    value = (value or "").strip()
    if required and not value:
        raise FieldInputError(name, message)
    if len(value) > limit:
        raise FieldInputError(name, f"This must be {limit:,} characters or fewer")
    return value


def check_cpd(
    *, title: str, provider: str, learned_on: date, hours: object, what_i_learned: str
) -> dict:
    if learned_on is None:
        raise FieldInputError("learned_on", "Enter the date you did the learning")
    if learned_on > timezone.localdate():
        raise FieldInputError("learned_on", "The date must be today or in the past")
    return {
        "title": check_text(
            "title", title, required=True, limit=TITLE_LIMIT, message="Enter what the learning was"
        ),
        "provider": check_text("provider", provider, required=False, limit=TITLE_LIMIT, message=""),
        "learned_on": learned_on,
        "hours": check_hours(hours),
        "what_i_learned": check_text(
            "what_i_learned",
            what_i_learned,
            required=True,
            limit=TEXT_LIMIT,
            message="Enter what you learned",
        ),
    }


def attach_evidence_file(entry: CPDEntry, upload: CheckedUpload) -> None:
    entry.evidence_file.save(f"{secrets.token_hex(16)}.{upload.extension}", upload.file, save=False)


@transaction.atomic
def cpd_entry_add(
    *,
    user,
    title: str,
    provider: str = "",
    learned_on: date,
    hours: object,
    what_i_learned: str,
    evidence: CheckedUpload | None = None,
    module_completion: ModuleCompletion | None = None,
) -> CPDEntry:
    """Log one piece of learning."""
    details = check_cpd(
        title=title,
        provider=provider,
        learned_on=learned_on,
        hours=hours,
        what_i_learned=what_i_learned,
    )
    if module_completion is not None:
        if module_completion.user_id != user.pk:
            raise FieldInputError("module_completion", "This is not one of your completions")
        if CPDEntry.objects.filter(module_completion=module_completion).exists():
            raise FieldInputError("module_completion", "This module is already in your CPD log")
    entry = CPDEntry(user=user, module_completion=module_completion, **details)
    if evidence is not None:
        attach_evidence_file(entry, evidence)
    entry.save()
    audit.record(user, "learning.cpd_added", entry)
    return entry


@transaction.atomic
def cpd_entry_change(
    *,
    entry: CPDEntry,
    by,
    evidence: CheckedUpload | None = None,
    remove_evidence: bool = False,
    **changes,
) -> CPDEntry:
    """Change some fields of an entry (others are kept); replace or remove its file."""
    unknown = set(changes) - set(CPD_FIELDS)
    if unknown:
        raise ValueError(f"A CPD entry has no {sorted(unknown)}")
    current = {name: getattr(entry, name) for name in CPD_FIELDS}
    details = check_cpd(**{**current, **changes})
    update_fields = [name for name in CPD_FIELDS if details[name] != current[name]]
    for name in update_fields:
        setattr(entry, name, details[name])
    if evidence is not None:
        attach_evidence_file(entry, evidence)
        update_fields.append("evidence_file")
    elif remove_evidence and entry.evidence_file:
        entry.evidence_file.delete(save=False)
        entry.evidence_file = ""
        update_fields.append("evidence_file")
    if update_fields:
        entry.save(update_fields=update_fields)
        audit.record(by, "learning.cpd_changed", entry, fields=sorted(update_fields))
    return entry


@transaction.atomic
def cpd_entry_delete(*, entry: CPDEntry, by) -> None:
    if entry.evidence_file:
        entry.evidence_file.delete(save=False)
    audit.record(by, "learning.cpd_deleted", entry)
    entry.delete()


@transaction.atomic
def cpd_review_record(*, user, note: str = "", now: datetime | None = None) -> CPDReview:
    """The PA has reviewed their log. A reminder waiting for this review is answered by it;
    otherwise a new review is recorded. The yearly reminder counts from here."""
    now = now or timezone.now()
    note = check_text("note", note, required=False, limit=TEXT_LIMIT, message="")
    waiting = (
        CPDReview.objects.select_for_update()
        .filter(user=user, reviewed_at__isnull=True)
        .order_by("-reminded_at")
        .first()
    )
    if waiting is not None:
        waiting.reviewed_at = now
        waiting.note = note
        waiting.save(update_fields=["reviewed_at", "note"])
        return waiting
    return CPDReview.objects.create(user=user, reviewed_at=now, note=note)


# Prior learning


RECORD_FIELDS = ("kind", "title", "provider", "completed_on", "description", "topics")


def check_record(
    *,
    kind: str,
    title: str,
    provider: str,
    completed_on: date | None,
    description: str,
    topics: list[str],
) -> dict:
    if kind not in LearningRecord.Kind.values:
        raise FieldInputError("kind", "Select what kind of learning it was")
    if completed_on is not None and completed_on > timezone.localdate():
        raise FieldInputError("completed_on", "The date must be today or in the past")
    unknown = [topic for topic in topics if topic not in Topic.values]
    if unknown:
        raise FieldInputError("topics", f"There is no topic called {unknown[0]}")
    return {
        "kind": kind,
        "title": check_text(
            "title", title, required=True, limit=TITLE_LIMIT, message="Enter the name of it"
        ),
        "provider": check_text("provider", provider, required=False, limit=TITLE_LIMIT, message=""),
        "completed_on": completed_on,
        "description": check_text(
            "description", description, required=False, limit=TEXT_LIMIT, message=""
        ),
        "topics": [topic for topic in Topic.values if topic in topics],
    }


@transaction.atomic
def learning_record_add(*, user, **fields) -> LearningRecord:
    record = LearningRecord.objects.create(user=user, **check_record(**fields))
    audit.record(user, "learning.record_added", record)
    return record


@transaction.atomic
def learning_record_change(*, record: LearningRecord, by, **fields) -> LearningRecord:
    current = {name: getattr(record, name) for name in RECORD_FIELDS}
    details = check_record(**{**current, **fields})
    update_fields = [name for name in RECORD_FIELDS if details[name] != current[name]]
    for name in update_fields:
        setattr(record, name, details[name])
    if update_fields:
        record.save(update_fields=update_fields)
        audit.record(by, "learning.record_changed", record, fields=update_fields)
    return record


@transaction.atomic
def learning_record_delete(*, record: LearningRecord, by) -> None:
    """Delete the record. Evidence already sent to be checked stays with the register, where
    the PA can withdraw it: it may already count towards their level."""
    audit.record(by, "learning.record_deleted", record)
    record.delete()


@transaction.atomic
def learning_record_send_for_checking(
    *, record: LearningRecord, by, document: CheckedUpload | None = None
) -> Evidence:
    """Send a qualification to the register to be checked, through the register's own
    evidence service: once staff verify it, it counts towards the PA's level like any
    qualification added on the evidence page."""
    if record.kind != LearningRecord.Kind.QUALIFICATION:
        raise FieldInputError("kind", "Only a qualification can be sent to be checked")
    if record.evidence_id is not None:
        raise FieldInputError("send_for_checking", "This has already been sent to be checked")
    if not record.provider:
        raise FieldInputError("provider", "Enter the awarding body, so staff know who awarded it")
    if record.completed_on is None:
        raise FieldInputError("completed_on", "Enter the date you achieved it")
    profile = profile_get_or_create(user=record.user)
    try:
        evidence = evidence_services.evidence_add(
            profile=profile,
            kind=Evidence.Kind.QUALIFICATION,
            by=by,
            details={
                "title": record.title,
                "awarding_body": record.provider,
                "achieved_on": record.completed_on,
            },
            document=document,
        )
    except evidence_services.EvidenceError as error:
        raise FieldInputError("send_for_checking", str(error)) from None
    record.evidence = evidence
    record.save(update_fields=["evidence"])
    return evidence


@transaction.atomic
def learning_record_save(
    *,
    user,
    record: LearningRecord | None = None,
    fields: dict,
    send_for_checking: bool = False,
    document: CheckedUpload | None = None,
) -> LearningRecord:
    """Add or change a record and, if asked, send it to be checked: all or nothing, so a
    record is never saved without the check it asked for."""
    if record is None:
        record = learning_record_add(user=user, **fields)
    else:
        record = learning_record_change(record=record, by=user, **fields)
    if send_for_checking:
        learning_record_send_for_checking(record=record, by=user, document=document)
    return record
