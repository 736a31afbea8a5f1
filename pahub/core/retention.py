"""The one registry of how long PA Hub keeps each kind of personal data.

Each app states its rules in a `retention.py` module of its own, with `retention.rule(...)`;
core finds those modules with Django's `autodiscover_modules` (as `core.schedule` finds
`periodic.py`), so it never imports an app above it by name. Both the daily task
(`manage.py run_periodic retention`, in `pahub/core/periodic.py`) and the public page
`/privacy/retention/` read this registry, so what we say and what we do cannot drift.

A rule says what it covers, how long it is kept (days, overridable per rule with the
`RETENTION_DAYS` setting), what happens then (deleted, or anonymised) and why, all in plain
English for the page. An app above may put a *hold* on another app's rule ("kept while a cover
booking between them has not finished"), so a lower app never needs to know about a higher one.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from pahub.core import audit

logger = logging.getLogger(__name__)

# The module each app keeps its retention rules in.
RETENTION_MODULE = "retention"
# Rows changed per transaction: small enough not to lock a table for long.
BATCH_SIZE = 500
# A bound on one run's work per rule; the next daily run carries on where it stopped.
MAX_BATCHES_PER_RUN = 200


class Action(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"


ACTION_WORDS = {
    Action.DELETE: "Deleted",
    Action.ANONYMISE: "Anonymised",
}


class MissingWording(ValueError):
    """A rule or hold without the plain-English words the public page shows."""


@dataclass(frozen=True)
class Hold:
    """Records a rule would remove that must be kept for now, and why, in plain English."""

    rule: str
    reason: str  # completes "Kept while …", e.g. "a cover booking between them has not ended"
    keep: Callable[[models.QuerySet], models.QuerySet]  # the candidates, less those kept


@dataclass(frozen=True)
class Rule:
    """One kind of personal data, how long we keep it and what happens then."""

    name: str  # unique, and the key in the RETENTION_DAYS setting, e.g. "messaging.conversations"
    model: type[models.Model]
    what: str  # the data, for the page: "Messages and conversations"
    default_days: int
    after: str  # when the clock starts: "after the last message"
    action: Action
    outcome: str  # what happens, in full: "The conversation and its messages are deleted."
    why: str  # the reason for the period, in plain English
    # The records past `cutoff` that the rule applies to (before any hold).
    due: Callable[[datetime], models.QuerySet]
    # For ANONYMISE (or a delete that is more than `.delete()`): apply to one batch, return
    # the number of records changed. Anonymised records must drop out of `due`.
    apply: Callable[[models.QuerySet], int] | None = None
    kept_while: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("what", "after", "outcome", "why"):
            if not getattr(self, name).strip():
                raise MissingWording(f"Retention rule {self.name!r} has no {name!r} wording.")
        if self.default_days < 1:
            raise ValueError(f"Retention rule {self.name!r} must keep data for at least a day.")

    @property
    def days(self) -> int:
        """The period in force: the RETENTION_DAYS setting's, else the rule's default."""
        overrides: dict[str, int] = getattr(settings, "RETENTION_DAYS", {}) or {}
        return int(overrides.get(self.name, self.default_days))

    @property
    def period(self) -> str:
        return describe_days(self.days)


def describe_days(days: int) -> str:
    """A period in the words people use: 2190 → "6 years", 90 → "90 days"."""

    def plural(count: int, unit: str) -> str:
        return f"{count} {unit}{'' if count == 1 else 's'}"

    if days % 365 == 0:
        return plural(days // 365, "year")
    if days % 30 == 0 and days >= 60:
        return plural(days // 30, "month")
    return plural(days, "day")


class Registry:
    """Rules and holds by rule name; filled by the apps' `retention.py` modules on first use."""

    def __init__(self, *, discover: bool = True) -> None:
        self._rules: dict[str, Rule] = {}
        self._holds: dict[str, list[Hold]] = {}
        self._discover = discover
        self._discovered = False
        self._lock = threading.Lock()

    def register(self, rule: Rule) -> Rule:
        existing = self._rules.get(rule.name)
        # Importing the same module twice registers the same rule again: harmless.
        if existing is not None and existing.due.__qualname__ != rule.due.__qualname__:
            raise ValueError(f"Two retention rules are called {rule.name!r}.")
        self._rules[rule.name] = rule
        return rule

    def hold(self, hold: Hold) -> Hold:
        if not hold.reason.strip():
            raise MissingWording(f"A hold on {hold.rule!r} has no reason.")
        holds = self._holds.setdefault(hold.rule, [])
        if all(h.keep.__qualname__ != hold.keep.__qualname__ for h in holds):
            holds.append(hold)
        return hold

    def _discover_once(self) -> None:
        if not self._discover or self._discovered:
            return
        with self._lock:
            if not self._discovered:
                autodiscover_modules(RETENTION_MODULE)
                self._discovered = True
                unknown = set(self._holds) - set(self._rules)
                if unknown:
                    raise ValueError(f"Holds on unknown retention rules: {sorted(unknown)}")

    def __iter__(self) -> Iterator[Rule]:
        self._discover_once()
        return iter(sorted(self._rules.values(), key=lambda rule: rule.name))

    def names(self) -> list[str]:
        return [rule.name for rule in self]

    def get(self, name: str) -> Rule:
        self._discover_once()
        return self._rules[name]

    def holds_on(self, rule: Rule) -> list[Hold]:
        self._discover_once()
        return list(self._holds.get(rule.name, []))

    def kept_while(self, rule: Rule) -> list[str]:
        """Every exception, the rule's own and those other apps put on it, for the page."""
        return [*rule.kept_while, *(hold.reason for hold in self.holds_on(rule))]


