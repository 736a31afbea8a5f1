"""Learning across people, for councils and insights: completions and certificates by area and
date. Counts only, never names; each is one grouped query however many people there are.

Insights (issue 14) reads these; the area is the council area of the person's postcode district.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count, QuerySet
from django.utils import timezone

from pahub.learning.models import Certificate, ModuleCompletion


@dataclass(frozen=True)
class AreaCount:
    gss_code: str | None  # None: people with no council area (no postcode given yet)
    area: str
    count: int


def day_bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """From the start of `since` to the end of `until`, in the site's time zone."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(since, time.min, tzinfo=zone),
        datetime.combine(until, time.max, tzinfo=zone),
    )


def _by_area(rows: QuerySet) -> list[AreaCount]:
    counted = rows.values("user__local_authority_id", "user__local_authority__name").annotate(
        count=Count("pk")
    )
    return sorted(
        (
            AreaCount(
                gss_code=row["user__local_authority_id"],
                area=row["user__local_authority__name"] or "No area given",
                count=row["count"],
            )
            for row in counted
        ),
        key=lambda row: (-row.count, row.area),
    )


def completions_by_area(*, since: date, until: date, course_slug: str = "") -> list[AreaCount]:
    """Modules completed between two days (inclusive), per council area, most first."""
    start, end = day_bounds(since, until)
    rows = ModuleCompletion.objects.filter(completed_at__range=(start, end))
    if course_slug:
        rows = rows.filter(module__course__slug=course_slug)
    return _by_area(rows)


def certificates_by_area(*, since: date, until: date, course_slug: str = "") -> list[AreaCount]:
    """Courses completed (certificates issued) between two days, per council area."""
    start, end = day_bounds(since, until)
    rows = Certificate.objects.filter(issued_at__range=(start, end))
    if course_slug:
        rows = rows.filter(course__slug=course_slug)
    return _by_area(rows)
