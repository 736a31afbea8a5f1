"""Inserting the planned register rows (`pahub.register.seeding.plans`) with `bulk_load`,
a batch at a time, and the hook `manage.py seed` calls. Nothing is audited: seeding is a
developer tool, not something a person did.
"""

import random
import time
from collections import Counter
from collections.abc import Callable
from datetime import date

from django.db import reset_queries, transaction
from django.db.models import Count
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.accounts.seeding import BATCH_SIZE, in_batches, seed_users
from pahub.core.bulk_load import analyse_tables, build, bulk_load, bulk_loading_into, load_rows
from pahub.register.equality.models import EqualityMonitoring
from pahub.register.equality.seeding import pick_works_for_family, plan_equality
from pahub.register.levels import (
    ENTRY,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4,
    LEVEL_NAMES,
    NONE,
    level_for,
)
from pahub.register.masks import mask_of
from pahub.register.models import (
    CodeSignature,
    Evidence,
    InductionCompletion,
    PAProfile,
    ProfileLanguage,
    ReferenceRequest,
    VerificationRecord,
)
from pahub.register.queries import current_code_version
from pahub.register.seeding.context import (
    PlannedPA,
    RegisterSeedCounts,
    SeedContext,
    pick_tier,
    seed_context,
)
from pahub.register.seeding.plans import dbs_rank_for, facts_for, pick_gender, plan_profile
from pahub.taxonomy.models import Skill


def _insert_pairs(through, columns: tuple[str, str], pairs: list[tuple]) -> int:
    """Many-to-many rows straight into their table: half the seed's rows are these, and
    building a model instance for each costs more than inserting it."""
    return load_rows(through, columns, pairs)


def _insert(
    plans: list[PlannedPA],
    context: SeedContext,
    batch_size: int,
    equality_rng: random.Random,
) -> RegisterSeedCounts:
    counts = RegisterSeedCounts()
    profiles = [plan.profile for plan in plans]
    for plan in plans:
        # The rows go in below without signals, so the masks are set here from the same ids.
        plan.profile.skills_mask = mask_of(plan.skill_ids)
        plan.profile.interests_mask = mask_of(plan.interest_ids)
    bulk_load(profiles)
    rows = {
        "skills": _insert_pairs(
            PAProfile.skills.through,
            ("paprofile_id", "skill_id"),
            [(plan.profile.pk, skill_id) for plan in plans for skill_id in plan.skill_ids],
        ),
        "interests": _insert_pairs(
            PAProfile.interests.through,
            ("paprofile_id", "interest_id"),
            [(plan.profile.pk, pk) for plan in plans for pk in plan.interest_ids],
        ),
        "areas": _insert_pairs(
            PAProfile.visible_in.through,
            ("paprofile_id", "localauthority_id"),
            [(plan.profile.pk, area_id) for plan in plans for area_id in plan.visible_in],
        ),
    }
    languages = [language for plan in plans for language in plan.languages]
    bulk_load(languages)
    evidence = [item for plan in plans for item in plan.evidence]
    bulk_load(evidence)
    references = [item for plan in plans for item in plan.references]
    bulk_load(references)
    checks = [item for plan in plans for item in plan.checks]
    bulk_load(checks)
    signatures = [
        build(
            CodeSignature,
            user_id=plan.profile.user_id,
            version_id=context.code_version_id,
            signed_at=plan.profile.last_active_at,
        )
        for plan in plans
        if plan.signed
    ]
    bulk_load(signatures)
    inductions = [
        build(
            InductionCompletion,
            user_id=plan.profile.user_id,
            completed_on=plan.induction_on,
            source="seeded",
            organisation_id=context.verifiers_by_area.get(plan.area_id, (None, None))[0],
        )
        for plan in plans
        if plan.induction_on is not None
    ]
    bulk_load(inductions)
    planned = (plan_equality(equality_rng, plan.profile.pk) for plan in plans)
    equality = [answers for answers in planned if answers is not None]
    bulk_load(equality)
    counts.profiles = len(profiles)
    counts.evidence = len(evidence)
    counts.checks = len(checks)
    counts.signatures = len(signatures)
    counts.inductions = len(inductions)
    counts.rows = (
        len(profiles)
        + sum(rows.values())
        + len(languages)
        + len(evidence)
        + len(references)
        + len(checks)
        + len(signatures)
        + len(inductions)
        + len(equality)
    )
    counts.levels = Counter(plan.profile.level for plan in plans)
    return counts