registry = Registry()


def rule(registry: Registry = registry, **fields) -> Rule:
    """Register a rule (see `Rule` for the fields)."""
    return registry.register(Rule(**fields))


def hold(rule_name: str, *, reason: str, registry: Registry = registry):
    """Register the decorated function, which takes a rule's due records and returns them
    less those that must be kept for now."""

    def decorate(keep: Callable[[models.QuerySet], models.QuerySet]):
        registry.hold(Hold(rule=rule_name, reason=reason, keep=keep))
        return keep

    return decorate


def due_records(rule: Rule, *, now: datetime | None = None, registry: Registry = registry):
    """What the rule would remove or anonymise now, after every hold."""
    cutoff = (now or timezone.now()) - timedelta(days=rule.days)
    queryset = rule.due(cutoff)
    for held in registry.holds_on(rule):
        queryset = held.keep(queryset)
    return queryset


def _apply_batch(rule: Rule, ids: list) -> int:
    batch = rule.model._default_manager.filter(pk__in=ids)
    if rule.apply is not None:
        return rule.apply(batch)
    # Count the rule's own records, not the rows removed with them.
    count = len(ids)
    batch.delete()
    return count


def apply_rule(
    rule: Rule,
    *,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    max_batches: int = MAX_BATCHES_PER_RUN,
    registry: Registry = registry,
) -> int:
    """Apply one rule in batches, each in its own transaction; return the records changed."""
    total = 0
    previous: list = []
    for _ in range(max_batches):
        with transaction.atomic():
            queryset = due_records(rule, now=now, registry=registry)
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
            # An anonymising rule whose records do not drop out of `due` would loop forever.
            if not ids or ids == previous:
                break
            total += _apply_batch(rule, ids)
            previous = ids
        if len(ids) < batch_size:
            break
    return total


@dataclass(frozen=True)
class RetentionRun:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def apply_all(*, now: datetime | None = None, registry: Registry = registry) -> RetentionRun:
    """Apply every rule, then record one audit event with what each rule did."""
    counts = {rule.name: apply_rule(rule, now=now, registry=registry) for rule in registry}
    audit.record(None, "retention.applied", None, counts=counts, total=sum(counts.values()))
    logger.info("Retention applied: %s", counts)
    return RetentionRun(counts=counts)


# Core's own rules ----------------------------------------------------------------------------
# (This module is core's `retention.py`, so autodiscovery finds them like any app's.)


def _audit_events_due(cutoff: datetime) -> models.QuerySet:
    from pahub.core.models import AuditEvent

    return AuditEvent.objects.filter(at__lt=cutoff)


