"""How long equality monitoring answers are kept once a PA stops using PA Hub."""

from datetime import datetime

from django.db.models import Q, QuerySet

from pahub.core import retention
from pahub.register.equality.models import EqualityMonitoring


def answers_of_inactive_pas(cutoff: datetime) -> QuerySet[EqualityMonitoring]:
    """Answers untouched, of a PA who has neither changed their profile nor signed in, since
    the cutoff."""
    signed_in_since = Q(profile__user__last_login__gte=cutoff)
    return EqualityMonitoring.objects.filter(
        updated_at__lt=cutoff, profile__last_active_at__lt=cutoff
    ).exclude(signed_in_since)


retention.rule(
    name="register.equality_monitoring",
    model=EqualityMonitoring,
    what="A PA's equality monitoring answers (age group, sex, ethnic group, disability)",
    default_days=365,
    after="after the PA last signed in or changed their profile",
    action=retention.Action.DELETE,
    outcome="The answers, or the PA's choice not to answer, are deleted.",
    # Councils count the PAs who work now; a year without a visit means the answers no
    # longer describe someone on the register, and special-category data is kept no longer.
    why=(
        "The answers are only for counting the PAs who use PA Hub now. A year after a PA "
        "stops using it, they no longer help and we do not keep them."
    ),
    due=answers_of_inactive_pas,
    kept_while=("the PA signs in or updates their profile at least once a year",),
)