def seed_register(
    *,
    seed: int,
    batch_size: int = BATCH_SIZE,
    today: date | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> RegisterSeedCounts:
    """Give every PA of this seed who has no profile yet a profile, evidence and a level."""
    now = timezone.now()
    context = seed_context(today=today or timezone.localdate(), now=now)
    rng = random.Random(f"pahub-seed-{seed}-register")
    # A stream of its own, so adding genders changed none of the register's other draws.
    gender_rng = random.Random(f"pahub-seed-{seed}-gender")
    family_rng = random.Random(f"pahub-seed-{seed}-family")
    equality_rng = random.Random(f"pahub-seed-{seed}-equality")
    pas = seed_users(seed).filter(roles__role=Role.PA)
    wanted = pas.filter(pa_profile__isnull=True).count()
    total = RegisterSeedCounts()
    # Profiles made by a batch do not change which people come after it: pages go by pk.
    for batch in in_batches(
        pas,
        *("full_name", "known_as", "district_id", "local_authority_id", "date_joined"),
        batch_size=batch_size,
    ):
        plans = []
        for person in without_a_profile(batch):
            plan = plan_profile(rng, context, person, tier=pick_tier(rng))
            facts = facts_for(plan, context, has_district=person[3] is not None)
            plan.profile.level = level_for(facts)
            plan.profile.level_computed_at = now
            plan.profile.dbs_rank = dbs_rank_for(plan, context.today)
            plan.profile.gender = pick_gender(gender_rng)
            plan.profile.works_for_family = pick_works_for_family(family_rng)
            plans.append(plan)
        counts = _insert(plans, context, batch_size, equality_rng)
        total.profiles += counts.profiles
        total.evidence += counts.evidence
        total.checks += counts.checks
        total.signatures += counts.signatures
        total.inductions += counts.inductions
        total.rows += counts.rows
        total.levels += counts.levels
        if on_batch is not None:
            on_batch(total.profiles, wanted)
    return total


def without_a_profile(batch: list[tuple]) -> list[tuple]:
    """The batch's people (pk first, in order of pk) who have no profile yet, found by one
    range of the unique index on the profile's user. Asked as a join in the batch's own
    query, the database read every profile made so far for each batch (no statistics yet,
    and the other index on the user dropped for the load): up to 0.8 s a batch at 200,000
    PAs on PostgreSQL, 16 s in all."""
    first, last = batch[0][0], batch[-1][0]  # in order of pk
    have_one = set(
        PAProfile.objects.filter(user_id__gte=first, user_id__lte=last).values_list(
            "user_id", flat=True
        )
    )
    return [person for person in batch if person[0] not in have_one]


def describe(counts: RegisterSeedCounts) -> str:
    spread = ", ".join(
        f"{LEVEL_NAMES[level]} {counts.levels[level]:,}"
        for level in (NONE, ENTRY, LEVEL_2, LEVEL_3, LEVEL_4)
    )
    return (
        f"Register: {counts.profiles:,} profiles ({spread}); {counts.evidence:,} evidence, "
        f"{counts.checks:,} checks, {counts.signatures:,} code signatures, "
        f"{counts.inductions:,} inductions; {counts.rows:,} rows."
    )


def level_spread(seed: int) -> dict[int, int]:
    """How many of this seed's PAs are at each level, as stored."""
    rows = (
        PAProfile.objects.filter(user__in=seed_users(seed))
        .values("level")
        .annotate(count=Count("pk"))
    )
    return {row["level"]: row["count"] for row in rows}


# The tables the register search reads, whose planner statistics a big seed makes stale.
SEARCHED_TABLES = (
    "accounts_user",
    "register_paprofile",
    "register_paprofile_skills",
    "register_paprofile_visible_in",
    "register_profilelanguage",
    "register_evidence",
)


def analyse_for_planner() -> None:
    """On PostgreSQL, refresh the planner's statistics after inserting 100,000s of rows.

    Autovacuum would get there in a while; until then the planner thinks the tables are a
    tenth of their size, picks hash joins that spill to disk, and searches run twice as slow.
    VACUUM also marks the new rows all-visible, so index-only scans work at once; it cannot
    run inside a transaction (a test's, say), where only ANALYZE is done. SQLite keeps no
    statistics unless asked, and its plans were no faster with them.
    """
    analyse_tables(SEARCHED_TABLES)


# Every table the register's seed loads (see bulk_loading_into).
REGISTER_MODELS = (
    PAProfile,
    PAProfile.skills.through,
    PAProfile.interests.through,
    PAProfile.visible_in.through,
    ProfileLanguage,
    Evidence,
    ReferenceRequest,
    VerificationRecord,
    CodeSignature,
    InductionCompletion,
    EqualityMonitoring,
)


def seed_extension(*, seed: int, batch_size: int, say: Callable[[str], None]) -> str:
    """The hook `manage.py seed` calls after making people (see SEED_EXTENSIONS)."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        reset_queries()  # DEBUG keeps every query; 100,000 profiles' inserts would pile up
        say(f"  register: {done:,} / {total:,} profiles ({time.perf_counter() - started:.1f} s)")

    with transaction.atomic(), bulk_loading_into(REGISTER_MODELS):
        counts = seed_register(seed=seed, batch_size=batch_size, on_batch=progress)
    analyse_for_planner()
    elapsed = time.perf_counter() - started
    warnings = []
    if current_code_version() is None:
        warnings.append(" No code of conduct is published, so nobody reached Entry level.")
    if not Skill.objects.exists():
        warnings.append(" The skills taxonomy is empty: run `manage.py migrate`.")
    return f"{describe(counts)} {elapsed:.1f} s.{''.join(warnings)}"
