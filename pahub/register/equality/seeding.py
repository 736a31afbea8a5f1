"""Equality monitoring answers and paid family members for `manage.py seed`.

Shares roughly like the adult social care workforce (Skills for Care) in the North East: most
PAs women, middle-aged, White British; many never open the questions and some decline. Drawn
from streams of their own, so adding them changed none of the register's other draws.
"""

import random

from django.utils import timezone

from pahub.accounts.seeding import WeightedPick
from pahub.core.bulk_load import build
from pahub.register.equality.models import (
    PREFER_NOT_TO_SAY,
    AgeBand,
    Disability,
    EqualityMonitoring,
    Ethnicity,
    Sex,
    ethnic_group_of,
)

# Of seeded PAs: answered, declined, never asked.
RESPONSE_WEIGHTS = {"answered": 45, "declined": 10, "not_asked": 45}
AGE_WEIGHTS = {
    AgeBand.AGE_16_24: 8,
    AgeBand.AGE_25_34: 17,
    AgeBand.AGE_35_44: 22,
    AgeBand.AGE_45_54: 25,
    AgeBand.AGE_55_64: 20,
    AgeBand.AGE_65_PLUS: 5,
    AgeBand.PREFER_NOT: 3,
}
SEX_WEIGHTS = {Sex.FEMALE: 80, Sex.MALE: 17, Sex.PREFER_NOT: 3}
ETHNICITY_WEIGHTS = {
    Ethnicity.WHITE_BRITISH: 86,
    Ethnicity.WHITE_OTHER: 3,
    Ethnicity.WHITE_IRISH: 1,
    Ethnicity.MIXED_WHITE_BLACK_AFRICAN: 1,
    Ethnicity.MIXED_WHITE_ASIAN: 1,
    Ethnicity.ASIAN_INDIAN: 1,
    Ethnicity.ASIAN_PAKISTANI: 1,
    Ethnicity.ASIAN_BANGLADESHI: 1,
    Ethnicity.BLACK_AFRICAN: 2,
    Ethnicity.OTHER_ARAB: 1,
    Ethnicity.PREFER_NOT: 2,
}
DISABILITY_WEIGHTS = {Disability.NO: 82, Disability.YES: 13, Disability.PREFER_NOT: 5}
# Of seeded PAs, how many are paid to support a family member.
FAMILY_SHARE = 0.15


# The weights above, each added up once (see WeightedPick), kept with the dict they came from.
_PICKS: dict[int, tuple[dict, WeightedPick]] = {}


def pick(rng: random.Random, weights: dict) -> str:
    kept = _PICKS.get(id(weights))
    if kept is None or kept[0] is not weights:
        kept = _PICKS[id(weights)] = (weights, WeightedPick(weights, weights.values()))
    return kept[1](rng)


def pick_works_for_family(rng: random.Random) -> bool:
    return rng.random() < FAMILY_SHARE


def plan_equality(rng: random.Random, profile_id: int) -> EqualityMonitoring | None:
    response = pick(rng, RESPONSE_WEIGHTS)
    if response == "not_asked":
        return None
    if response == "declined":
        return build(EqualityMonitoring, profile_id=profile_id, declined_at=timezone.now())
    ethnicity = pick(rng, ETHNICITY_WEIGHTS)
    return build(
        EqualityMonitoring,
        profile_id=profile_id,
        answered_at=timezone.now(),
        age_band=pick(rng, AGE_WEIGHTS),
        sex=pick(rng, SEX_WEIGHTS),
        ethnic_group=(
            PREFER_NOT_TO_SAY if ethnicity == PREFER_NOT_TO_SAY else ethnic_group_of(ethnicity)
        ),
        ethnicity="" if ethnicity == PREFER_NOT_TO_SAY else ethnicity,
        disability=pick(rng, DISABILITY_WEIGHTS),
    )
