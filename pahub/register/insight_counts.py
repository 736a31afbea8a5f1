"""Counts of the register for the insights dashboards: each a GROUP BY in the database.

A PA belongs to the local authority of their own address (`User.local_authority`); PAs
without one cannot be placed on a council's dashboard and are left out.
"""

from datetime import date

from django.db.models import Count, F, Q

from pahub.core.local_time import LocalDate, LocalMonth
from pahub.register.availability import DAYS, PARTS, Slot
from pahub.register.models import Evidence, InductionCompletion, PAProfile

# Hidden or paused profiles are not looking for work (as `matching.candidates.looking_for_work`).
LOOKING = Q(is_paused=False) & ~Q(visibility=PAProfile.Visibility.HIDDEN)


def part_mask(part: int) -> int:
    """The bits of one part of the day (say, every evening) across the seven days."""
    mask = 0
    for day in range(len(DAYS)):
        mask |= Slot(day, part).bit
    return mask


def pas_free_by_part() -> list[tuple[str, str, str, int]]:
    """(local authority, district, part of the day, PAs): PAs looking for work who are free
    in that part of the day on at least one day of the week, counted in their own district."""
    aliases = {
        f"free_{key}": F("availability").bitand(part_mask(part))
        for part, (key, _, _) in enumerate(PARTS)
    }
    counts = {key: Count("pk", filter=~Q(**{f"free_{key}": 0})) for key, _, _ in PARTS}
    rows = (
        PAProfile.objects.filter(LOOKING, user__local_authority__isnull=False)
        .exclude(district=None)
        .alias(**aliases)
        .values("user__local_authority_id", "district_id")
        .annotate(**counts)
        .order_by()
    )
    return [
        (row["user__local_authority_id"], row["district_id"], key, row[key])
        for row in rows
        for key in counts
    ]


def pas_by_level() -> list[tuple[str, int, int]]:
    """(local authority, level, PAs): every PA on the register now, by their current level."""
    rows = (
        PAProfile.objects.filter(user__local_authority__isnull=False)
        .values_list("user__local_authority_id", "level")
        .annotate(pas=Count("pk"))
        .order_by()
    )
    return list(rows)


def inductions_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month, people) who completed their induction that month."""
    rows = (
        InductionCompletion.objects.filter(user__local_authority__isnull=False)
        .annotate(month=LocalMonth("completed_on"))
        .values_list("user__local_authority_id", "month")
        .annotate(people=Count("pk"))
        .order_by()
    )
    return list(rows)


def verification_dates() -> list[tuple[str, date, date, date, int]]:
    """(local authority, month verified, date submitted, date verified, pieces of evidence)
    for evidence verified and still standing, grouped by the two dates (site time zone)."""
    rows = (
        Evidence.objects.filter(
            status=Evidence.Status.VERIFIED,
            verified_at__isnull=False,
            profile__user__local_authority__isnull=False,
        )
        .annotate(
            month=LocalMonth("verified_at"),
            submitted_on=LocalDate("created_at"),
            verified_on=LocalDate("verified_at"),
        )
        .values_list("profile__user__local_authority_id", "month", "submitted_on", "verified_on")
        .annotate(pieces=Count("pk"))
        .order_by()
    )
    return [
        (area, month.date(), submitted, verified, pieces)
        for area, month, submitted, verified, pieces in rows
    ]
