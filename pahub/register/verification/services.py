"""What organisation staff change on the register: verification outcomes and induction
completions. Assisted digital (consent, accounts and profile edits made for a PA) is in
`assisted_digital`.

One function per action, each one transaction, audited, called by staff pages, the API and
commands alike. Rules a form also shows beside its fields live in `check_outcome`, so the page
and the service can never disagree.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import Organisation, User
from pahub.core import audit
from pahub.notifications.services import notify
from pahub.register import queries
from pahub.register.models import Evidence, InductionCompletion, PAProfile, VerificationRecord
from pahub.register.notices import VERIFICATION_RESULT
from pahub.register.permissions import (
    verifier_organisation,
)
from pahub.register.services import profile_recompute_level

EVIDENCE_PAGE_PATH = "/register/evidence/"
# The documents a verifier must have seen in their original form, in person.
ORIGINAL_REQUIRED = frozenset(
    {Evidence.Kind.DBS, Evidence.Kind.IDENTITY, Evidence.Kind.RIGHT_TO_WORK}
)
OUTCOME_STATUS = {
    VerificationRecord.Outcome.VERIFIED: Evidence.Status.VERIFIED,
    VerificationRecord.Outcome.NEEDS_MORE: Evidence.Status.NEEDS_MORE,
    VerificationRecord.Outcome.REJECTED: Evidence.Status.REJECTED,
}
OUTCOME_AUDIT_ACTION = {
    VerificationRecord.Outcome.VERIFIED: "evidence.verified",
    VerificationRecord.Outcome.NEEDS_MORE: "evidence.needs_more",
    VerificationRecord.Outcome.REJECTED: "evidence.rejected",
}
BLOCKING_STATUS_CHECK_RESULTS = {
    Evidence.StatusCheckResult.NEW_INFORMATION: (
        "The status check found new information, so this certificate is no longer current "
        "and a new DBS check is needed. Record 'Not accepted' or 'More information needed' "
        "instead."
    ),
    Evidence.StatusCheckResult.DETAILS_DO_NOT_MATCH: (
        "The details did not match on the Update Service, so the certificate cannot be "
        "verified. Check the certificate number, surname and date of birth with the PA, or "
        "record 'More information needed'."
    ),
}


class StaffActionError(Exception):
    """An action that cannot be carried out; `field` says which form field it is about."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# Verification


def status_check_allowed(evidence: Evidence) -> bool:
    """An Update Service status check needs the PA on the service and their consent."""
    return (
        evidence.kind == Evidence.Kind.DBS
        and evidence.dbs_on_update_service
        and evidence.dbs_status_check_consent
    )


def saw_original_text(evidence: Evidence) -> str:
    if evidence.kind == Evidence.Kind.DBS:
        return "I saw the original paper certificate in person"
    return "I saw the original document"


def check_outcome(
    *,
    evidence: Evidence,
    outcome: str,
    reason: str,
    saw_original: bool,
    status_checked_on: date | None,
    status_check_result: str,
    today: date,
) -> None:
    """Raise StaffActionError for the first rule this outcome breaks."""
    if evidence.status == Evidence.Status.WITHDRAWN:
        raise StaffActionError("The PA withdrew this evidence, so there is nothing to check.")
    if outcome not in OUTCOME_STATUS:
        raise StaffActionError("Choose what you found", field="outcome")
    if outcome == VerificationRecord.Outcome.NEEDS_MORE and not reason.strip():
        raise StaffActionError(
            "Say what more information is needed. The PA will read this", field="reason"
        )
    if outcome == VerificationRecord.Outcome.REJECTED and not reason.strip():
        raise StaffActionError(
            "Say why the evidence was not accepted. The PA will read this", field="reason"
        )
    _check_status_check(
        evidence=evidence,
        status_checked_on=status_checked_on,
        status_check_result=status_check_result,
        today=today,
    )
    if outcome == VerificationRecord.Outcome.VERIFIED:
        _check_can_verify(
            evidence=evidence,
            saw_original=saw_original,
            status_checked_on=status_checked_on,
            status_check_result=status_check_result,
            today=today,
        )


def _check_status_check(
    *, evidence: Evidence, status_checked_on: date | None, status_check_result: str, today: date
) -> None:
    if not status_checked_on and not status_check_result:
        return
    if not status_check_allowed(evidence):
        raise StaffActionError(
            "A status check can only be recorded when the PA is on the DBS Update Service and "
            "agreed to it",
            field="status_checked_on",
        )
    if not status_checked_on:
        raise StaffActionError("Enter the date of the status check", field="status_checked_on")
    if not status_check_result:
        raise StaffActionError("Choose the result of the status check", field="status_check_result")
    if status_checked_on > today:
        raise StaffActionError(
            "The date of the status check must be today or in the past",
            field="status_checked_on",
        )
    issued = evidence.dbs_issue_date
    if issued and status_checked_on < issued:
        raise StaffActionError(
            "The date of the status check must be on or after the certificate's issue date, "
            f"{issued.day} {issued:%B %Y}",
            field="status_checked_on",
        )


