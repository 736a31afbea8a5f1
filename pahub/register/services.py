"""State changes shared by the whole register: creating a profile and recomputing its level.

Area-specific actions live beside their views' concern (profile.services, evidence.services,
verification.services) and call `profile_recompute_level` after any change that can move a
level.
"""

from django.db import transaction
from django.utils import timezone

from pahub.core import audit
from pahub.register.levels import LEVEL_NAMES, level_for
from pahub.register.models import PAProfile
from pahub.register.queries import current_dbs_rank, level_facts_for


@transaction.atomic
def profile_get_or_create(*, user) -> PAProfile:
    profile, created = PAProfile.objects.get_or_create(
        user=user, defaults={"display_name": user.known_as or user.full_name.split(" ")[0]}
    )
    if created:
        audit.record(user, "profile.created", profile)
    return profile


@transaction.atomic
def profile_recompute_level(*, profile: PAProfile, by=None) -> int:
    """Recompute and store the level; audit any change so a level's history can be told."""
    new_level = level_for(level_facts_for(profile))
    old_level = profile.level
    profile.level = new_level
    profile.level_computed_at = timezone.now()
    profile.dbs_rank = current_dbs_rank(profile)
    profile.save(update_fields=["level", "level_computed_at", "dbs_rank"])
    if new_level != old_level:
        audit.record(
            by,
            "profile.level_changed",
            profile,
            old=LEVEL_NAMES[old_level],
            new=LEVEL_NAMES[new_level],
        )
    return new_level
