"""Counts of support for the insights dashboards: each a GROUP BY in the database.

Requests and concerns are counted in the area they were raised for and the month they were
raised. Never anything but counts: no topic, person, text or status detail of a concern.
"""

from datetime import date

from django.db.models import Count

from pahub.core.local_time import LocalMonth
from pahub.support.models.concerns import Concern
from pahub.support.models.help import HelpRequest

# A request still being dealt with has no outcome yet.
STILL_OPEN = "open"


def help_requests_by_outcome() -> list[tuple[str, date, str, int]]:
    """(local authority, month raised, outcome or "open", requests)."""
    rows = (
        HelpRequest.objects.annotate(month=LocalMonth("created_at"))
        .values_list("area_id", "month", "status", "outcome")
        .annotate(requests=Count("pk"))
        .order_by()
    )
    return [
        (area, month.date(), outcome_of(status, outcome), n)
        for area, month, status, outcome, n in rows
    ]


def outcome_of(status: str, outcome: str) -> str:
    """A closed request's outcome (closing one always records it); otherwise still open."""
    return outcome if status == HelpRequest.Status.CLOSED else STILL_OPEN


def concerns_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month raised, concerns)."""
    rows = (
        Concern.objects.annotate(month=LocalMonth("created_at"))
        .values_list("area_id", "month")
        .annotate(concerns=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), n) for area, month, n in rows]
