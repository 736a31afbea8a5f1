"""A profile's skills and interests as 64-bit numbers (`PAProfile.skills_mask`,
`PAProfile.interests_mask`), for matching.

Matching tests "has every required skill" and adds up "which of the job's tasks,
nice-to-haves and interests they have" for thousands of profiles per request; reading each
profile's skill and interest rows for that cost more than everything else in a job's top 50
(docs/matching.md). As bits on the profile, each is a bitwise AND in the matching index, like
availability.

Skill (or interest) `n`, its primary key, is bit `n - 1`, for 1 to 63: a signed 64-bit
integer's sign bit is never used, so the number is the same on SQLite and PostgreSQL. One
numbered beyond 63 (there are 53 skills and 43 interests today; admins can add more) has no
bit, and matching reads the rows for it instead (`has_bit`). The masks are copies of
`PAProfile.skills` and `PAProfile.interests`, never edited by themselves: `register.signals`
changes them whenever a profile's skills or interests change (`set/add/remove/clear` from
either side: the profile services and API, the staff's assisted-digital edit, the demo data)
and when a skill or interest is deleted (the admin); seeding, which inserts the rows in bulk,
sets them from the same ids; migration 0016 filled them in.
"""

from collections.abc import Iterable

# Numbers 1 to 63 fit in a signed 64-bit integer without touching its sign bit.
MASKED_IDS = 63
ALL_BITS = (1 << MASKED_IDS) - 1


def has_bit(pk: int) -> bool:
    return 1 <= pk <= MASKED_IDS


def bit_of(pk: int) -> int:
    """The skill's or interest's bit, or 0 for one numbered beyond the mask."""
    return 1 << (pk - 1) if has_bit(pk) else 0


def mask_of(ids: Iterable[int]) -> int:
    mask = 0
    for pk in ids:
        mask |= bit_of(pk)
    return mask


def without_bits(mask: int) -> int:
    """Every bit but these (and never the sign bit): AND a mask with it to clear them."""
    return ALL_BITS ^ (mask & ALL_BITS)
