"""Equality monitoring as counts, for councils: the only way answers leave this package.

Set-based (one GROUP BY per question over every PA, whatever their number), by the local
authority the PA lives in and the month they joined the register, so a dashboard can read both
"the register now" and "joined in the last 12 months" (younger, male and Black, Asian and
minority ethnic recruits) from the same counts. Counts only: no row here names a PA.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, CharField, Count, DateField, F, Value, When

from pahub.core.local_time import LocalMonth
from pahub.register.equality.models import AgeBand, Disability, EthnicGroup, Sex
from pahub.register.models import PAProfile

ANSWERED = "answered"
DECLINED = "declined"
NOT_ASKED = "not_asked"

STATUSES: tuple[tuple[str, str], ...] = (
    (ANSWERED, "Answered"),
    (DECLINED, "Did not want to answer"),
    (NOT_ASKED, "Not answered yet"),
)

# Each question counted for PAs who answered, with its answers in the form's order.
QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "age_band": tuple(AgeBand.choices),
    "sex": tuple(Sex.choices),
    "ethnic_group": tuple(EthnicGroup.choices),
    "disability": tuple(Disability.choices),
}


@dataclass(frozen=True)
class EqualityCount:
    local_authority_id: str
    # The first day of the month the PA made their register profile (London time).
    joined_month: date
    # "status", or one of QUESTIONS.
    question: str
    answer: str
    count: int


def counted_profiles():
    """The PAs the workforce figures count (a profile, an open account, a known local
    authority: `workforce_counts.registered_profiles` says the same), with the month they made
    their profile, so these tables add up to the same totals as the rest of the dashboard."""
    return PAProfile.objects.filter(
        user__deleted_at__isnull=True,
        user__is_active=True,
        user__local_authority__isnull=False,
    ).annotate(
        la=F("user__local_authority_id"),
        joined=LocalMonth("created_at", output_field=DateField()),
    )


def status_counts() -> list[EqualityCount]:
    status = Case(
        When(equality_monitoring__answered_at__isnull=False, then=Value(ANSWERED)),
        When(equality_monitoring__declined_at__isnull=False, then=Value(DECLINED)),
        default=Value(NOT_ASKED),
        output_field=CharField(),
    )
    rows = (
        counted_profiles()
        .annotate(status=status)
        .values("la", "joined", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        EqualityCount(row["la"], row["joined"], "status", row["status"], row["n"]) for row in rows
    ]


def answer_counts(question: str) -> list[EqualityCount]:
    """PAs who answered, by their answer to one question."""
    if question not in QUESTIONS:
        raise ValueError(f"No such equality question: {question}")
    field = f"equality_monitoring__{question}"
    rows = (
        counted_profiles()
        .filter(equality_monitoring__answered_at__isnull=False)
        .annotate(answer=F(field))
        .values("la", "joined", "answer")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        EqualityCount(row["la"], row["joined"], question, row["answer"], row["n"]) for row in rows
    ]


def equality_counts() -> list[EqualityCount]:
    """Whether PAs answered, and each answer, by local authority and month joined."""
    counts = status_counts()
    for question in QUESTIONS:
        counts.extend(answer_counts(question))
    return counts
