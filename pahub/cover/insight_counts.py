"""Counts of cover requests for the insights dashboards: each a GROUP BY in the database.

A request is counted in the month it was made, in the local authority it was made for.
"""

from datetime import date, datetime

from django.db.models import Count, OuterRef, Subquery

from pahub.core.local_time import LocalHour, LocalMonth
from pahub.cover.models import Booking, CoverRequest

# What became of a request: covered in time, or not covered before its time passed. Requests
# still open or cancelled by the employer are neither.
OUTCOMES = {CoverRequest.Status.COVERED: "met", CoverRequest.Status.EXPIRED: "unmet"}


def requests_by_outcome() -> list[tuple[str, date, str, int]]:
    """(local authority, month made, "met" or "unmet", requests)."""
    rows = (
        CoverRequest.objects.filter(status__in=list(OUTCOMES), local_authority__isnull=False)
        .annotate(month=LocalMonth("created_at"))
        .values_list("local_authority_id", "month", "status")
        .annotate(requests=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), OUTCOMES[status], n) for area, month, status, n in rows]


def covered_request_hours() -> list[tuple[str, date, datetime, datetime, int]]:
    """(local authority, month made, hour made, hour first booked, requests) for covered
    requests: the clock hours the request was made and its first booking was confirmed."""
    first_booking = (
        Booking.objects.filter(slot__request=OuterRef("pk"))
        .order_by("confirmed_at")
        .values("confirmed_at")[:1]
    )
    rows = (
        CoverRequest.objects.filter(
            status=CoverRequest.Status.COVERED, local_authority__isnull=False
        )
        .annotate(first_booked=Subquery(first_booking))
        .exclude(first_booked=None)
        .annotate(
            month=LocalMonth("created_at"),
            made_hour=LocalHour("created_at"),
            booked_hour=LocalHour("first_booked"),
        )
        .values_list("local_authority_id", "month", "made_hour", "booked_hour")
        .annotate(requests=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), made, booked, n) for area, month, made, booked, n in rows]
