"""A PA's evidence and references: one function per action, each one transaction, audited.

Views, the API and commands call these; none of them saves evidence themselves. Every
change that can move a level ends with `profile_recompute_level`. Verified evidence is never
edited: changing it adds a new item (`replaces` points to the old one), which waits to be
checked while the verified one keeps counting.

DBS details are sensitive: every write that sets them is also audited as
`evidence.dbs_details_changed`, with the names of the fields (never their values) and who
made the change.
"""

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pahub.core import audit
from pahub.register.models import Evidence, PAProfile, ReferenceRequest, hash_token
from pahub.register.services import profile_recompute_level
from pahub.register.uploads import CheckedUpload

Kind = Evidence.Kind
Status = Evidence.Status

# The model fields each kind of evidence may set: nothing else (status, outcome, who verified)
# can be changed through these functions.
FIELDS_BY_KIND: dict[str, frozenset[str]] = {
    Kind.IDENTITY: frozenset({"identity_document", "title"}),
    Kind.DBS: frozenset(
        {
            "dbs_type",
            "dbs_certificate_number",
            "dbs_issue_date",
            "dbs_on_update_service",
            "dbs_status_check_consent",
        }
    ),
    Kind.RIGHT_TO_WORK: frozenset({"right_to_work", "share_code", "title"}),
    Kind.DRIVING_LICENCE: frozenset({"driving_licence_number"}),
    Kind.QUALIFICATION: frozenset({"title", "awarding_body", "achieved_on"}),
    Kind.SPECIALIST: frozenset({"skill", "title"}),
}
DBS_FIELDS = FIELDS_BY_KIND[Kind.DBS]
KINDS_WITH_DOCUMENTS = frozenset({Kind.QUALIFICATION, Kind.SPECIALIST})

REFERENCE_LIFETIME = timedelta(days=21)
MAX_OPEN_REFERENCE_REQUESTS = 5


class EvidenceError(Exception):
    """A request that cannot be carried out; the message is shown to the person."""


