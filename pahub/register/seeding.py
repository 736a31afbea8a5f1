"""Register rows for the PAs `manage.py seed` creates: profiles, languages, interests,
evidence and its checks, code signatures, inductions, and the level they add up to.

A level is never typed in, here either. Each PA is given a target tier from
`TIER_WEIGHTS`, the rows that tier needs are created (evidence, checks, signature,
induction), and `level` is then computed with the pure `levels.level_for` on facts built
from those same rows in memory, so the stored level is exactly what
`services.profile_recompute_level` would give. Everything is drawn from one
``random.Random`` stream per seed, in a fixed order, and inserted with `bulk_create` a batch
at a time; nothing is audited (seeding is a developer tool, not something a person did).

Dates are drawn relative to the day of seeding, so that the seeded levels look realistic
whenever the seed is run: the same seed on the same day gives the same rows.
"""

import random
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import connection, reset_queries, transaction
from django.db.models import Count
from django.utils import timezone

from pahub.accounts.models import Membership, Organisation, Role
from pahub.accounts.seeding import BATCH_SIZE, seed_users
from pahub.places.models import LocalAuthority
from pahub.register.levels import (
    ENTRY,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4,
    LEVEL_NAMES,
    NONE,
    LevelFacts,
    add_months,
    dbs_valid_until,
    level_for,
)
from pahub.register.models import (
    CodeSignature,
    DbsRule,
    Evidence,
    InductionCompletion,
    PAProfile,
    ProfileLanguage,
    ReferenceRequest,
    VerificationRecord,
    hash_token,
)
from pahub.register.queries import DEFAULT_DBS_MAX_AGE_MONTHS, counts_today, current_code_version
from pahub.taxonomy.dbs import dbs_rank
from pahub.taxonomy.models import Interest, Language, Skill

# The target spread of levels (report Fig. 5-2 as a register a few years in might look).
TIER_WEIGHTS: tuple[tuple[int, int], ...] = (
    (NONE, 35),
    (ENTRY, 30),
    (LEVEL_2, 20),
    (LEVEL_3, 10),
    (LEVEL_4, 5),
)
ORIGINAL_SEEN = {Evidence.Kind.DBS, Evidence.Kind.IDENTITY, Evidence.Kind.RIGHT_TO_WORK}
ABOUT_ME: tuple[str, ...] = (
    "I cared for my mum for six years and found I was good at it.",
    "I am patient, calm and I like a laugh.",
    "I have worked in a care home and now want to work for one person at a time.",
    "I am a student nurse and work as a PA around my placements.",
    "I used to work in retail and wanted a job that makes a difference.",
    "I am retired and enjoy helping people stay independent at home.",
    "I am reliable and I always turn up when I say I will.",
    "I support people to get out and about: shopping, football, the coast.",
    "I am happy to help with personal care and I respect people's privacy.",
    "I have experience supporting autistic young adults.",
    "I like cooking and can make most things from scratch.",
    "I drive and am happy to take people to appointments.",
)
WHAT_MATTERS: tuple[str, ...] = (
    "Being treated as a person, not a job.",
    "Clear hours agreed in advance.",
    "Working close to home.",
    "Getting to know the person I support and their family.",
    "Training and learning new skills.",
    "",
)
QUALIFICATIONS: tuple[tuple[str, str], ...] = (
    ("Care Certificate", "Skills for Care"),
    ("Level 2 Diploma in Care", "NCFE CACHE"),
    ("Level 3 Diploma in Adult Care", "City & Guilds"),
    ("Emergency First Aid at Work", "St John Ambulance"),
    ("Moving and Handling People", "Highfield"),
    ("Level 2 Award in Safeguarding", "Pearson"),
)
REFEREE_NAMES: tuple[str, ...] = (
    "Margaret Hall",
    "David Robson",
    "Susan Charlton",
    "Imran Hussain",
    "Karen Dodds",
    "Peter Milburn",
    "Joanne Scott",
    "Agnieszka Nowak",
)
# Most PAs speak English as a first language; these others are common in the North East.
OTHER_LANGUAGES: tuple[tuple[str, float], ...] = (
    ("bfi", 0.04),
    ("makaton", 0.03),
    ("pl", 0.03),
    ("ur", 0.025),
    ("pa", 0.02),
    ("ar", 0.02),
    ("bn", 0.015),
    ("ro", 0.01),
    ("cmn", 0.01),
    ("fa", 0.01),
)
AVAILABILITY_PATTERNS: tuple[tuple[str, ...], ...] = (
    ("early", "morning"),
    ("morning", "afternoon"),
    ("afternoon", "evening"),
    ("evening",),
    ("night", "sleep_in"),
    ("morning", "afternoon", "evening"),
)
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PARTS = ("early", "morning", "afternoon", "evening", "night", "sleep_in")