def _sessions_due(cutoff: datetime) -> models.QuerySet:
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=cutoff)


def _finished_tasks_due(cutoff: datetime) -> models.QuerySet:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.successful().filter(finished_at__lt=cutoff)


def _sent_emails_due(cutoff: datetime) -> models.QuerySet:
    from pahub.core.models import OutgoingEmail

    return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff)


def _register_core_rules() -> None:
    from django.contrib.sessions.models import Session
    from django_tasks_db.models import DBTaskResult

    from pahub.core.models import OUTGOING_EMAIL_RETENTION, AuditEvent, OutgoingEmail

    rule(
        name="core.audit_log",
        model=AuditEvent,
        what="The audit log: who did what on PA Hub, and when staff looked at personal information",
        default_days=6 * 365,
        after="after the event",
        action=Action.DELETE,
        outcome="The event is deleted from the audit log.",
        # Limitation Act 1980: six years for claims in contract (unpaid wages, for example)
        # and most other civil claims; the log is how we show who did what if one is made.
        why=(
            "Most legal claims, including claims about employment and unpaid wages, must be "
            "made within six years. The audit log is how we show who did what, and who saw "
            "what, if a claim or a complaint is made."
        ),
        due=_audit_events_due,
    )
    rule(
        name="core.sessions",
        model=Session,
        what="Sign-in sessions: what keeps you signed in on a device",
        default_days=1,
        after="after the session expired",
        action=Action.DELETE,
        outcome="The session is deleted.",
        # An expired session cannot be used again; keeping it has no purpose.
        why="An expired session cannot sign anyone in, so there is no reason to keep it.",
        due=_sessions_due,
    )
    rule(
        name="core.sent_emails",
        model=OutgoingEmail,
        what="The record of each email we sent you: who it went to, its subject and when",
        default_days=OUTGOING_EMAIL_RETENTION.days,
        after="after the email was sent",
        action=Action.DELETE,
        outcome=(
            "The record is deleted. The text of an email is already removed as soon as it "
            "has been sent."
        ),
        # Long enough to answer "did you send me that email?"; failures are kept for staff.
        why=(
            "We keep the record for a month so we can answer questions about whether an email "
            "was sent."
        ),
        due=_sent_emails_due,
        kept_while=("the email could not be sent, so staff can see it and send it again",),
    )
    rule(
        name="core.finished_tasks",
        model=DBTaskResult,
        what="Records of work PA Hub did in the background for you, such as sending an email",
        default_days=30,
        after="after the work was finished",
        action=Action.DELETE,
        outcome="The record is deleted.",
        # Only useful to see what ran recently; failures are kept for staff to look into.
        why="A record of finished work is only needed for a short time, to check that it ran.",
        due=_finished_tasks_due,
        kept_while=("the work failed, so staff can see what went wrong",),
    )


_register_core_rules()


def _import_runs_due(cutoff: datetime) -> models.QuerySet:
    from pahub.core.imports.models import ImportRun

    return ImportRun.objects.filter(created_at__lt=cutoff).exclude(
        status__in=[ImportRun.Status.CHECKING, ImportRun.Status.RUNNING]
    )


def _delete_import_runs(batch: models.QuerySet) -> int:
    """Delete the uploaded files with their runs (the row results go with the runs)."""
    runs = list(batch)
    for run in runs:
        if run.file:
            run.file.delete(save=False)
    batch.model.objects.filter(pk__in=[run.pk for run in runs]).delete()
    return len(runs)


def _register_import_rule() -> None:
    from pahub.core.imports.models import ImportRun

    rule(
        name="core.import_files",
        model=ImportRun,
        what="Registers and job lists organisations uploaded to import, and each row's result",
        default_days=90,
        after="after the file was uploaded",
        action=Action.DELETE,
        outcome="The file and the report on its rows are deleted. What was imported stays.",
        # The report is how staff fix and re-import refused rows; after a quarter it is stale.
        why=(
            "Staff need the file and its report to fix and import refused rows. Three months "
            "is long enough; after that the records it made are what count."
        ),
        due=_import_runs_due,
        apply=_delete_import_runs,
        kept_while=("the file is still being checked or imported",),
    )


_register_import_rule()
