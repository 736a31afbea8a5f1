"""How long uploaded evidence files and unanswered reference requests are kept (the
registry: pahub/core/retention.py)."""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from pahub.core import retention
from pahub.register.equality import retention as equality_retention  # noqa: F401  (its rule)
from pahub.register.models import Evidence, ReferenceRequest
from pahub.register.signals import delete_file_after_commit

ENDED = (Evidence.Status.REJECTED, Evidence.Status.WITHDRAWN)


def evidence_files_due(cutoff: datetime) -> QuerySet[Evidence]:
    """Files of evidence that no longer counts: expired, not accepted, withdrawn or replaced
    by a newer item, all for longer than the period. Current evidence keeps its file."""
    replaced = Evidence.objects.filter(replaces=OuterRef("pk"))
    no_longer_counts = (
        Q(expires_on__lt=cutoff.date())
        | Q(status__in=ENDED, updated_at__lt=cutoff)
        | Q(Exists(replaced), updated_at__lt=cutoff)
    )
    return Evidence.objects.exclude(document="").filter(no_longer_counts)


def delete_evidence_files(items: QuerySet[Evidence]) -> int:
    """Delete each stored file once the transaction commits; keep the evidence and its
    verification record, so what was checked, by whom and when still shows."""
    count = 0
    for evidence in items.only("pk", "document"):
        delete_file_after_commit(evidence.document)
        count += 1
    items.update(document="", document_name="", document_content_type="")
    return count


def reference_requests_due(cutoff: datetime) -> QuerySet[ReferenceRequest]:
    return ReferenceRequest.objects.filter(answered_at__isnull=True, expires_at__lt=cutoff).exclude(
        referee_email=""
    )


def forget_referees(requests: QuerySet[ReferenceRequest]) -> int:
    return requests.update(referee_name="A referee", referee_email="", note="")


retention.rule(
    name="register.evidence_files",
    model=Evidence,
    what="Documents a PA uploaded as evidence, such as a qualification certificate",
    default_days=90,
    after="after the evidence expired, was not accepted, was withdrawn or was replaced",
    action=retention.Action.ANONYMISE,
    outcome=(
        "The uploaded file is deleted. The record of what was checked, who checked it, when, "
        "and the result is kept."
    ),
    # Staff check the original; a file of evidence that no longer counts serves nobody, and
    # three months lets the PA see why it stopped counting and upload a new one.
    why=(
        "Once evidence no longer counts, nobody needs the document. Three months leaves time "
        "for the PA to see why and to send a new one."
    ),
    due=evidence_files_due,
    apply=delete_evidence_files,
    kept_while=("the evidence is current, or staff are still checking it",),
)

retention.rule(
    name="register.unanswered_references",
    model=ReferenceRequest,
    what="The name and email address of a referee who never answered",
    default_days=90,
    after="after the link sent to the referee expired",
    action=retention.Action.ANONYMISE,
    outcome=(
        "The referee's name, email address and the PA's note to them are removed. The fact "
        "that a reference was asked for is kept."
    ),
    # The referee gave us nothing themself: the PA gave their details, so keep them briefly.
    why=(
        "The referee did not give us their details: the PA did. We keep them only long "
        "enough for the PA to ask again."
    ),
    due=reference_requests_due,
    apply=forget_referees,
)
