"""What planning a seeded register starts from: the target spreads (levels, languages, pay),
the day's context (organisations, areas, the code of conduct in force) and the plan each PA
is built up in. Drawn from one ``random.Random`` stream per seed, in a fixed order."""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from django.utils import timezone

from pahub.accounts.models import Membership, Organisation
from pahub.accounts.seeding import WeightedPick
from pahub.places.models import LocalAuthority
from pahub.register.levels import (
    ENTRY,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4,
    NONE,
)
from pahub.register.models import (
    DbsRule,
    Evidence,
    PAProfile,
    ProfileLanguage,
    ReferenceRequest,
    VerificationRecord,
)
from pahub.register.queries import current_code_version
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
    # The current time zone, looked up once: checks and references are dated in it.
    zone: tzinfo = field(default_factory=timezone.get_current_timezone)


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


_TIER = WeightedPick(*zip(*TIER_WEIGHTS, strict=True))


def pick_tier(rng: random.Random) -> int:
    return _TIER(rng)


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


def days_between(rng: random.Random, earliest: date, latest: date) -> date:
    if latest <= earliest:
        return earliest
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def moment_on(day: date, zone: tzinfo | None = None) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 11, 0), zone)
