"""Inserting the planned learning rows (`pahub.learning.seeding.plans`) with `bulk_load`,
a batch of people at a time, and the hook `manage.py seed` calls. Nothing is audited and
nobody is notified: seeding is a developer tool, not something a person did.
"""

import random
import time
from array import array
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from django.db import reset_queries, transaction
from django.utils import timezone

from pahub.accounts.models import Organisation, Role
from pahub.accounts.seeding import (
    BATCH_SIZE,
    SeedKind,
    in_batches,
    seed_email,
    seed_users,
    spoke_districts,
)
from pahub.core.bulk_load import analyse_tables, build, bulk_load, bulk_loading_into, load_rows
from pahub.learning.models import (
    Certificate,
    CPDEntry,
    Event,
    EventBooking,
    ModuleCompletion,
    PlanItem,
    QuizAttempt,
    SelfRating,
)
from pahub.learning.seeding.content import _live_module_count, learning_seed_context, seed_content
from pahub.learning.seeding.context import (
    HEAVY_PA_COMPLETIONS,
    PAS_PER_EVENT,
    PRACTICE_MODULES_WITHOUT_CONTENT,
    TRAINING_PROVIDER_NAME,
    LearningSeedCounts,
    PlannedLearner,
    Step,
)
from pahub.learning.seeding.plans import (
    certificate_code,
    plan_bookings,
    plan_event,
    plan_heavy_learner,
    plan_learner,
    quiz_attempt,
)
from pahub.places.models import LocalAuthority


def seed_training_providers() -> list[Organisation]:
    """The training providers to list events from; one of the seed's own if there are none."""
    providers = list(
        Organisation.objects.filter(kind=Organisation.Kind.TRAINING_PROVIDER).order_by("name")
    )
    if providers:
        return providers
    provider, created = Organisation.objects.get_or_create(
        name=TRAINING_PROVIDER_NAME,
        defaults={"kind": Organisation.Kind.TRAINING_PROVIDER},
    )
    if created:
        provider.local_authorities.set(LocalAuthority.objects.filter(is_spoke=True))
    return [provider]


def seed_events(rng: random.Random, *, count: int, today: date, batch_size: int) -> list[Event]:
    providers = seed_training_providers()
    districts = spoke_districts()
    events = [
        plan_event(
            rng, provider=providers[number % len(providers)], districts=districts, today=today
        )
        for number in range(count)
    ]
    Event.objects.bulk_create(events, batch_size=batch_size)
    return events


def _insert_pairs(through, columns: tuple[str, str], pairs: list[tuple[int, int]]) -> int:
    """Many-to-many rows straight into their table, as the register's seed does."""
    return load_rows(through, columns, pairs)