def _check_can_verify(
    *,
    evidence: Evidence,
    saw_original: bool,
    status_checked_on: date | None,
    status_check_result: str,
    today: date,
) -> None:
    if evidence.kind in ORIGINAL_REQUIRED and not saw_original:
        if evidence.kind == Evidence.Kind.DBS:
            message = (
                "Confirm that you saw the original paper certificate in person. Copies, photos "
                "and video calls are not allowed"
            )
        else:
            message = "Confirm that you saw the original document"
        raise StaffActionError(message, field="saw_original")
    if evidence.kind == Evidence.Kind.REFERENCE:
        request = getattr(evidence, "reference_request", None)
        if request is None or request.answered_at is None or request.declined:
            raise StaffActionError(
                "The referee has not given a reference yet, so it cannot be verified."
            )
    if evidence.kind != Evidence.Kind.DBS:
        return
    if status_check_result in BLOCKING_STATUS_CHECK_RESULTS:
        raise StaffActionError(
            BLOCKING_STATUS_CHECK_RESULTS[status_check_result], field="status_check_result"
        )
    if evidence.dbs_issue_date is None:
        raise StaffActionError(
            "The certificate has no issue date. Record 'More information needed' and ask the "
            "PA to add it."
        )
    _check_dbs_still_current(
        evidence=evidence,
        status_checked_on=status_checked_on,
        status_check_result=status_check_result,
        today=today,
    )


def _check_dbs_still_current(
    *, evidence: Evidence, status_checked_on: date | None, status_check_result: str, today: date
) -> None:
    """Verifying a certificate that would not count today helps nobody: say what to do."""
    candidate = Evidence(
        dbs_issue_date=evidence.dbs_issue_date,
        dbs_on_update_service=evidence.dbs_on_update_service,
        status_checked_on=status_checked_on or evidence.status_checked_on,
        status_check_result=status_check_result or evidence.status_check_result,
    )
    max_age = queries.dbs_max_age_months(evidence.profile)
    until = queries.dbs_expiry(candidate, max_age_months=max_age)
    if until is not None and until < today:
        hint = (
            "Record a new Update Service status check"
            if status_check_allowed(evidence)
            else "The PA needs a new DBS check"
        )
        raise StaffActionError(
            f"This certificate is older than this area allows ({max_age} months) and stopped "
            f"counting on {until.day} {until:%B %Y}. {hint}."
        )


def latest_record_id(evidence: Evidence) -> int:
    """The newest check's id (0 for none), so a page can tell if someone else checked since."""
    return evidence.verifications.order_by("-at", "-pk").values_list("pk", flat=True).first() or 0


@transaction.atomic
def evidence_verify(
    *,
    evidence: Evidence,
    by: User,
    outcome: str,
    reason: str = "",
    saw_original: bool = False,
    status_checked_on: date | None = None,
    status_check_result: str = "",
    seen_record_id: int | None = None,
) -> VerificationRecord:
    """Record what a verifier found, copy it onto the evidence, and recompute the level.

    The evidence row is locked first, so two verifiers recording at once take turns; the
    second is refused if the first changed the outcome after the second opened the page
    (`seen_record_id`).
    """
    evidence = (
        Evidence.objects.select_for_update().select_related("profile__user").get(pk=evidence.pk)
    )
    organisation = verifier_organisation(by, evidence.profile)
    if organisation is None:
        raise PermissionDenied("You cannot check this PA's evidence.")
    if seen_record_id is not None and latest_record_id(evidence) != seen_record_id:
        raise StaffActionError(
            "Someone else recorded an outcome for this evidence while you had it open. "
            "Read the history below, then record your outcome again if it is still needed."
        )
    reason = reason.strip()
    check_outcome(
        evidence=evidence,
        outcome=outcome,
        reason=reason,
        saw_original=saw_original,
        status_checked_on=status_checked_on,
        status_check_result=status_check_result,
        today=timezone.localdate(),
    )
    now = timezone.now()
    record = VerificationRecord.objects.create(
        evidence=evidence,
        outcome=outcome,
        reason=reason,
        saw_original=saw_original,
        status_checked_on=status_checked_on,
        status_check_result=status_check_result,
        by=by,
        organisation=organisation,
        at=now,
    )
    _copy_outcome(evidence, record)
    audit.record(
        by,
        OUTCOME_AUDIT_ACTION[outcome],
        evidence,
        kind=evidence.kind,
        profile=evidence.profile_id,
        organisation=organisation.name,
        saw_original=saw_original,
        status_check_result=status_check_result,
    )
    profile_recompute_level(profile=evidence.profile, by=by)
    _email_outcome(evidence, organisation)
    return record


