"""Paid family members and other PAs, as counts for councils (issue 14's workforce figures).

A PA says on their profile whether they are paid to support a family member; employers never
see the answer. Counted like every workforce figure (a profile, an open account, a known
local authority), by the PA's local authority and the month they made their profile, in one
query.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, DateField, F

from pahub.core.local_time import LocalMonth
from pahub.register.models import PAProfile

FAMILY = "family"
OTHER = "other"
KINDS: tuple[tuple[str, str], ...] = (
    (FAMILY, "Paid to support a family member"),
    (OTHER, "Other PAs"),
)


@dataclass(frozen=True)
class FamilyCount:
    local_authority_id: str
    joined_month: date
    kind: str
    count: int


def family_counts() -> list[FamilyCount]:
    rows = (
        PAProfile.objects.filter(
            user__deleted_at__isnull=True,
            user__is_active=True,
            user__local_authority__isnull=False,
        )
        .annotate(
            la=F("user__local_authority_id"),
            joined=LocalMonth("created_at", output_field=DateField()),
        )
        .values("la", "joined", "works_for_family")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        FamilyCount(
            local_authority_id=row["la"],
            joined_month=row["joined"],
            kind=FAMILY if row["works_for_family"] else OTHER,
            count=row["n"],
        )
        for row in rows
    ]