def insert_learners(
    rng: random.Random,
    learners: list[PlannedLearner],
    *,
    used_codes: set[str],
    batch_size: int,
) -> LearningSeedCounts:
    counts = LearningSeedCounts()
    attempts: list[QuizAttempt] = []
    passing: list[tuple[Step, QuizAttempt]] = []
    for learner in learners:
        for step in learner.steps:
            if step.retried:
                failed_at = max(
                    step.completed_at - timedelta(minutes=rng.randint(5, 30)),
                    step.module.available_at,
                )
                attempts.append(quiz_attempt(rng, learner, step, passed=False, at=failed_at))
            attempt = quiz_attempt(rng, learner, step, passed=True, at=step.completed_at)
            attempts.append(attempt)
            passing.append((step, attempt))
    bulk_load(attempts)

    completions = []
    for learner in learners:
        for step in learner.steps:
            step.completion = build(
                ModuleCompletion,
                user_id=learner.user_id,
                module_version_id=step.module.version_id,
                module_id=step.module.module_id,
                completed_at=step.completed_at,
            )
            completions.append(step.completion)
    for step, attempt in passing:
        step.completion.attempt_id = attempt.pk
    bulk_load(completions)

    certificates = []
    certificate_steps = []
    for learner in learners:
        for course, steps, shown in learner.certificates:
            certificates.append(
                build(
                    Certificate,
                    user_id=learner.user_id,
                    course_id=course.pk,
                    course_version=course.version,
                    code=certificate_code(rng, used_codes),
                    name=learner.name,
                    issued_at=max(step.completed_at for step in steps),
                    show_on_profile=shown,
                )
            )
            certificate_steps.append(steps)
    bulk_load(certificates)
    earned = _insert_pairs(
        Certificate.module_versions.through,
        ("certificate_id", "moduleversion_id"),
        [
            (certificate.pk, step.module.version_id)
            for certificate, steps in zip(certificates, certificate_steps, strict=True)
            for step in steps
        ],
    )

    cpd = [entry for learner in learners for entry in learner.cpd]
    for learner in learners:
        for step in learner.steps:
            if step.logged_as_cpd:
                cpd.append(
                    build(
                        CPDEntry,
                        user_id=learner.user_id,
                        title=step.module.title,
                        provider="PA Hub",
                        learned_on=timezone.localdate(step.completed_at),
                        hours=(Decimal(step.module.minutes) / 60).quantize(Decimal("0.01")),
                        what_i_learned=f"I passed the module “{step.module.title}” on PA Hub.",
                        module_completion_id=step.completion.pk,
                    )
                )
    bulk_load(cpd)
    ratings = [rating for learner in learners for rating in learner.ratings]
    bulk_load(ratings)
    plan = [item for learner in learners for item in learner.plan]
    bulk_load(plan)

    counts.learners = sum(1 for learner in learners if learner.steps)
    counts.completions = len(completions)
    counts.attempts = len(attempts)
    counts.certificates = len(certificates)
    counts.cpd_entries = len(cpd)
    counts.self_assessed = sum(1 for learner in learners if learner.ratings)
    counts.self_ratings = len(ratings)
    counts.plan_items = len(plan)
    counts.rows = (
        len(attempts)
        + len(completions)
        + len(certificates)
        + earned
        + len(cpd)
        + len(ratings)
        + len(plan)
    )
    return counts


def heavy_pa_email(seed: int) -> str:
    """The seed's first PA, who holds 200 completions (what the benchmark signs in as)."""
    return seed_email(seed=seed, kind=SeedKind.PA, number=1)


def seeded_learning_exists(seed: int) -> bool:
    people = seed_users(seed)
    return (
        ModuleCompletion.objects.filter(user__in=people).exists()
        or CPDEntry.objects.filter(user__in=people).exists()
        or SelfRating.objects.filter(user__in=people).exists()
    )


