"""Counts of learning for the insights dashboards: each a GROUP BY in the database.

Learning belongs to the local authority of the learner's own address; learners without one
are left out.
"""

from datetime import date

from django.db.models import Count, Sum

from pahub.core.local_time import LocalMonth
from pahub.learning.models import Certificate, CPDEntry


def course_certificates_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month issued, certificates): courses completed on PA Hub."""
    rows = (
        Certificate.objects.filter(user__local_authority__isnull=False)
        .annotate(month=LocalMonth("issued_at"))
        .values_list("user__local_authority_id", "month")
        .annotate(certificates=Count("pk"))
        .order_by()
    )
    return [(area, month.date(), n) for area, month, n in rows]


def cpd_hundredths_by_month() -> list[tuple[str, date, int]]:
    """(local authority, month learned, hundredths of an hour of CPD logged): exact, so sums
    over areas and months are exact too; shown rounded to whole hours."""
    rows = (
        CPDEntry.objects.filter(user__local_authority__isnull=False)
        .annotate(month=LocalMonth("learned_on"))
        .values_list("user__local_authority_id", "month")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    return [(area, month, int(hours * 100)) for area, month, hours in rows]