@dataclass(frozen=True)
class SeedContext:
    """What the seed draws from: read once, before any PA is made."""

    today: date
    now: datetime
    general_skill_ids: tuple[int, ...]
    specialist_skill_ids: tuple[int, ...]
    language_ids: dict[str, int]
    interest_ids: tuple[int, ...]
    code_version_id: int | None
    # Local authority -> (organisation id, a verifier's user id or None), for verifying orgs.
    verifiers_by_area: dict[str, tuple[int, int | None]]
    dbs_max_age_by_area: dict[str, int]
    spoke_area_ids: tuple[str, ...]


@dataclass
class PlannedPA:
    profile: PAProfile
    tier: int
    area_id: str | None = None
    skill_ids: list[int] = field(default_factory=list)
    interest_ids: list[int] = field(default_factory=list)
    languages: list[ProfileLanguage] = field(default_factory=list)
    visible_in: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    references: list[ReferenceRequest] = field(default_factory=list)
    checks: list[VerificationRecord] = field(default_factory=list)
    signed: bool = False
    induction_on: date | None = None


@dataclass
class RegisterSeedCounts:
    profiles: int = 0
    evidence: int = 0
    checks: int = 0
    signatures: int = 0
    inductions: int = 0
    rows: int = 0
    levels: Counter = field(default_factory=Counter)


def seed_context(*, today: date, now: datetime) -> SeedContext:
    skills = list(
        Skill.objects.filter(is_active=True).order_by("code").values_list("pk", "is_specialist")
    )
    verifiers: dict[str, tuple[int, int | None]] = {}
    organisations = Organisation.objects.filter(verifies_evidence=True).order_by("name")
    for organisation in organisations.prefetch_related("local_authorities"):
        verifier = (
            Membership.objects.filter(
                organisation=organisation,
                role__in=[Membership.StaffRole.VERIFIER, Membership.StaffRole.ADMIN],
            )
            .order_by("pk")
            .values_list("user_id", flat=True)
            .first()
        )
        for area in organisation.local_authorities.all():
            verifiers.setdefault(area.pk, (organisation.pk, verifier))
    version = current_code_version()
    return SeedContext(
        today=today,
        now=now,
        general_skill_ids=tuple(pk for pk, specialist in skills if not specialist),
        specialist_skill_ids=tuple(pk for pk, specialist in skills if specialist),
        language_ids=dict(Language.objects.values_list("code", "pk")),
        interest_ids=tuple(Interest.objects.order_by("name").values_list("pk", flat=True)),
        code_version_id=version.pk if version else None,
        verifiers_by_area=verifiers,
        dbs_max_age_by_area=dict(
            DbsRule.objects.values_list("local_authority_id", "max_certificate_age_months")
        ),
        spoke_area_ids=tuple(
            LocalAuthority.objects.filter(is_spoke=True)
            .order_by("gss_code")
            .values_list("gss_code", flat=True)
        ),
    )


def pick_tier(rng: random.Random) -> int:
    tiers, weights = zip(*TIER_WEIGHTS, strict=True)
    return rng.choices(tiers, weights=weights)[0]


def random_availability(rng: random.Random) -> int:
    parts = rng.choice(AVAILABILITY_PATTERNS)
    days = rng.sample(range(7), rng.randint(2, 6))
    mask = 0
    for day in days:
        for part in parts:
            mask |= 1 << (day * 6 + PARTS.index(part))
    return mask


def random_pay(rng: random.Random) -> Decimal | None:
    if rng.random() < 0.1:
        return None
    # £12.71 (the 2026 National Living Wage) to £18.00, in 5p steps from £12.75.
    return Decimal(rng.choice([1271, *range(1275, 1801, 5)])) / 100


def _days_between(rng: random.Random, earliest: date, latest: date) -> date:
    if latest <= earliest:
        return earliest
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 11, 0))