def seed_learning(
    *,
    seed: int,
    batch_size: int = BATCH_SIZE,
    heavy_pa: bool = False,
    today: date | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> LearningSeedCounts:
    """Give this seed's PAs their learning, once; returns what it made.

    With `heavy_pa`, the seed's first PA passes exactly 200 modules (see the module's help).
    """
    today = today or timezone.localdate()
    now = timezone.now()
    people = seed_users(seed).filter(roles__role=Role.PA)
    how_many = people.count()
    total = LearningSeedCounts()
    if not how_many:
        total.skipped = "no PAs in this seed"
        return total
    if seeded_learning_exists(seed):
        total.skipped = "this seed's PAs already have learning rows"
        return total
    if heavy_pa:
        wanted = HEAVY_PA_COMPLETIONS
    elif _live_module_count() == 0:
        wanted = PRACTICE_MODULES_WITHOUT_CONTENT
    else:
        wanted = 0
    total.courses_created, total.modules_created = seed_content(minimum_modules=wanted)
    rng = random.Random(f"pahub-seed-{seed}-learning")
    events = seed_events(
        rng,
        count=max(4, how_many // PAS_PER_EVENT),
        today=today,
        batch_size=batch_size,
    )
    total.events = len(events)
    context = learning_seed_context(last_day=today - timedelta(days=1), events=events, now=now)
    used_codes = set(Certificate.objects.values_list("code", flat=True))
    heavy = heavy_pa_email(seed)
    heavy_id = people.filter(email=heavy).values_list("pk", flat=True).first() if heavy_pa else None
    # Bookings are drawn from every PA: their ids alone, 8 bytes each, not their rows.
    pa_ids = array("q")
    done = 0
    for batch in in_batches(people, "full_name", "date_joined", batch_size=batch_size):
        learners = [
            (plan_heavy_learner if pk == heavy_id else plan_learner)(
                rng, context, (pk, name, joined)
            )
            for pk, name, joined in batch
        ]
        pa_ids.extend(pk for pk, _, _ in batch)
        done += len(batch)
        for learner in learners:
            if learner.user_id == heavy_id:
                total.heavy_pa_email = heavy
                total.heavy_pa_completions = len(learner.steps)
        counts = insert_learners(rng, learners, used_codes=used_codes, batch_size=batch_size)
        for name in (
            "learners",
            "completions",
            "attempts",
            "certificates",
            "cpd_entries",
            "self_assessed",
            "self_ratings",
            "plan_items",
            "rows",
        ):
            setattr(total, name, getattr(total, name) + getattr(counts, name))
        if on_batch is not None:
            on_batch(done, how_many)
    bookings = plan_bookings(rng, events, pa_ids, now=now)
    EventBooking.objects.bulk_create(bookings, batch_size=batch_size)
    total.bookings = len(bookings)
    total.rows += len(events) + len(bookings)
    return total


def describe(counts: LearningSeedCounts) -> str:
    if counts.skipped:
        return f"Learning: nothing added ({counts.skipped})."
    content = (
        f"{counts.courses_created:,} practice courses ({counts.modules_created:,} modules) added; "
        if counts.courses_created
        else ""
    )
    heavy = (
        f" {counts.heavy_pa_email} has {counts.heavy_pa_completions:,} completions."
        if counts.heavy_pa_email
        else ""
    )
    return (
        f"Learning: {content}{counts.learners:,} PAs passed {counts.completions:,} modules "
        f"({counts.attempts:,} quiz attempts), {counts.certificates:,} certificates, "
        f"{counts.cpd_entries:,} CPD entries, {counts.self_assessed:,} self-assessments "
        f"({counts.self_ratings:,} ratings, {counts.plan_items:,} plan steps), "
        f"{counts.events:,} events with {counts.bookings:,} bookings; {counts.rows:,} rows."
        f"{heavy}"
    )


# The tables the learning pages read, whose planner statistics a big seed makes stale.
LEARNING_TABLES = (
    "learning_quizattempt",
    "learning_modulecompletion",
    "learning_certificate",
    "learning_certificate_module_versions",
    "learning_cpdentry",
    "learning_selfrating",
    "learning_planitem",
    "learning_event",
    "learning_eventbooking",
)


def analyse_for_planner() -> None:
    """On PostgreSQL, refresh the planner's statistics after a big seed (see the register's)."""
    analyse_tables(LEARNING_TABLES)


# The tables the learning's seed loads millions of rows into (see bulk_loading_into);
# events and the practice content, if it makes any, are checked as usual.
LEARNING_MODELS = (
    QuizAttempt,
    ModuleCompletion,
    Certificate,
    Certificate.module_versions.through,
    CPDEntry,
    SelfRating,
    PlanItem,
    EventBooking,
)


def seed_extension(
    *, seed: int, batch_size: int, say: Callable[[str], None], heavy_pa: bool = False
) -> str:
    """The hook `manage.py seed` calls after the register's (see pahub/setup)."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        reset_queries()  # DEBUG keeps every query; a million inserts would pile up
        say(f"  learning: {done:,} / {total:,} PAs ({time.perf_counter() - started:.1f} s)")

    with transaction.atomic(), bulk_loading_into(LEARNING_MODELS):
        counts = seed_learning(
            seed=seed, batch_size=batch_size, heavy_pa=heavy_pa, on_batch=progress
        )
    analyse_for_planner()
    return f"{describe(counts)} {time.perf_counter() - started:.1f} s."
