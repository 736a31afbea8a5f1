"""Who has worked with whom on PA Hub: the one rule behind endorsements and private feedback.

An employer is a current or past employer of a PA when they hired the PA through a job
application (`jobs.Application` with status hired: the application keeps that status even
after the job ends, so a past hire still counts) or booked the PA for cover (a confirmed
`cover.Booking`, past or to come; a cancelled booking does not count). Jobs and cover keep no
query for this themselves, so it is written here once, over their models, and every page,
the API and the services ask these functions.
"""

from django.db.models import Q, QuerySet

from pahub.accounts.models import User
from pahub.cover.models import Booking
from pahub.jobs.models import Application


def hired_by(pa_id: int) -> QuerySet:
    return Application.objects.filter(pa_id=pa_id, status=Application.Status.HIRED).values(
        "job__employer_id"
    )


def booked_by(pa_id: int) -> QuerySet:
    return Booking.objects.filter(pa_id=pa_id, status=Booking.Status.CONFIRMED).values(
        "employer_id"
    )


def live_people() -> QuerySet[User]:
    return User.objects.filter(is_active=True, deleted_at__isnull=True)


def employers_of(pa: User) -> QuerySet[User]:
    """Everyone who hired this PA through a job or booked them for cover, in one query."""
    return (
        live_people()
        .filter(Q(pk__in=hired_by(pa.pk)) | Q(pk__in=booked_by(pa.pk)))
        .select_related("district")
        .order_by("full_name", "pk")
    )


def pas_of(employer: User) -> QuerySet[User]:
    """Every PA this employer hired through a job or booked for cover, in one query."""
    hired = Application.objects.filter(
        job__employer_id=employer.pk, status=Application.Status.HIRED
    ).values("pa_id")
    booked = Booking.objects.filter(
        employer_id=employer.pk, status=Booking.Status.CONFIRMED
    ).values("pa_id")
    return (
        live_people()
        .filter(Q(pk__in=hired) | Q(pk__in=booked))
        .select_related("district")
        .order_by("full_name", "pk")
    )


def has_employed(*, employer_id: int, pa_id: int) -> bool:
    return (
        Application.objects.filter(
            job__employer_id=employer_id, pa_id=pa_id, status=Application.Status.HIRED
        ).exists()
        or Booking.objects.filter(
            employer_id=employer_id, pa_id=pa_id, status=Booking.Status.CONFIRMED
        ).exists()
    )