class ReferenceLinkClosed(Exception):
    """A referee's link that can no longer be answered: `state` says why."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


# Adding, changing and withdrawing evidence


def check_details(kind: str, details: Mapping[str, Any]) -> None:
    allowed = FIELDS_BY_KIND.get(kind)
    if allowed is None:
        raise EvidenceError("This kind of evidence cannot be added here.")
    unexpected = set(details) - allowed
    if unexpected:
        raise ValueError(f"{kind} evidence does not have {sorted(unexpected)}")


def attach_document(evidence: Evidence, document: CheckedUpload) -> None:
    """Store the file privately under a random name; keep the original name for downloads.

    The file is written before the transaction commits: if it rolls back, an unreferenced
    file is left behind, which is harmless (nobody can reach it) and cheaper than the
    alternative of a saved record pointing at a missing file.
    """
    evidence.document.save(f"document.{document.extension}", document.file, save=False)
    stem = document.original_name.rsplit(".", 1)[0] if "." in document.original_name else ""
    evidence.document_name = f"{stem or 'document'}.{document.extension}"
    evidence.document_content_type = document.content_type


def record_dbs_change(by: Any, evidence: Evidence, fields: set[str]) -> None:
    changed = sorted(fields & DBS_FIELDS)
    if evidence.kind == Kind.DBS and changed:
        audit.record(by, "evidence.dbs_details_changed", evidence, fields=changed)


@transaction.atomic
def evidence_add(
    *,
    profile: PAProfile,
    kind: str,
    by: Any,
    details: Mapping[str, Any],
    document: CheckedUpload | None = None,
    declared: bool = False,
    replaces: Evidence | None = None,
) -> Evidence:
    """Add one item of evidence, waiting to be checked by staff."""
    check_details(kind, details)
    if document is not None and kind not in KINDS_WITH_DOCUMENTS:
        raise EvidenceError("You cannot upload a copy of this document. Staff must see it.")
    evidence = Evidence(profile=profile, kind=kind, replaces=replaces, **details)
    if declared:
        evidence.declared_at = timezone.now()
    if document is not None:
        attach_document(evidence, document)
    elif replaces is not None and replaces.document:
        # A replacement without a new upload keeps the file the verified item had.
        evidence.document = replaces.document.name
        evidence.document_name = replaces.document_name
        evidence.document_content_type = replaces.document_content_type
    evidence.full_clean(exclude=["document"], validate_unique=False, validate_constraints=False)
    evidence.save()
    audit.record(
        by,
        "evidence.added",
        evidence,
        kind=kind,
        replaces=replaces.pk if replaces else None,
        document=bool(evidence.document),
    )
    record_dbs_change(by, evidence, set(details))
    profile_recompute_level(profile=profile, by=by)
    return evidence


def lock_evidence(evidence: Evidence) -> Evidence:
    return Evidence.objects.select_for_update().select_related("profile").get(pk=evidence.pk)


@transaction.atomic
def evidence_change(
    *,
    evidence: Evidence,
    by: Any,
    details: Mapping[str, Any],
    document: CheckedUpload | None = None,
    declared: bool = False,
) -> Evidence:
    """Change an item. A verified item is never edited: the change becomes a new item.

    Returns the item that now holds the PA's answers: the same one, or the new one.
    """
    evidence = lock_evidence(evidence)
    if evidence.kind == Kind.REFERENCE:
        raise EvidenceError("A reference cannot be changed. Withdraw it and ask again.")
    if evidence.status == Status.WITHDRAWN:
        raise EvidenceError("This evidence has been withdrawn, so it cannot be changed.")
    check_details(evidence.kind, details)
    if evidence.status == Status.VERIFIED:
        return evidence_add(
            profile=evidence.profile,
            kind=evidence.kind,
            by=by,
            details=details,
            document=document,
            declared=declared,
            replaces=evidence,
        )
    changed = {name for name, value in details.items() if getattr(evidence, name) != value}
    for name in changed:
        setattr(evidence, name, details[name])
    update_fields = set(changed)
    if document is not None:
        if evidence.kind not in KINDS_WITH_DOCUMENTS:
            raise EvidenceError("You cannot upload a copy of this document. Staff must see it.")
        attach_document(evidence, document)
        changed.add("document")
        update_fields |= {"document", "document_name", "document_content_type"}
    if not changed:
        return evidence
    if declared:
        evidence.declared_at = timezone.now()
        update_fields.add("declared_at")
    # Changed answers go back to staff, whatever they said last time.
    evidence.status = Status.AWAITING
    evidence.outcome_reason = ""
    evidence.full_clean(exclude=["document"], validate_unique=False, validate_constraints=False)
    evidence.save(update_fields=[*sorted(update_fields), "status", "outcome_reason", "updated_at"])
    audit.record(by, "evidence.changed", evidence, kind=evidence.kind, fields=sorted(changed))
    record_dbs_change(by, evidence, changed)
    profile_recompute_level(profile=evidence.profile, by=by)
    return evidence


@transaction.atomic
def evidence_withdraw(*, evidence: Evidence, by: Any) -> Evidence:
    """The PA takes an item back. A withdrawn reference's link stops working."""
    evidence = lock_evidence(evidence)
    if evidence.status == Status.WITHDRAWN:
        return evidence
    evidence.status = Status.WITHDRAWN
    evidence.save(update_fields=["status", "updated_at"])
    audit.record(by, "evidence.withdrawn", evidence, kind=evidence.kind)
    profile_recompute_level(profile=evidence.profile, by=by)
    return evidence


@transaction.atomic
def evidence_document_open(*, evidence: Evidence, by: Any) -> File:
    """Open a document for someone already allowed to download it; staff downloads are audited."""
    if not evidence.document:
        raise EvidenceError("There is no document for this evidence.")
    if evidence.profile.user_id != getattr(by, "pk", None):
        audit.record(by, "evidence.document_downloaded", evidence)
    return evidence.document.open("rb")


