"""Employer profiles and open jobs for the employers `manage.py seed --jobs K` creates.

Every employer of the seed gets an employer profile at their own postcode; then K published
jobs are spread over them, each drawn from one ``random.Random`` stream per seed in a fixed
order, so the same seed on the same day gives the same jobs. Jobs look like real PA jobs:
tasks from the skills taxonomy, a weekly grid and the hours it adds up to, pay at or above
the legal minimum on the start date (from the rates table), and some must-haves (DBS,
driving, a language, a gender with its Equality Act reason, a skill) and nice-to-haves.
Everything is inserted with `bulk_load` (and many-to-many rows straight into their
tables), a batch at a time; nothing is audited.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import reset_queries, transaction
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.accounts.seeding import BATCH_SIZE, in_batches, seed_users
from pahub.core.bulk_load import analyse_tables, build, bulk_load, bulk_loading_into, load_rows
from pahub.employers.models import AccessNeed, EmployerProfile
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.models import Job
from pahub.register.availability import PARTS
from pahub.register.models import PAProfile
from pahub.taxonomy.dbs import DbsLevel, dbs_rank
from pahub.taxonomy.models import Interest, Language, Skill

NATIONAL_LIVING_WAGE_2026 = Decimal("12.71")
TITLES: tuple[str, ...] = (
    "Morning PA",
    "Evening PA",
    "Weekend PA",
    "PA for days out and activities",
    "Personal care and household help",
    "Sleep-in support",
    "Waking night PA",
    "PA to help me get to work",
    "Part-time PA for a young man who loves football",
    "PA for a retired teacher",
    "Support with shopping and appointments",
    "Cover PA for holidays and sickness",
)
DESCRIPTIONS: tuple[str, ...] = (
    "I need help getting up, washed and dressed, and making breakfast.",
    "Help in the evenings with tea, a bath and getting ready for bed.",
    "I want someone to come out with me: the shops, the coast, the match.",
    "Support at home with cooking, cleaning and keeping on top of letters.",
    "Help with my medication and getting to hospital appointments.",
    "Someone to stay overnight in case I need help in the night.",
)
WHAT_MATTERS: tuple[str, ...] = (
    "Someone calm and cheerful who likes a chat.",
    "Being on time, and letting me know early if you cannot come.",
    "Respecting my home and my choices.",
    "A sense of humour.",
    "",
)
# Times of day a job is usually at, as in the PA seed's availability patterns.
HOURS_PATTERNS: tuple[tuple[str, ...], ...] = (
    ("early",),
    ("early", "morning"),
    ("morning",),
    ("afternoon",),
    ("evening",),
    ("morning", "afternoon"),
    ("sleep_in",),
    ("night",),
)
PART_NAMES = tuple(name for name, _, _ in PARTS)
PART_HOURS = (3, 3, 5, 5, 8, 8)
# (DBS level, weight): half ask for none; most that do ask for enhanced.
DBS_CHOICES: tuple[tuple[str, int], ...] = (
    (DbsLevel.NONE, 50),
    (DbsLevel.BASIC, 5),
    (DbsLevel.STANDARD, 5),
    (DbsLevel.ENHANCED, 20),
    (DbsLevel.ENHANCED_ADULTS_BARRED, 20),
)
LANGUAGES_ASKED = ("bfi", "pl", "ur", "pa", "ar", "makaton")
GENDER_REASON = (
    "The job is intimate personal care (washing, dressing and using the toilet), so under "
    "the Equality Act 2010 I may ask for someone of the same sex."
)


@dataclass
class JobSeedCounts:
    employer_profiles: int = 0
    jobs: int = 0
    rows: int = 0
    must_haves: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class JobSeedContext:
    today: date
    now: datetime
    general_skill_ids: tuple[int, ...]
    specialist_skill_ids: tuple[int, ...]
    interest_ids: tuple[int, ...]
    language_ids: dict[str, int]
    minimum: Decimal
    apprentice_minimum: Decimal


def job_seed_context(*, today: date, now: datetime) -> JobSeedContext:
    skills = list(
        Skill.objects.filter(is_active=True)
        .exclude(code__startswith="credential.")
        .order_by("code")
        .values_list("pk", "is_specialist")
    )
    # The rate in force from the latest start date a job can have, so every job is lawful.
    latest_start = today + timedelta(days=90)
    adult = minimum_pay_on(latest_start)
    apprentice = minimum_pay_on(latest_start, is_apprenticeship=True)
    return JobSeedContext(
        today=today,
        now=now,
        general_skill_ids=tuple(pk for pk, specialist in skills if not specialist),
        specialist_skill_ids=tuple(pk for pk, specialist in skills if specialist),
        interest_ids=tuple(Interest.objects.order_by("name").values_list("pk", flat=True)),
        language_ids=dict(Language.objects.values_list("code", "pk")),
        minimum=adult.hourly_rate if adult else NATIONAL_LIVING_WAGE_2026,
        apprentice_minimum=apprentice.hourly_rate if apprentice else Decimal("8.00"),
    )


def random_grid(rng: random.Random) -> int:
    parts = rng.choice(HOURS_PATTERNS)
    days = rng.sample(range(7), rng.randint(1, 5))
    grid = 0
    for day in days:
        for part in parts:
            grid |= 1 << (day * len(PARTS) + PART_NAMES.index(part))
    return grid


def grid_hours(grid: int) -> int:
    return sum(PART_HOURS[slot % len(PARTS)] for slot in range(42) if grid >> slot & 1)


@dataclass
class PlannedJob:
    job: Job
    task_ids: list[int]
    required_skill_ids: list[int]
    nice_skill_ids: list[int]
    nice_interest_ids: list[int]


def plan_job(rng: random.Random, context: JobSeedContext, employer: tuple) -> PlannedJob:
    employer_id, district_id, area_id = employer
    grid = random_grid(rng)
    # Not every slot is worked in full (a morning call may be an hour), so hours are a share.
    hours = max(
        Decimal("0.5"),
        round(Decimal(grid_hours(grid)) * Decimal(rng.choice([6, 8, 10])) / 10 * 2) / 2,
    )
    apprenticeship = rng.random() < 0.02
    floor = context.apprentice_minimum if apprenticeship else context.minimum
    pay = floor + Decimal(rng.randrange(0, 541, 5)) / 100
    dbs_level, _ = rng.choices(DBS_CHOICES, weights=[w for _, w in DBS_CHOICES])[0]
    gender = rng.choices(["", Job.RequiredGender.WOMAN, Job.RequiredGender.MAN], [90, 8, 2])[0]
    language_code = rng.choice(LANGUAGES_ASKED) if rng.random() < 0.05 else None
    general = context.general_skill_ids
    task_ids = rng.sample(general, min(len(general), rng.randint(2, 6)))
    if context.specialist_skill_ids and rng.random() < 0.15:
        task_ids.append(rng.choice(context.specialist_skill_ids))
    required = [rng.choice(task_ids)] if rng.random() < 0.2 else []
    nice_pool = [pk for pk in general if pk not in task_ids]
    nice_skills = rng.sample(nice_pool, min(len(nice_pool), rng.randint(0, 2)))
    interests = (
        rng.sample(context.interest_ids, min(len(context.interest_ids), rng.randint(0, 3)))
        if context.interest_ids
        else []
    )
    published = context.now - timedelta(days=rng.randrange(60), minutes=rng.randrange(1440))
    job = build(
        Job,
        employer_id=employer_id,
        posted_by_id=employer_id,
        title=rng.choice(TITLES),
        description=rng.choice(DESCRIPTIONS),
        hours_grid=grid,
        hours_per_week=hours,
        start_date=context.today + timedelta(days=rng.randint(7, 90)),
        kind=Job.Kind.COVER if rng.random() < 0.15 else Job.Kind.REGULAR,
        hourly_pay=pay,
        is_apprenticeship=apprenticeship,
        district_id=district_id,
        local_authority_id=area_id,
        required_dbs=dbs_level,
        required_dbs_rank=dbs_rank(dbs_level),
        requires_driver=rng.random() < 0.15,
        required_language_id=context.language_ids.get(language_code) if language_code else None,
        required_gender=gender,
        gender_reason=GENDER_REASON if gender else "",
        nice_years_experience=rng.choice([1, 2, 3, 5]) if rng.random() < 0.3 else None,
        status=Job.Status.PUBLISHED,
        published_at=published,
    )
    return PlannedJob(job, task_ids, required, nice_skills, interests)


def plan_employer_profile(
    rng: random.Random, context: JobSeedContext, person: tuple
) -> tuple[EmployerProfile, list[int]]:
    user_id, full_name, known_as, postcode, district_id, area_id = person
    needs = [need for need in AccessNeed.values if rng.random() < 0.04]
    profile = build(
        EmployerProfile,
        user_id=user_id,
        display_name=known_as or full_name.split(" ")[0],
        postcode=postcode,
        district_id=district_id,
        local_authority_id=area_id,
        what_matters=rng.choice(WHAT_MATTERS),
        access_needs=needs,
        share_access_needs_with_pas=bool(needs) and rng.random() < 0.5,
    )
    interests = (
        rng.sample(context.interest_ids, min(len(context.interest_ids), rng.randint(0, 4)))
        if context.interest_ids
        else []
    )
    return profile, interests


def insert_pairs(through, columns: tuple[str, str], pairs: list[tuple]) -> int:
    """Many-to-many rows straight into their table, without a model instance each."""
    return load_rows(through, columns, pairs)


def seed_employer_profiles(
    *, seed: int, context: JobSeedContext, batch_size: int
) -> tuple[int, int]:
    """Profiles for the seed's employers who have none; (profiles, rows) made."""
    rng = random.Random(f"pahub-seed-{seed}-employer-profiles")
    people = seed_users(seed).filter(
        roles__role=Role.EMPLOYER, employer_profile__isnull=True, district__isnull=False
    )
    made = rows = 0
    for batch in in_batches(
        people,
        *("full_name", "known_as", "postcode", "district_id", "local_authority_id"),
        batch_size=batch_size,
    ):
        planned = [plan_employer_profile(rng, context, person) for person in batch]
        profiles = EmployerProfile.objects.bulk_create([profile for profile, _ in planned])
        rows += len(profiles) + insert_pairs(
            EmployerProfile.interests.through,
            ("employerprofile_id", "interest_id"),
            [(profile.pk, pk) for profile, interests in planned for pk in interests],
        )
        made += len(profiles)
    return made, rows


