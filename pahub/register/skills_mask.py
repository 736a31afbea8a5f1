"""A profile's skills as one 64-bit number (`PAProfile.skills_mask`), for matching.

Matching tests "has every required skill" and adds up "which of the job's tasks and
nice-to-haves they have" for thousands of profiles per request; reading each profile's skill
rows for that cost more than everything else in a job's top 50 (docs/matching.md). With the
skills as bits on the profile, both are a bitwise AND in the matching index, like availability.

Skill `n` (its primary key) is bit `n - 1`, for skills 1 to 63: a signed 64-bit integer's
sign bit is never used, so the number is the same on SQLite and PostgreSQL. A skill numbered
beyond 63 (the taxonomy has 53 today; admins can add more) has no bit, and matching reads the
skill rows for it instead (`has_bit`). The mask is a copy of `PAProfile.skills` and is never
edited by itself: `register.signals` recomputes it whenever a profile's skills change
(`skills.set/add/remove/clear` from either side, so the profile services, the staff's
assisted-digital edit, the demo data) and when a skill is deleted (the admin); seeding, which
inserts skill rows in bulk, sets it from the same ids; migration 0016 filled it in.
"""

from collections.abc import Iterable

# Skills 1 to 63 fit in a signed 64-bit integer without touching its sign bit.
MASKED_SKILLS = 63
ALL_BITS = (1 << MASKED_SKILLS) - 1


def has_bit(skill_id: int) -> bool:
    return 1 <= skill_id <= MASKED_SKILLS


def skill_bit(skill_id: int) -> int:
    """The skill's bit, or 0 for a skill numbered beyond the mask."""
    return 1 << (skill_id - 1) if has_bit(skill_id) else 0


def mask_of(skill_ids: Iterable[int]) -> int:
    mask = 0
    for skill_id in skill_ids:
        mask |= skill_bit(skill_id)
    return mask


def without_bits(mask: int) -> int:
    """Every bit but these (and never the sign bit): AND a mask with it to clear them."""
    return ALL_BITS ^ (mask & ALL_BITS)