# References


def open_reference_requests(profile: PAProfile) -> QuerySet[ReferenceRequest]:
    """Requests a referee can still answer."""
    return ReferenceRequest.objects.filter(
        evidence__profile=profile, answered_at__isnull=True, expires_at__gt=timezone.now()
    ).exclude(evidence__status=Status.WITHDRAWN)


def reference_requests_sent_recently(profile: PAProfile) -> QuerySet[ReferenceRequest]:
    """Requests emailed in the last 24 hours, withdrawn ones too: withdrawing a request does
    not give its email back, or a PA could send any note to anyone again and again."""
    return ReferenceRequest.objects.filter(
        evidence__profile=profile, sent_at__gt=timezone.now() - timedelta(days=1)
    )


def short_time(moment: datetime) -> str:
    """'3:05pm on 12 May', in UK time."""
    local = timezone.localtime(moment)
    return f"{local:%-I:%M}{local:%p}".lower() + f" on {local:%-d %B}"


def check_daily_reference_limit(profile: PAProfile) -> None:
    limit = settings.REFERENCE_REQUESTS_PER_DAY
    sent = reference_requests_sent_recently(profile).order_by("sent_at")
    if sent.count() >= limit:
        next_allowed = sent.first().sent_at + timedelta(days=1)
        raise EvidenceError(
            f"You have sent {limit} reference requests in the last 24 hours, which is the most "
            f"you can send in a day (requests you withdrew count too). You can send another "
            f"after {short_time(next_allowed)}."
        )


def check_can_send_reference_request(profile: PAProfile, referee_email: str = "") -> None:
    open_requests = open_reference_requests(profile)
    if open_requests.count() >= MAX_OPEN_REFERENCE_REQUESTS:
        raise EvidenceError(
            f"You have {MAX_OPEN_REFERENCE_REQUESTS} reference requests waiting for an answer, "
            "which is the most you can have at once. You can ask someone else when a referee "
            "answers, or when you withdraw a request."
        )
    if referee_email and open_requests.filter(referee_email__iexact=referee_email).exists():
        raise EvidenceError(
            f"You have already asked {referee_email} for a reference and they have not "
            "answered yet."
        )
    check_daily_reference_limit(profile)


# The relationship as the referee reads it: the choices are worded for the PA ("Employer I
# have worked for as a PA").
RELATIONSHIP_FOR_REFEREE = {
    ReferenceRequest.Relationship.EMPLOYER: "someone they have worked for as a PA",
    ReferenceRequest.Relationship.WORK: "someone they have worked with or for in another job",
    ReferenceRequest.Relationship.CHARACTER: "someone who knows them well",
}


def relationship_for_referee(reference: ReferenceRequest) -> str:
    return RELATIONSHIP_FOR_REFEREE.get(reference.relationship, "someone who knows them")


def reference_link(raw_token: str) -> str:
    return settings.SITE_URL + reverse("register:reference_answer", args=[raw_token])


def quoted(text: str) -> str:
    """Someone else's words in a plain-text email: every line marked with "> ", so nothing in
    them can pass for PA Hub's own text."""
    return "\n".join(f"> {line}".rstrip() for line in text.splitlines())


def email_referee(reference: ReferenceRequest, raw_token: str) -> None:
    """Email the one-time link once the request is saved, so a rollback never sends one."""
    pa = reference.evidence.profile.user
    context = {
        "reference": reference,
        "pa_name": pa.full_name or pa.display_name,
        "relationship": relationship_for_referee(reference),
        "link": reference_link(raw_token),
        "expires_on": timezone.localtime(reference.expires_at).date(),
        "quoted_note": quoted(reference.note),
        "site_url": settings.SITE_URL,
    }
    subject = render_to_string("register/email/reference_request_subject.txt", context).strip()
    body = render_to_string("register/email/reference_request_body.txt", context)
    recipient = reference.referee_email
    transaction.on_commit(
        lambda: send_mail(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            message=body,
            from_email=None,
            recipient_list=[recipient],
        )
    )