def plan_profile(
    rng: random.Random, context: SeedContext, person: tuple, *, tier: int
) -> PlannedPA:
    user_id, full_name, known_as, district_id, area_id, joined = person
    first_name = full_name.split(" ")[0]
    offers_driving = rng.random() < 0.35
    profile = PAProfile(
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
        work_wanted=rng.choices(
            [PAProfile.WorkWanted.REGULAR, PAProfile.WorkWanted.COVER, PAProfile.WorkWanted.BOTH],
            weights=[40, 15, 45],
        )[0],
        visibility=rng.choices(
            [
                PAProfile.Visibility.HIDDEN,
                PAProfile.Visibility.LOCAL,
                PAProfile.Visibility.ALL_EMPLOYERS,
            ],
            weights=[15, 45, 40],
        )[0],
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
    _plan_evidence(rng, context, plan, area_id=area_id, joined=joined.date())
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
            ProfileLanguage(
                profile=plan.profile, language_id=context.language_ids[english], level=level
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
            ProfileLanguage(
                profile=plan.profile, language_id=context.language_ids[code], level=level
            )
        )


class _EvidenceMaker:
    """Builds one PA's evidence rows and the checks that verified them."""

    def __init__(self, rng: random.Random, context: SeedContext, plan: PlannedPA, area_id: str):
        self.rng, self.context, self.plan = rng, context, plan
        self.organisation_id, self.verifier_id = context.verifiers_by_area.get(
            area_id, (None, None)
        )
        self.max_age = context.dbs_max_age_by_area.get(area_id, DEFAULT_DBS_MAX_AGE_MONTHS)

    def add(self, kind: str, *, verified_on: date | None = None, **fields) -> Evidence:
        evidence = Evidence(profile=self.plan.profile, kind=kind, **fields)
        if verified_on is not None:
            evidence.status = Evidence.Status.VERIFIED
            evidence.verified_at = _at(verified_on)
            evidence.verified_by_id = self.verifier_id
            evidence.verified_by_organisation_id = self.organisation_id
            self.plan.checks.append(
                VerificationRecord(
                    evidence=evidence,
                    outcome=VerificationRecord.Outcome.VERIFIED,
                    saw_original=kind in ORIGINAL_SEEN,
                    status_checked_on=evidence.status_checked_on,
                    status_check_result=evidence.status_check_result,
                    by_id=self.verifier_id,
                    organisation_id=self.organisation_id,
                    at=evidence.verified_at,
                )
            )
        self.plan.evidence.append(evidence)
        return evidence

    def recent_day(self, earliest: date, *, latest_days_ago: int = 1) -> date:
        return _days_between(
            self.rng, earliest, self.context.today - timedelta(days=latest_days_ago)
        )

    def certificate_number(self) -> str:
        return f"{self.rng.randrange(10**12):012d}"

    def dbs(self, *, current: bool) -> Evidence:
        rng, today = self.rng, self.context.today
        on_update_service = current and rng.random() < 0.45
        if on_update_service:
            issued = today - timedelta(days=rng.randint(60, 8 * 365))
            checked = today - timedelta(days=rng.randint(0, 350))
            checked = max(checked, issued)
        elif current:
            newest = today - timedelta(days=30)
            oldest = add_months(today, -self.max_age) + timedelta(days=1)
            issued, checked = _days_between(rng, oldest, newest), None
        else:
            issued = add_months(today, -self.max_age) - timedelta(days=rng.randint(1, 400))
            checked = None
        expires_on = dbs_valid_until(
            issue_date=issued,
            max_age_months=self.max_age,
            on_update_service=on_update_service,
            status_checked_on=checked,
            status_check_clear=checked is not None,
        )
        latest_check = (checked or issued) + timedelta(days=rng.randint(3, 40))
        return self.add(
            Evidence.Kind.DBS,
            verified_on=min(latest_check, today - timedelta(days=1)),
            dbs_type=rng.choices(
                [
                    Evidence.DbsType.ENHANCED_ADULTS_BARRED,
                    Evidence.DbsType.ENHANCED,
                    Evidence.DbsType.STANDARD,
                ],
                weights=[80, 15, 5],
            )[0],
            dbs_certificate_number=self.certificate_number(),
            dbs_issue_date=issued,
            dbs_on_update_service=on_update_service,
            dbs_status_check_consent=on_update_service,
            status_checked_on=checked,
            status_check_result=(Evidence.StatusCheckResult.NO_NEW_INFORMATION if checked else ""),
            expires_on=expires_on,
        )

    def dbs_waiting(self) -> Evidence:
        return self.add(
            Evidence.Kind.DBS,
            dbs_type=Evidence.DbsType.ENHANCED_ADULTS_BARRED,
            dbs_certificate_number=self.certificate_number(),
            dbs_issue_date=self.context.today - timedelta(days=self.rng.randint(10, 200)),
            dbs_on_update_service=self.rng.random() < 0.5,
        )

    def qualification(self, *, verified: bool) -> Evidence:
        title, body = self.rng.choice(QUALIFICATIONS)
        achieved = self.context.today - timedelta(days=self.rng.randint(60, 3000))
        return self.add(
            Evidence.Kind.QUALIFICATION,
            verified_on=self.recent_day(achieved) if verified else None,
            title=title,
            awarding_body=body,
            achieved_on=achieved,
        )

    def reference(self, *, verified: bool, number: int) -> Evidence:
        rng, today = self.rng, self.context.today
        answered = self.recent_day(today - timedelta(days=600), latest_days_ago=3)
        evidence = self.add(
            Evidence.Kind.REFERENCE,
            verified_on=self.recent_day(answered) if verified else None,
        )
        self.plan.references.append(
            ReferenceRequest(
                evidence=evidence,
                referee_name=rng.choice(REFEREE_NAMES),
                referee_email=f"referee-{self.plan.profile.user_id}-{number}@example.org",
                relationship=rng.choice(
                    [ReferenceRequest.Relationship.EMPLOYER, ReferenceRequest.Relationship.WORK]
                ),
                token_hash=hash_token(secrets.token_hex(16)),
                expires_at=_at(answered + timedelta(days=14)),
                sent_at=_at(answered - timedelta(days=rng.randint(1, 10))),
                answered_at=_at(answered),
                known_for=rng.choice(["1 year", "2 years", "5 years", "over 10 years"]),
                capacity="They supported a family member of mine as a PA.",
                reliable="yes",
                would_recommend="yes",
            )
        )
        return evidence


def _plan_evidence(
    rng: random.Random, context: SeedContext, plan: PlannedPA, *, area_id: str, joined: date
) -> None:
    make = _EvidenceMaker(rng, context, plan, area_id)
    tier, today = plan.tier, context.today
    joined = min(joined, today - timedelta(days=2))
    if tier == NONE:
        _plan_entry_in_progress(rng, context, plan, make)
        return
    make.add(
        Evidence.Kind.IDENTITY,
        verified_on=make.recent_day(joined) if rng.random() < 0.55 else None,
    )
    plan.signed = context.code_version_id is not None
    if rng.random() < 0.3:
        make.add(
            Evidence.Kind.RIGHT_TO_WORK,
            verified_on=make.recent_day(joined) if rng.random() < 0.6 else None,
        )
    if tier == ENTRY:
        _plan_entry_extras(rng, plan, make, joined)
        return
    make.dbs(current=True)
    plan.induction_on = make.recent_day(joined)
    if plan.profile.offers_driving:
        make.add(Evidence.Kind.DRIVING_LICENCE, verified_on=make.recent_day(joined))
    if tier == LEVEL_2:
        if rng.random() < 0.3:
            make.qualification(verified=False)
        return
    make.qualification(verified=True)
    make.reference(verified=True, number=1)
    make.reference(verified=True, number=2)
    if tier == LEVEL_3:
        return
    if not context.specialist_skill_ids:
        return
    skill_id = rng.choice(context.specialist_skill_ids)
    if skill_id not in plan.skill_ids:
        plan.skill_ids.append(skill_id)
    make.add(
        Evidence.Kind.SPECIALIST,
        verified_on=make.recent_day(joined),
        skill_id=skill_id,
        title="Training certificate",
    )


def _plan_entry_in_progress(
    rng: random.Random, context: SeedContext, plan: PlannedPA, make: _EvidenceMaker
) -> None:
    """Joined, and partway to Entry: at least one Entry requirement is still missing."""
    missing = set(rng.sample(["profile", "identity", "code"], rng.choice([1, 1, 2])))
    if "profile" in missing:
        gap = rng.choice(["about_me", "skills", "availability"])
        if gap == "about_me":
            plan.profile.about_me = ""
        elif gap == "skills":
            plan.skill_ids = []
        else:
            plan.profile.availability = 0
    if "identity" not in missing:
        make.add(Evidence.Kind.IDENTITY)
    plan.signed = "code" not in missing and context.code_version_id is not None


def _plan_entry_extras(
    rng: random.Random, plan: PlannedPA, make: _EvidenceMaker, joined: date
) -> None:
    """Entry-level PAs on their way up: some DBS checks waiting, some lapsed."""
    roll = rng.random()
    if roll < 0.25:
        make.dbs_waiting()
    elif roll < 0.4:
        make.dbs(current=False)
    if rng.random() < 0.2:
        plan.induction_on = make.recent_day(joined)
    if rng.random() < 0.1:
        make.qualification(verified=False)


# PAs' genders, as the profile question records them (most PAs are women).
GENDER_WEIGHTS: tuple[tuple[str, int], ...] = (
    (PAProfile.Gender.WOMAN, 75),
    (PAProfile.Gender.MAN, 20),
    (PAProfile.Gender.NON_BINARY, 1),
    (PAProfile.Gender.NOT_SAID, 4),
)


def pick_gender(rng: random.Random) -> str:
    genders, weights = zip(*GENDER_WEIGHTS, strict=True)
    return rng.choices(genders, weights=weights)[0]


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


def _insert_pairs(through, columns: tuple[str, str], pairs: list[tuple]) -> int:
    """Many-to-many rows straight into their table: half the seed's rows are these, and
    building a model instance for each costs more than inserting it."""
    table = connection.ops.quote_name(through._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES (%s, %s)", pairs)  # noqa: S608
    return len(pairs)


def _insert(plans: list[PlannedPA], context: SeedContext, batch_size: int) -> RegisterSeedCounts:
    counts = RegisterSeedCounts()
    profiles = [plan.profile for plan in plans]
    PAProfile.objects.bulk_create(profiles, batch_size=batch_size)
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
    ProfileLanguage.objects.bulk_create(languages, batch_size=batch_size)
    evidence = [item for plan in plans for item in plan.evidence]
    Evidence.objects.bulk_create(evidence, batch_size=batch_size)
    references = [item for plan in plans for item in plan.references]
    ReferenceRequest.objects.bulk_create(references, batch_size=batch_size)
    checks = [item for plan in plans for item in plan.checks]
    VerificationRecord.objects.bulk_create(checks, batch_size=batch_size)
    signatures = [
        CodeSignature(
            user_id=plan.profile.user_id,
            version_id=context.code_version_id,
            signed_at=plan.profile.last_active_at,
        )
        for plan in plans
        if plan.signed
    ]
    CodeSignature.objects.bulk_create(signatures, batch_size=batch_size)
    inductions = [
        InductionCompletion(
            user_id=plan.profile.user_id,
            completed_on=plan.induction_on,
            source="seeded",
            organisation_id=context.verifiers_by_area.get(plan.area_id, (None, None))[0],
        )
        for plan in plans
        if plan.induction_on is not None
    ]
    InductionCompletion.objects.bulk_create(inductions, batch_size=batch_size)
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
    people = list(
        seed_users(seed)
        .filter(roles__role=Role.PA, pa_profile__isnull=True)
        .order_by("pk")
        .values_list(
            "pk", "full_name", "known_as", "district_id", "local_authority_id", "date_joined"
        )
    )
    total = RegisterSeedCounts()
    for start in range(0, len(people), batch_size):
        plans = []
        for person in people[start : start + batch_size]:
            plan = plan_profile(rng, context, person, tier=pick_tier(rng))
            facts = facts_for(plan, context, has_district=person[3] is not None)
            plan.profile.level = level_for(facts)
            plan.profile.level_computed_at = now
            plan.profile.dbs_rank = dbs_rank_for(plan, context.today)
            plan.profile.gender = pick_gender(gender_rng)
            plans.append(plan)
        counts = _insert(plans, context, batch_size)
        total.profiles += counts.profiles
        total.evidence += counts.evidence
        total.checks += counts.checks
        total.signatures += counts.signatures
        total.inductions += counts.inductions
        total.rows += counts.rows
        total.levels += counts.levels
        if on_batch is not None:
            on_batch(total.profiles, len(people))
    return total


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
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in SEARCHED_TABLES:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


def seed_extension(*, seed: int, batch_size: int, say: Callable[[str], None]) -> str:
    """The hook `manage.py seed` calls after making people (see SEED_EXTENSIONS)."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        reset_queries()  # DEBUG keeps every query; 100,000 profiles' inserts would pile up
        say(f"  register: {done:,} / {total:,} profiles ({time.perf_counter() - started:.1f} s)")

    with transaction.atomic():
        counts = seed_register(seed=seed, batch_size=batch_size, on_batch=progress)
    analyse_for_planner()
    elapsed = time.perf_counter() - started
    warnings = []
    if current_code_version() is None:
        warnings.append(" No code of conduct is published, so nobody reached Entry level.")
    if not Skill.objects.exists():
        warnings.append(" The skills taxonomy is empty: run `manage.py migrate`.")
    return f"{describe(counts)} {elapsed:.1f} s.{''.join(warnings)}"