def _copy_outcome(evidence: Evidence, record: VerificationRecord) -> None:
    evidence.status = OUTCOME_STATUS[record.outcome]
    evidence.verified_at = record.at
    evidence.verified_by = record.by
    evidence.verified_by_organisation = record.organisation
    evidence.outcome_reason = record.reason
    fields = [
        "status",
        "verified_at",
        "verified_by",
        "verified_by_organisation",
        "outcome_reason",
        "updated_at",
    ]
    if record.status_checked_on:
        evidence.status_checked_on = record.status_checked_on
        evidence.status_check_result = record.status_check_result
        fields += ["status_checked_on", "status_check_result"]
    if evidence.kind == Evidence.Kind.DBS and evidence.status == Evidence.Status.VERIFIED:
        evidence.expires_on = queries.dbs_expiry(
            evidence, max_age_months=queries.dbs_max_age_months(evidence.profile)
        )
        fields.append("expires_on")
    evidence.save(update_fields=fields)


def _email_outcome(evidence: Evidence, organisation: Organisation) -> None:
    """Tell the PA; the email says only what was checked and where to read more."""
    kind = evidence.get_kind_display()
    outcome = {
        Evidence.Status.VERIFIED: f"Your {kind.lower()} has been checked and verified",
        Evidence.Status.NEEDS_MORE: f"We need more information about your {kind.lower()}",
        Evidence.Status.REJECTED: f"Your {kind.lower()} was not accepted",
    }[evidence.status]
    body = (
        f"Hello {evidence.profile.shown_name},\n\n{outcome} by {organisation.name}.\n\n"
        f"See the details, and what to do next, on your evidence page:\n"
        f"{settings.SITE_URL}{EVIDENCE_PAGE_PATH}\n"
    )
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{outcome}"
    notify(
        evidence.profile.user,
        VERIFICATION_RESULT.key,
        title=outcome,
        body=f"Checked by {organisation.name}.",
        url=EVIDENCE_PAGE_PATH,
        email=(subject, body),
    )


# Induction


@transaction.atomic
def induction_record(
    *,
    user: User,
    completed_on: date,
    by: User,
    organisation: Organisation | None,
    evidence_note: str = "",
) -> InductionCompletion:
    """Staff record that a PA completed an induction somewhere other than PA Hub, with the
    evidence they saw (PA Hub's own course records itself: `induction_record_from_course`)."""
    if completed_on > timezone.localdate():
        raise StaffActionError(
            "The date the induction was completed must be today or in the past",
            field="completed_on",
        )
    completion, created = InductionCompletion.objects.update_or_create(
        user=user,
        defaults={
            "completed_on": completed_on,
            "source": "recorded by staff",
            "certificate_code": "",
            "evidence_note": evidence_note.strip(),
            "recorded_by": by,
            "organisation": organisation,
            "recorded_at": timezone.now(),
        },
    )
    audit.record(
        by,
        "induction.recorded",
        user,
        completed_on=completed_on.isoformat(),
        organisation=organisation.name if organisation else "",
        replaced_earlier=not created,
    )
    profile = PAProfile.objects.filter(user=user).select_related("user").first()
    if profile is not None:
        profile_recompute_level(profile=profile, by=by)
    return completion


INDUCTION_COURSE_SOURCE = "induction course on PA Hub"


@transaction.atomic
def induction_record_from_course(
    *, user: User, completed_on: date, certificate_code: str
) -> InductionCompletion:
    """The learning zone issued this person the Induction course's certificate: record the
    induction as complete (replacing any earlier record, since the certificate can be checked
    by its code) and recompute the level as `induction_record` does. The learning zone calls
    this; the register never imports the learning zone."""
    completion, created = InductionCompletion.objects.update_or_create(
        user=user,
        defaults={
            "completed_on": completed_on,
            "source": INDUCTION_COURSE_SOURCE,
            "certificate_code": certificate_code,
            "evidence_note": "",
            "recorded_by": None,
            "organisation": None,
            "recorded_at": timezone.now(),
        },
    )
    audit.record(
        user,
        "induction.completed_course",
        user,
        completed_on=completed_on.isoformat(),
        certificate_code=certificate_code,
        replaced_earlier=not created,
    )
    profile = PAProfile.objects.filter(user=user).select_related("user").first()
    if profile is not None:
        profile_recompute_level(profile=profile, by=user)
    return completion
