"""Local rules' periodic work, registered with core's one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pahub.core import schedule
from pahub.rules.followers import tell_followers
from pahub.rules.models import LocalRule

# A rule that started within this many days is applied again, so a clock that was down on the
# day a rule started still catches up. Followers only change what is below the rules, so a
# second run changes nothing.
CATCH_UP_DAYS = 7


def councils_with_rules_starting(*, today) -> list[str]:
    return sorted(
        set(
            LocalRule.objects.filter(
                is_retired=False,
                in_force_from__lte=today,
                in_force_from__gt=today - timedelta(days=CATCH_UP_DAYS),
            ).values_list("council_id", flat=True)
        )
    )


@schedule.periodic("apply_local_rules", every=timedelta(hours=1), title="local rules starting")
def apply_local_rules() -> schedule.Outcome:
    """Apply rules whose start date has come to the councils' open jobs and cover requests.

    A rule saved with a future start date is applied to open work on that date (docs/rules.md).
    """
    councils = councils_with_rules_starting(today=timezone.localdate())
    for council_id in councils:
        with transaction.atomic():
            tell_followers(council_id=council_id, by=None)
    return schedule.Outcome(
        lines=(f"Local rules applied for {len(councils)} council(s).",),
        figures={"councils": councils},
        idle=not councils,
    )