def seed_jobs(
    *,
    seed: int,
    count: int,
    batch_size: int = BATCH_SIZE,
    today: date | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> JobSeedCounts:
    """Employer profiles for the seed's employers, then `count` open jobs spread over them."""
    now = timezone.now()
    context = job_seed_context(today=today or timezone.localdate(), now=now)
    counts = JobSeedCounts()
    counts.employer_profiles, counts.rows = seed_employer_profiles(
        seed=seed, context=context, batch_size=batch_size
    )
    employers = list(
        EmployerProfile.objects.filter(user__in=seed_users(seed))
        .order_by("user_id")
        .values_list("user_id", "district_id", "local_authority_id")
    )
    if not employers:
        return counts
    rng = random.Random(f"pahub-seed-{seed}-jobs")
    must_haves = {"dbs": 0, "driver": 0, "language": 0, "gender": 0, "skill": 0}
    for start in range(0, count, batch_size):
        plans = [
            plan_job(rng, context, employers[number % len(employers)])
            for number in range(start, min(start + batch_size, count))
        ]
        jobs = bulk_load([plan.job for plan in plans])
        through_rows = 0
        for through, attribute, column in (
            (Job.tasks.through, "task_ids", "skill_id"),
            (Job.required_skills.through, "required_skill_ids", "skill_id"),
            (Job.nice_skills.through, "nice_skill_ids", "skill_id"),
            (Job.nice_interests.through, "nice_interest_ids", "interest_id"),
        ):
            through_rows += insert_pairs(
                through,
                ("job_id", column),
                [(plan.job.pk, pk) for plan in plans for pk in getattr(plan, attribute)],
            )
        for plan in plans:
            must_haves["dbs"] += plan.job.required_dbs_rank > 0
            must_haves["driver"] += plan.job.requires_driver
            must_haves["language"] += plan.job.required_language_id is not None
            must_haves["gender"] += bool(plan.job.required_gender)
            must_haves["skill"] += bool(plan.required_skill_ids)
        counts.jobs += len(jobs)
        counts.rows += len(jobs) + through_rows
        if on_batch is not None:
            on_batch(counts.jobs, count)
    counts.must_haves = must_haves
    return counts


def matched_tables() -> list[str]:
    """The tables matching reads, whose planner statistics a big seed makes stale. Named from
    the models, so a model moving app (and its table being renamed) cannot leave one stale."""
    through = [
        Job.tasks.through,
        Job.required_skills.through,
        Job.nice_skills.through,
        Job.nice_interests.through,
        EmployerProfile.interests.through,
        PAProfile.interests.through,
    ]
    return [Job._meta.db_table, EmployerProfile._meta.db_table] + [
        model._meta.db_table for model in through
    ]


def analyse_for_planner() -> None:
    """As `pahub.register.seeding.load.analyse_for_planner`, for the jobs tables (PostgreSQL)."""
    analyse_tables(matched_tables())


def describe(counts: JobSeedCounts) -> str:
    asked = ", ".join(f"{name} {number:,}" for name, number in counts.must_haves.items())
    return (
        f"Jobs: {counts.employer_profiles:,} employer profiles, {counts.jobs:,} open jobs"
        + (f" (must-haves: {asked})" if asked else "")
        + f"; {counts.rows:,} rows"
    )


# Every table the jobs' seed loads (see bulk_loading_into): checking each row's foreign keys
# at commit took 5.6 s of the step's 29 at 50,000 jobs on PostgreSQL.
JOB_MODELS = (
    EmployerProfile,
    EmployerProfile.interests.through,
    Job,
    Job.tasks.through,
    Job.required_skills.through,
    Job.nice_skills.through,
    Job.nice_interests.through,
)


def seed_extension(*, seed: int, count: int, batch_size: int, say: Callable[[str], None]) -> str:
    """What `manage.py seed --jobs K` calls after making people and their PA profiles."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        reset_queries()  # DEBUG keeps every query; 20,000 jobs' inserts would pile up
        say(f"  jobs: {done:,} / {total:,} ({time.perf_counter() - started:.1f} s)")

    with transaction.atomic(), bulk_loading_into(JOB_MODELS):
        counts = seed_jobs(seed=seed, count=count, batch_size=batch_size, on_batch=progress)
    analyse_for_planner()
    elapsed = time.perf_counter() - started
    per_second = counts.rows / elapsed if elapsed else 0.0
    return (
        f"{describe(counts)} in {elapsed:.1f} s ({per_second:,.0f} rows/s, "
        f"{counts.jobs / elapsed if elapsed else 0:,.0f} jobs/s)."
    )
