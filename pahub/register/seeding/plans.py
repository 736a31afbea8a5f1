"""Planning the register rows for the PAs `manage.py seed` creates: profiles, languages,
interests, evidence and its checks, code signatures, inductions, and the level they add up to.

A level is never typed in, here either. Each PA is given a target tier from
`TIER_WEIGHTS`, the rows that tier needs are planned (evidence, checks, signature,
induction), and `level` is then computed with the pure `levels.level_for` on facts built
from those same rows in memory, so the stored level is exactly what
`services.profile_recompute_level` would give. Everything is drawn from one
``random.Random`` stream per seed, in a fixed order.

Dates are drawn relative to the day of seeding, so that the seeded levels look realistic
whenever the seed is run: the same seed on the same day gives the same rows. The rows are
inserted by `pahub.register.seeding.load`.
"""

import random
from collections import Counter
from datetime import date, timedelta

from pahub.accounts.seeding import WeightedPick
from pahub.core.bulk_load import build
from pahub.register.levels import (
    LevelFacts,
)
from pahub.register.models import (
    Evidence,
    PAProfile,
    ProfileLanguage,
)
from pahub.register.queries import counts_today
from pahub.register.seeding.context import (
    ABOUT_ME,
    OTHER_LANGUAGES,
    WHAT_MATTERS,
    PlannedPA,
    SeedContext,
    random_availability,
    random_pay,
)
from pahub.register.seeding.evidence import plan_evidence
from pahub.taxonomy.dbs import dbs_rank

_WORK_WANTED = WeightedPick(
    [PAProfile.WorkWanted.REGULAR, PAProfile.WorkWanted.COVER, PAProfile.WorkWanted.BOTH],
    [40, 15, 45],
)
_VISIBILITY = WeightedPick(
    [PAProfile.Visibility.HIDDEN, PAProfile.Visibility.LOCAL, PAProfile.Visibility.ALL_EMPLOYERS],
    [15, 45, 40],
)


def plan_profile(
    rng: random.Random, context: SeedContext, person: tuple, *, tier: int
) -> PlannedPA:
    user_id, full_name, known_as, district_id, area_id, joined = person
    first_name = full_name.split(" ")[0]
    offers_driving = rng.random() < 0.35
    profile = build(
        PAProfile,
        user_id=user_id,
        district_id=district_id,  # bulk_create skips save(), which copies it otherwise
        display_name=known_as or first_name,
        about_me=" ".join(rng.sample(ABOUT_ME, rng.randint(2, 3))),
        what_matters=rng.choice(WHAT_MATTERS),
        years_experience=rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20]),
        has_driving_licence=offers_driving or rng.random() < 0.3,
        has_own_car=offers_driving and rng.random() < 0.8,
        offers_driving=offers_driving,
        availability=random_availability(rng),
        travel_miles=rng.choice([3, 5, 5, 10, 10, 10, 15, 20, 25, 30]),
        hourly_rate=random_pay(rng),
        work_wanted=_WORK_WANTED(rng),
        visibility=_VISIBILITY(rng),
        is_paused=rng.random() < 0.08,
        last_active_at=context.now - timedelta(days=rng.randrange(180)),
    )
    plan = PlannedPA(profile=profile, tier=tier, area_id=area_id)
    general = context.general_skill_ids
    plan.skill_ids = rng.sample(general, min(len(general), rng.randint(3, 8)))
    if context.interest_ids:
        plan.interest_ids = rng.sample(
            context.interest_ids, min(len(context.interest_ids), rng.randint(1, 5))
        )
    _plan_languages(rng, context, plan)
    if profile.visibility == PAProfile.Visibility.LOCAL and area_id:
        plan.visible_in = [area_id]
        if rng.random() < 0.3 and context.spoke_area_ids:
            neighbour = rng.choice(context.spoke_area_ids)
            if neighbour != area_id:
                plan.visible_in.append(neighbour)
    plan_evidence(rng, context, plan, area_id=area_id, joined=joined.date())
    return plan


def _plan_languages(rng: random.Random, context: SeedContext, plan: PlannedPA) -> None:
    others = [code for code, share in OTHER_LANGUAGES if rng.random() < share]
    english_first = rng.random() < 0.88 or not others
    english = "en"
    if english in context.language_ids:
        level = (
            ProfileLanguage.Level.FIRST
            if english_first
            else rng.choice([ProfileLanguage.Level.FLUENT, ProfileLanguage.Level.CONVERSATIONAL])
        )
        plan.languages.append(
            build(
                ProfileLanguage,
                profile=plan.profile,
                language_id=context.language_ids[english],
                level=level,
            )
        )
    for code in others:
        if code not in context.language_ids:
            continue
        level = (
            ProfileLanguage.Level.FIRST
            if not english_first and code not in {"bfi", "makaton"}
            else rng.choice([ProfileLanguage.Level.BASIC, ProfileLanguage.Level.FLUENT])
        )
        plan.languages.append(
            build(
                ProfileLanguage,
                profile=plan.profile,
                language_id=context.language_ids[code],
                level=level,
            )
        )


# PAs' genders, as the profile question records them (most PAs are women).
GENDER_WEIGHTS: tuple[tuple[str, int], ...] = (
    (PAProfile.Gender.WOMAN, 75),
    (PAProfile.Gender.MAN, 20),
    (PAProfile.Gender.NON_BINARY, 1),
    (PAProfile.Gender.NOT_SAID, 4),
)


_GENDER = WeightedPick(*zip(*GENDER_WEIGHTS, strict=True))


def pick_gender(rng: random.Random) -> str:
    return _GENDER(rng)


def dbs_rank_for(plan: PlannedPA, today: date) -> int:
    """The rank `queries.current_dbs_rank` reads from the database, from the planned rows."""
    return max(
        (
            dbs_rank(item.dbs_type)
            for item in plan.evidence
            if item.kind == Evidence.Kind.DBS and counts_today(item, today)
        ),
        default=0,
    )


def facts_for(plan: PlannedPA, context: SeedContext, *, has_district: bool) -> LevelFacts:
    """The same facts `queries.level_facts_for` reads from the database, from planned rows."""
    today = context.today
    evidence = [item for item in plan.evidence if item.status != Evidence.Status.WITHDRAWN]
    counting = Counter(item.kind for item in evidence if counts_today(item, today))
    profile = plan.profile
    return LevelFacts(
        profile_complete=(
            bool(profile.about_me.strip())
            and bool(plan.skill_ids)
            and profile.availability != 0
            and has_district
        ),
        identity_declared=any(
            item.kind == Evidence.Kind.IDENTITY and item.status != Evidence.Status.REJECTED
            for item in evidence
        ),
        current_code_signed=plan.signed,
        dbs_current=counting[Evidence.Kind.DBS] > 0,
        induction_complete=plan.induction_on is not None,
        offers_driving=profile.offers_driving,
        driving_licence_verified=counting[Evidence.Kind.DRIVING_LICENCE] > 0,
        qualifications_verified=counting[Evidence.Kind.QUALIFICATION],
        references_verified=counting[Evidence.Kind.REFERENCE],
        specialist_skills_verified=counting[Evidence.Kind.SPECIALIST],
    )