def new_reference_token() -> tuple[str, str]:
    """A raw token for the link, and the hash that is all we keep."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)


@transaction.atomic
def reference_request_send(
    *,
    profile: PAProfile,
    referee_name: str,
    referee_email: str,
    relationship: str,
    note: str,
    by: Any,
) -> ReferenceRequest:
    """Ask a referee, by email, to answer a short form through a one-time link."""
    # Lock the profile so two requests at once cannot both slip under the limit.
    profile = PAProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    referee_email = referee_email.strip().lower()
    check_can_send_reference_request(profile, referee_email)
    raw_token, token_hash = new_reference_token()
    evidence = Evidence.objects.create(
        profile=profile, kind=Kind.REFERENCE, title=f"Reference from {referee_name}"[:200]
    )
    reference = ReferenceRequest.objects.create(
        evidence=evidence,
        referee_name=referee_name.strip(),
        referee_email=referee_email,
        relationship=relationship,
        note=note.strip(),
        token_hash=token_hash,
        expires_at=timezone.now() + REFERENCE_LIFETIME,
    )
    audit.record(by, "evidence.added", evidence, kind=Kind.REFERENCE)
    audit.record(by, "reference.requested", reference, relationship=relationship)
    email_referee(reference, raw_token)
    return reference


@transaction.atomic
def reference_send_again(*, evidence: Evidence, by: Any) -> ReferenceRequest:
    """Send an expired, unanswered request again with a new link; the old link stays dead."""
    evidence = lock_evidence(evidence)
    reference = (
        ReferenceRequest.objects.select_for_update()
        .select_related("evidence__profile__user")
        .get(evidence=evidence)
    )
    if reference_link_state(reference) != "expired":
        raise EvidenceError("Only a request that has expired without an answer can be sent again.")
    check_can_send_reference_request(evidence.profile)
    raw_token, reference.token_hash = new_reference_token()
    reference.sent_at = timezone.now()
    reference.expires_at = reference.sent_at + REFERENCE_LIFETIME
    reference.save(update_fields=["token_hash", "sent_at", "expires_at"])
    audit.record(by, "reference.sent_again", reference)
    email_referee(reference, raw_token)
    return reference


def reference_for_token(raw_token: str) -> ReferenceRequest | None:
    return (
        ReferenceRequest.objects.select_related("evidence__profile__user")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )


def reference_link_state(reference: ReferenceRequest, *, now: datetime | None = None) -> str:
    """Whether the link can be answered ("open"), or why not: "withdrawn", "used", "expired"."""
    now = now or timezone.now()
    if reference.evidence.status == Status.WITHDRAWN:
        return "withdrawn"
    if reference.answered_at is not None:
        return "used"
    if reference.expires_at <= now:
        return "expired"
    return "open"


def lock_open_reference(raw_token: str) -> ReferenceRequest:
    """The request behind a link, locked so a double submit cannot answer it twice."""
    reference = (
        ReferenceRequest.objects.select_for_update()
        .select_related("evidence")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if reference is None:
        raise ReferenceLinkClosed("unknown")
    state = reference_link_state(reference)
    if state != "open":
        raise ReferenceLinkClosed(state)
    return reference


@transaction.atomic
def reference_answer(*, raw_token: str, answers: Mapping[str, str]) -> ReferenceRequest:
    """The referee answers. Staff see the answers; the PA sees only that it was answered."""
    reference = lock_open_reference(raw_token)
    for name in ("known_for", "capacity", "reliable", "would_recommend", "comments"):
        setattr(reference, name, answers.get(name, ""))
    reference.answered_at = timezone.now()
    reference.save(
        update_fields=[
            "known_for",
            "capacity",
            "reliable",
            "would_recommend",
            "comments",
            "answered_at",
        ]
    )
    audit.record(None, "reference.answered", reference)
    return reference


@transaction.atomic
def reference_decline(*, raw_token: str) -> ReferenceRequest:
    """The referee does not want to give a reference; nothing is left for staff to check."""
    reference = lock_open_reference(raw_token)
    reference.declined = True
    reference.answered_at = timezone.now()
    reference.save(update_fields=["declined", "answered_at"])
    evidence = reference.evidence
    evidence.status = Status.REJECTED
    evidence.outcome_reason = "Your referee chose not to give a reference."
    evidence.save(update_fields=["status", "outcome_reason", "updated_at"])
    audit.record(None, "reference.declined", reference)
    return reference


# What the PA reads about each item


@dataclass(frozen=True)
class StatusTag:
    text: str
    colour: str  # a GOV.UK tag colour
    can_send_again: bool = False


def long_date(day: date | datetime) -> str:
    if isinstance(day, datetime):
        day = timezone.localtime(day).date()
    return f"{day.day} {day:%B %Y}"


def evidence_status(evidence: Evidence, *, today: date | None = None) -> StatusTag:
    """The status a PA reads, in words: never a colour alone."""
    today = today or timezone.localdate()
    if evidence.kind == Kind.REFERENCE:
        return reference_status(evidence)
    if evidence.status == Status.VERIFIED:
        if evidence.expires_on and evidence.expires_on < today:
            return StatusTag(f"Expired on {long_date(evidence.expires_on)}", "red")
        return StatusTag(verified_text(evidence), "green")
    if evidence.status == Status.NEEDS_MORE:
        return StatusTag(with_reason("More information needed", evidence), "yellow")
    if evidence.status == Status.REJECTED:
        return StatusTag(with_reason("Not accepted", evidence), "red")
    if evidence.status == Status.WITHDRAWN:
        return StatusTag("Withdrawn", "grey")
    return StatusTag("Waiting to be checked", "blue")


def verified_text(evidence: Evidence) -> str:
    text = "Verified"
    if evidence.verified_by_organisation_id:
        text += f" by {evidence.verified_by_organisation.name}"
    if evidence.verified_at:
        text += f" on {long_date(evidence.verified_at)}"
    return text


def with_reason(label: str, evidence: Evidence) -> str:
    return f"{label}: {evidence.outcome_reason}" if evidence.outcome_reason else label


def reference_status(evidence: Evidence) -> StatusTag:
    reference = getattr(evidence, "reference_request", None)
    if evidence.status == Status.VERIFIED:
        return StatusTag(verified_text(evidence), "green")
    if reference is None:
        return StatusTag("Waiting to be checked", "blue")
    if reference.declined:
        return StatusTag("Declined by the referee", "grey")
    if evidence.status == Status.NEEDS_MORE:
        return StatusTag(with_reason("More information needed", evidence), "yellow")
    if evidence.status == Status.REJECTED:
        return StatusTag(with_reason("Not accepted", evidence), "red")
    if evidence.status == Status.WITHDRAWN:
        return StatusTag("Withdrawn", "grey")
    if reference.answered_at is not None:
        return StatusTag("Answered — waiting to be checked", "blue")
    if reference.expires_at <= timezone.now():
        return StatusTag("Expired — send again", "red", can_send_again=True)
    return StatusTag(f"Sent on {long_date(reference.sent_at)}", "yellow")


# The order a PA meets them: Entry level first, then Level 2, 3 and 4.
OVERVIEW_ORDER = [
    Kind.IDENTITY,
    Kind.RIGHT_TO_WORK,
    Kind.DBS,
    Kind.DRIVING_LICENCE,
    Kind.QUALIFICATION,
    Kind.REFERENCE,
    Kind.SPECIALIST,
]


def evidence_for_overview(profile: PAProfile) -> list[Evidence]:
    """Every item the PA has not withdrawn, in one query."""
    if profile.pk is None:
        return []
    items = (
        profile.evidence.exclude(status=Status.WITHDRAWN)
        .select_related("verified_by_organisation", "skill", "reference_request")
        .order_by("-created_at")
    )
    return sorted(items, key=lambda item: OVERVIEW_ORDER.index(item.kind))
