"""Reading a PA's CPD log and prior learning: always one person's own."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from pahub.learning.models import CPDEntry, CPDReview, LearningRecord, ModuleCompletion

# Completions from this long ago are offered for the CPD log.
RECENT_COMPLETION_DAYS = 365


@dataclass(frozen=True)
class YearTotal:
    year: int
    hours: Decimal
    entries: int


def cpd_entries_of(user) -> QuerySet[CPDEntry]:
    return CPDEntry.objects.filter(user=user).order_by("-learned_on", "-pk")


def cpd_entries_in(user, year: int) -> QuerySet[CPDEntry]:
    return cpd_entries_of(user).filter(learned_on__year=year)


def cpd_year_totals(user) -> list[YearTotal]:
    """Hours logged in each year, newest year first, in one query."""
    rows = (
        CPDEntry.objects.filter(user=user)
        .annotate(year=ExtractYear("learned_on"))
        .values("year")
        .annotate(hours=Sum("hours"), entries=Count("pk"))
        .order_by("-year")
    )
    return [YearTotal(row["year"], row["hours"] or Decimal(0), row["entries"]) for row in rows]


def cpd_years(totals: list[YearTotal], *, today: date | None = None) -> list[int]:
    """The years a PA can choose: each year with entries (`cpd_year_totals`), and this year."""
    today = today or timezone.localdate()
    years = {total.year for total in totals} | {today.year}
    return sorted(years, reverse=True)


def total_hours(entries) -> Decimal:
    return sum((entry.hours for entry in entries), Decimal(0))


def last_review(user) -> CPDReview | None:
    return (
        CPDReview.objects.filter(user=user, reviewed_at__isnull=False)
        .order_by("-reviewed_at")
        .first()
    )


def completions_not_logged(user, *, today: date | None = None) -> QuerySet[ModuleCompletion]:
    """The PA's module completions of the last year that are not in their CPD log yet."""
    today = today or timezone.localdate()
    logged = CPDEntry.objects.filter(module_completion=OuterRef("pk"))
    since = timezone.now() - timedelta(days=RECENT_COMPLETION_DAYS)
    return (
        ModuleCompletion.objects.filter(user=user, completed_at__gte=since)
        .exclude(Exists(logged))
        .select_related("module_version", "module__course")
        .order_by("-completed_at")
    )


def learning_records_of(user) -> QuerySet[LearningRecord]:
    return (
        LearningRecord.objects.filter(user=user)
        .select_related("evidence")
        .order_by("-completed_on", "-pk")
    )
