"""Learning at scale for the PAs `manage.py seed` creates: module completions and quiz attempts,
certificates, CPD logs, self-assessments and learning plans, and providers' events with
bookings. Deterministic and fast, like the rest of the seed.

What a seeded population looks like (shares of the seed's PAs, drawn from one
``random.Random`` stream per seed, in a fixed order):

- 35% finished the whole induction-like course (the induction if one is loaded, otherwise the
  first course) and hold its certificate; a third of them also started another course;
- 25% more did some of its modules but not all; the other 40% have done none;
- every passed module has its passing quiz attempt, and one in seven a failed try before it;
- 40% keep a CPD log, a few entries a year since they joined, some of them from modules;
- 30% took the self-assessment and have a learning plan: modules and events for each topic
  they want to learn, ticked off where they have done the module.

With ``--learning-heavy-pa``, the seed's first PA (``seed-<seed>-pa-1@…``) is a heavy learner,
the one the benchmark signs in as (`bench/learning_bench.py`): exactly 200 module completions,
a certificate for every course those finish, a long CPD log, every topic rated and a plan of
about 30 steps.

Courses to complete: if no course is published (no content loaded), the seed adds two
synthetic courses named "Seeded practice course N" of ten modules each, through the one
service that publishes a module version; for the heavy PA it adds more until 200 modules are
published. They exist only in seeded databases and say so on every page.

Everything else goes in with ``bulk_create`` (and the certificates' module versions straight
into their table), a batch of people at a time; nothing is audited and nobody is notified:
seeding is a developer tool, not something a person did.
"""

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.db import connection, reset_queries, transaction
from django.utils import timezone

from pahub.accounts.models import Organisation, Role
from pahub.accounts.seeding import (
    BATCH_SIZE,
    SeedDistricts,
    SeedKind,
    seed_email,
    seed_users,
    spoke_districts,
)
from pahub.learning.courses.services import CODE_ALPHABET, CODE_LENGTH
from pahub.learning.models import (
    Audience,
    Certificate,
    Choice,
    Course,
    CPDEntry,
    Event,
    EventBooking,
    Module,
    ModuleCompletion,
    ModuleVersion,
    PlanItem,
    Question,
    QuizAttempt,
    SelfRating,
)
from pahub.learning.topics import Topic
from pahub.learning.versioning import ChoiceSpec, ModuleSpec, QuestionSpec, publish_module_version
from pahub.places.models import LocalAuthority
from pahub.taxonomy.models import Skill

HEAVY_PA_COMPLETIONS = 200
PRACTICE_COURSE_TITLE = "Seeded practice course {number}"
PRACTICE_COURSE_SLUG = "seeded-practice-course-{number}"
MODULES_PER_PRACTICE_COURSE = 10
# Without content loaded: two courses, the first one finished by 35% of PAs.
PRACTICE_MODULES_WITHOUT_CONTENT = 2 * MODULES_PER_PRACTICE_COURSE
# Seeded content is dated from the first seeded person's join date, so everyone could take it.
PRACTICE_PUBLISHED_AT = datetime(2024, 1, 1, tzinfo=UTC)
TRAINING_PROVIDER_NAME = "Seeded training provider"

SHARE_WHOLE_COURSE = 0.35
SHARE_SOME_MODULES = 0.25
SHARE_ANOTHER_COURSE = 0.33  # of those who finished the whole course
SHARE_RETRIED = 1 / 7
SHARE_CPD = 0.40
SHARE_LOGGED_MODULE = 0.3  # of a CPD keeper's passed modules, logged as CPD too
SHARE_SELF_ASSESSED = 0.30
SHARE_OWN_STEP = 0.15
SHARE_EVENT_STEP = 0.3
PAS_PER_EVENT = 250
# The induction's topics and those of Fig. 5-1; the employer course's are not a PA's to rate.
PA_TOPICS: tuple[str, ...] = tuple(
    topic
    for topic in Topic.values
    if topic not in (Topic.RECRUITING, Topic.EMPLOYER_DUTIES, Topic.MANAGING)
)
RATING_WEIGHTS = (
    (SelfRating.Rating.CAN_DO, 50),
    (SelfRating.Rating.WANT_TO_LEARN, 35),
    (SelfRating.Rating.NOT_FOR_ME, 15),
)

# (title, provider, usual hours, what I learned): learning PAs log from outside PA Hub.
CPD_LEARNING: tuple[tuple[str, str, str, str], ...] = (
    (
        "Emergency first aid at work",
        "St John Ambulance",
        "6.00",
        "What to do if someone collapses, chokes or is bleeding, and how to do CPR.",
    ),
    (
        "Moving and handling people",
        "North East PA Training Partnership",
        "3.00",
        "How to use a hoist and a slide sheet safely, and when to ask for a new assessment.",
    ),
    (
        "Safeguarding adults: the basics",
        "Local council training team",
        "2.50",
        "The signs of abuse and neglect, and who to tell in our area.",
    ),
    (
        "Medication awareness",
        "College short course",
        "3.00",
        "Reading a medication record and what a PA may and may not do.",
    ),
    (
        "Dementia friends session",
        "Alzheimer's Society",
        "1.00",
        "Small things that make a day easier for someone living with dementia.",
    ),
    (
        "Food hygiene level 2",
        "Online course",
        "2.00",
        "Storing and cooking food safely, and keeping the kitchen clean.",
    ),
    (
        "Shadowing an experienced PA",
        "On the job",
        "4.00",
        "How another PA plans the day with the person they support.",
    ),
    (
        "Autism awareness",
        "WEA",
        "2.00",
        "Why routine matters, and how to make changes less stressful.",
    ),
    (
        "Mental health first aid",
        "Local charity",
        "7.50",
        "How to start a conversation about mental health and where to point people.",
    ),
    (
        "Epilepsy awareness and rescue medication",
        "Specialist nurse",
        "3.50",
        "Recognising seizures, timing them and when to call 999.",
    ),
)
OWN_STEPS: tuple[str, ...] = (
    "Shadow an experienced PA for a day",
    "Ask my employer about first aid training",
    "Read my employer's support plan again",
    "Look for a moving and handling course near me",
)
EVENT_KINDS: tuple[tuple[str, str], ...] = (
    (Topic.BEING_A_PA, "Starting out as a PA: a morning for new PAs"),
    (Topic.PERSON_CENTRED, "Person-centred working in practice"),
    (Topic.EMPLOYMENT, "Know your rights: contracts, pay and holiday for PAs"),
    (Topic.BOUNDARIES, "Boundaries when you work in someone's home"),
    (Topic.SAFEGUARDING, "Safeguarding adults: spotting the signs"),
    (Topic.RECORDS, "Keeping good records"),
    (Topic.HEALTH_AND_SAFETY, "Moving and handling people safely"),
    (Topic.COMMUNICATION, "Communication skills for PAs"),
    (Topic.PERSONAL_DEVELOPMENT, "Your next step: qualifications for PAs"),
    (Topic.PROBLEMS, "When things go wrong at work: where to get help"),
)
FUNDING = "Your employer may be able to pay for this through the individual employer funding."


@dataclass(frozen=True)
class QuizQuestion:
    pk: int
    right: tuple[int, ...]
    wrong: tuple[int, ...]


@dataclass(frozen=True)
class SeedModule:
    """A module's current version, as the seed needs it."""

    module_id: int
    version_id: int
    title: str
    minutes: int
    topics: tuple[str, ...]
    pass_mark: int
    questions: tuple[QuizQuestion, ...]
    # When it could first be taken: its version made and its course published.
    available_at: datetime

    @property
    def available_on(self) -> date:
        return timezone.localdate(self.available_at)


@dataclass(frozen=True)
class SeedCourse:
    pk: int
    version: int
    modules: tuple[SeedModule, ...]


@dataclass(frozen=True)
class SeedEvent:
    pk: int
    topics: tuple[str, ...]
    starts_at: datetime


@dataclass(frozen=True)
class LearningSeedContext:
    # The last day anyone learned anything: yesterday, so no moment drawn is in the future.
    last_day: date
    now: datetime
    courses: tuple[SeedCourse, ...]
    # The course 35% of PAs finish: the induction if there is one, otherwise the first.
    main_course: SeedCourse
    modules_by_topic: dict[str, tuple[SeedModule, ...]]
    upcoming_events_by_topic: dict[str, tuple[SeedEvent, ...]]
    skill_ids: tuple[int, ...]


@dataclass
class Step:
    """A module passed: the attempts and completion it becomes."""

    module: SeedModule
    completed_at: datetime
    retried: bool
    logged_as_cpd: bool = False
    completion: ModuleCompletion | None = None


@dataclass
class PlannedLearner:
    user_id: int
    name: str
    steps: list[Step] = field(default_factory=list)
    certificates: list[tuple[SeedCourse, list[Step], bool]] = field(default_factory=list)
    cpd: list[CPDEntry] = field(default_factory=list)
    ratings: list[SelfRating] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)


@dataclass
class LearningSeedCounts:
    courses_created: int = 0
    modules_created: int = 0
    learners: int = 0
    completions: int = 0
    attempts: int = 0
    certificates: int = 0
    cpd_entries: int = 0
    self_assessed: int = 0
    self_ratings: int = 0
    plan_items: int = 0
    events: int = 0
    bookings: int = 0
    rows: int = 0
    heavy_pa_email: str = ""
    heavy_pa_completions: int = 0
    skipped: str = ""


# Content: courses to complete.


def practice_module_spec(number: int) -> ModuleSpec:
    """The synthetic module `number` (counted across every practice course)."""
    topic = Topic(PA_TOPICS[(number - 1) % len(PA_TOPICS)])
    body = (
        f"# About this practice module\n\n"
        f"This module was made by `manage.py seed` to fill a development database. "
        f"It is not real learning content.\n\n"
        f"# What it is about\n\n"
        f"Its topic is: {topic.label}.\n"
    )
    questions = tuple(
        QuestionSpec(
            text=f"Practice question {order}: which answer is marked right?",
            choices=(
                ChoiceSpec("This one", "Right: this answer is marked right.", correct=True),
                ChoiceSpec("Not this one", "Wrong: the first answer is the right one."),
                ChoiceSpec("Not this one either", "Wrong: the first answer is the right one."),
            ),
        )
        for order in (1, 2)
    )
    return ModuleSpec(
        slug=f"practice-module-{number}",
        title=f"Practice module {number}: {topic.label}",
        summary="A practice module made by the seed.",
        minutes=5 + (number - 1) % 11,
        body=body,
        questions=questions,
        topics=(topic.value,),
    )


def _live_module_count() -> int:
    return Module.objects.filter(
        course__published_at__isnull=False,
        retired_at__isnull=True,
        current_version__isnull=False,
    ).count()


def seed_content(*, minimum_modules: int) -> tuple[int, int]:
    """Add practice courses until at least `minimum_modules` modules are published.

    Returns how many courses and modules it made. Practice courses sort after every real one
    and are numbered on from any made before, so running it again adds only what is missing.
    """
    missing = minimum_modules - _live_module_count()
    if missing <= 0:
        return 0, 0
    number = Course.objects.filter(slug__startswith="seeded-practice-course-").count()
    module_number = Module.objects.filter(
        course__slug__startswith="seeded-practice-course-"
    ).count()
    courses = modules = 0
    while missing > 0:
        number += 1
        course = Course.objects.create(
            slug=PRACTICE_COURSE_SLUG.format(number=number),
            title=PRACTICE_COURSE_TITLE.format(number=number),
            summary=(
                "Practice content made by `manage.py seed` for development databases. "
                "It is not a real course."
            ),
            audience=Audience.PA,
            # Not the repository's: the content loader must never retire or rewrite it.
            source=Course.Source.PAGES,
            order=1000 + number,
        )
        # Published after its modules, so it stays at version 1 (see publish_module_version).
        for order in range(1, MODULES_PER_PRACTICE_COURSE + 1):
            module_number += 1
            publish_module_version(course, practice_module_spec(module_number), order=order)
        ModuleVersion.objects.filter(module__course=course).update(created_at=PRACTICE_PUBLISHED_AT)
        course.published_at = PRACTICE_PUBLISHED_AT
        course.save(update_fields=["published_at"])
        courses += 1
        modules += MODULES_PER_PRACTICE_COURSE
        missing -= MODULES_PER_PRACTICE_COURSE
    return courses, modules


def _quiz_questions(version_ids: list[int]) -> dict[int, list[QuizQuestion]]:
    choices: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for question_id, choice_id, correct in (
        Choice.objects.filter(question__module_version_id__in=version_ids)
        .order_by("question_id", "order", "pk")
        .values_list("question_id", "pk", "correct")
    ):
        choices[question_id][0 if correct else 1].append(choice_id)
    by_version: dict[int, list[QuizQuestion]] = defaultdict(list)
    for question_id, version_id in (
        Question.objects.filter(module_version_id__in=version_ids)
        .order_by("module_version_id", "order")
        .values_list("pk", "module_version_id")
    ):
        right, wrong = choices[question_id]
        by_version[version_id].append(QuizQuestion(question_id, tuple(right), tuple(wrong)))
    return by_version


def seed_courses() -> tuple[SeedCourse, ...]:
    """Every published course with its live modules' current versions, in course order."""
    modules = list(
        Module.objects.filter(
            course__published_at__isnull=False,
            retired_at__isnull=True,
            current_version__isnull=False,
        )
        .select_related("course", "current_version")
        .order_by("course__order", "course__title", "course_id", "order", "pk")
    )
    questions = _quiz_questions([module.current_version_id for module in modules])
    by_course: dict[int, list[SeedModule]] = {}
    versions: dict[int, int] = {}
    for module in modules:
        version = module.current_version
        versions[module.course_id] = module.course.version
        by_course.setdefault(module.course_id, []).append(
            SeedModule(
                module_id=module.pk,
                version_id=version.pk,
                title=version.title,
                minutes=version.minutes,
                topics=tuple(version.topics),
                pass_mark=version.pass_mark,
                questions=tuple(questions[version.pk]),
                available_at=max(version.created_at, module.course.published_at),
            )
        )
    return tuple(
        SeedCourse(pk=pk, version=versions[pk], modules=tuple(course_modules))
        for pk, course_modules in by_course.items()
    )


def main_course(courses: tuple[SeedCourse, ...]) -> SeedCourse:
    induction = Course.objects.filter(is_induction=True, published_at__isnull=False).first()
    for course in courses:
        if induction is not None and course.pk == induction.pk:
            return course
    return courses[0]


# Events from training providers.


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


def plan_event(
    rng: random.Random,
    *,
    provider: Organisation,
    districts: SeedDistricts,
    today: date,
) -> Event:
    topic, title = rng.choice(EVENT_KINDS)
    day = today + timedelta(days=rng.randint(-365, 180))
    online = rng.random() < 0.3
    hour, minute, length = rng.choice(((10, 0, 3), (13, 30, 2), (9, 30, 6.5), (18, 0, 2)))
    starts_at = timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))
    on_pa_hub = rng.random() < 0.6
    district = None if online else districts.outcodes[districts.pick(rng)]
    event = Event(
        organisation_id=provider.pk,
        title=title,
        description=(
            f"{title}. Listed by the seed ({provider.name}) for a development database: "
            "not a real event."
        ),
        topics=[topic.value],
        audience=Audience.PA if rng.random() < 0.8 else Audience.ANYONE,
        format=Event.Format.ONLINE if online else Event.Format.IN_PERSON,
        district_id=district,
        venue="" if online else f"Community training room, {district}",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=length),
        cost_pence=0 if rng.random() < 0.7 else rng.choice((2500, 4500, 6000, 9500)),
        accessibility=(
            "Step-free access, a hearing loop and an accessible toilet."
            if not online
            else "Live captions. The slides are sent a week before."
        ),
        capacity=rng.randint(8, 30) if on_pa_hub else None,
        booking_url="" if on_pa_hub else f"https://example.org/book/{rng.randrange(10**6)}",
        published_at=starts_at - timedelta(days=rng.randint(14, 60)),
        cancelled_at=None,
    )
    event.funding = FUNDING if event.cost_pence and rng.random() < 0.7 else ""
    if rng.random() < 0.03:
        event.cancelled_at = event.published_at + timedelta(days=7)
    return event


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


def plan_bookings(
    rng: random.Random, events: list[Event], pa_ids: list[int], *, now: datetime
) -> list[EventBooking]:
    bookings = []
    for event in events:
        if not event.capacity or event.cancelled_at is not None or not pa_ids:
            continue
        booked = rng.randint(event.capacity // 3, event.capacity)
        for user_id in rng.sample(pa_ids, min(booked, len(pa_ids))):
            window = max(1, int((min(event.starts_at, now) - event.published_at).total_seconds()))
            created_at = event.published_at + timedelta(seconds=rng.randrange(window))
            cancelled = rng.random() < 0.05
            bookings.append(
                EventBooking(
                    event_id=event.pk,
                    user_id=user_id,
                    created_at=created_at,
                    cancelled_at=created_at + timedelta(days=1) if cancelled else None,
                    reminded_at=(
                        event.starts_at - timedelta(days=1)
                        if not cancelled and event.starts_at <= now
                        else None
                    ),
                )
            )
    return bookings


# People: what each PA has done.


def moment(rng: random.Random, day: date) -> datetime:
    return timezone.make_aware(
        datetime(day.year, day.month, day.day, rng.randint(8, 21), rng.randrange(60))
    )


def day_between(rng: random.Random, earliest: date, latest: date) -> date:
    if latest <= earliest:
        return earliest
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def take_modules(
    rng: random.Random,
    modules: tuple[SeedModule, ...] | list[SeedModule],
    context: LearningSeedContext,
    *,
    joined: date,
    steps: list[Step],
    spread: bool = False,
) -> None:
    """Pass `modules` in order, from a day after both joining and publishing: a few days
    apart, or (`spread`) evenly over every day since then.

    Content published today (loaded by migrate, say) can only have been taken between its
    publication and now, so those moments are kept inside that window.
    """
    today, now = context.last_day, context.now
    available_at = max(module.available_at for module in modules)
    earliest = max(joined, timezone.localdate(available_at))
    day = earliest if spread else day_between(rng, earliest, today)
    days = (today - earliest).days
    for number, module in enumerate(modules):
        if spread:
            day = earliest + timedelta(days=days * number // len(modules))
        completed_at = min(max(moment(rng, day), available_at), now)
        steps.append(Step(module, completed_at, retried=rng.random() < SHARE_RETRIED))
        day = min(today, day + timedelta(days=rng.randint(0, 6)))


def certificate_for(learner: PlannedLearner, course: SeedCourse, rng: random.Random) -> None:
    done = {step.module.module_id: step for step in learner.steps}
    if all(module.module_id in done for module in course.modules):
        steps = [done[module.module_id] for module in course.modules]
        learner.certificates.append((course, steps, rng.random() < 0.8))


def plan_cpd(
    rng: random.Random, learner: PlannedLearner, *, joined: date, today: date, per_year: float
) -> None:
    count = max(1, round((today - joined).days / 365 * per_year))
    for _ in range(count):
        title, provider, hours, learned = rng.choice(CPD_LEARNING)
        learner.cpd.append(
            CPDEntry(
                user_id=learner.user_id,
                title=title,
                provider=provider,
                learned_on=day_between(rng, joined, today),
                hours=Decimal(hours),
                what_i_learned=learned,
            )
        )
    for step in learner.steps:
        step.logged_as_cpd = rng.random() < SHARE_LOGGED_MODULE


def plan_self_assessment(
    rng: random.Random,
    learner: PlannedLearner,
    context: LearningSeedContext,
    *,
    ratings: dict[str, str],
    modules_per_topic: int,
) -> None:
    """Ratings for every PA topic (and a few skills), then a plan for each gap."""
    for topic in PA_TOPICS:
        learner.ratings.append(
            SelfRating(user_id=learner.user_id, topic=topic, rating=ratings[topic])
        )
    skill_count = min(len(context.skill_ids), rng.randint(0, 4))
    for skill_id in rng.sample(context.skill_ids, skill_count):
        rating = rng.choices(*zip(*RATING_WEIGHTS, strict=True))[0]
        learner.ratings.append(
            SelfRating(user_id=learner.user_id, skill_id=skill_id, rating=rating)
        )
    done = {step.module.module_id: step.completed_at for step in learner.steps}
    planned: set[int] = set()
    order = 0
    for topic in PA_TOPICS:
        if ratings[topic] != SelfRating.Rating.WANT_TO_LEARN:
            continue
        # A module about two topics is one step, under the first.
        modules = [
            module
            for module in context.modules_by_topic.get(topic, ())
            if module.module_id not in planned
        ]
        for module in modules[:modules_per_topic]:
            planned.add(module.module_id)
            order += 1
            learner.plan.append(
                PlanItem(
                    user_id=learner.user_id,
                    order=order,
                    topic=topic,
                    module_id=module.module_id,
                    done_at=done.get(module.module_id),
                )
            )
        upcoming = context.upcoming_events_by_topic.get(topic, ())
        if upcoming and (modules_per_topic > 1 or rng.random() < SHARE_EVENT_STEP):
            order += 1
            learner.plan.append(
                PlanItem(
                    user_id=learner.user_id,
                    order=order,
                    topic=topic,
                    event_id=rng.choice(upcoming).pk,
                )
            )
    if modules_per_topic > 1 or rng.random() < SHARE_OWN_STEP:
        order += 1
        learner.plan.append(
            PlanItem(
                user_id=learner.user_id,
                order=order,
                title=rng.choice(OWN_STEPS),
                note="My own step.",
            )
        )


def plan_learner(rng: random.Random, context: LearningSeedContext, person: tuple) -> PlannedLearner:
    """One ordinary seeded PA's learning, drawn in a fixed order."""
    user_id, name, joined_at = person
    learner = PlannedLearner(user_id=user_id, name=name)
    joined = timezone.localdate(joined_at)
    course = context.main_course
    share = rng.random()
    if share < SHARE_WHOLE_COURSE:
        take_modules(rng, course.modules, context, joined=joined, steps=learner.steps)
        certificate_for(learner, course, rng)
        others = [other for other in context.courses if other.pk != course.pk]
        if others and rng.random() < SHARE_ANOTHER_COURSE:
            other = rng.choice(others)
            started = other.modules[: rng.randint(1, len(other.modules))]
            take_modules(rng, started, context, joined=joined, steps=learner.steps)
            certificate_for(learner, other, rng)
    elif share < SHARE_WHOLE_COURSE + SHARE_SOME_MODULES and len(course.modules) > 1:
        started = course.modules[: rng.randint(1, len(course.modules) - 1)]
        take_modules(rng, started, context, joined=joined, steps=learner.steps)
    if rng.random() < SHARE_CPD:
        plan_cpd(rng, learner, joined=joined, today=context.last_day, per_year=rng.uniform(2, 5))
    if rng.random() < SHARE_SELF_ASSESSED:
        ratings = {topic: rng.choices(*zip(*RATING_WEIGHTS, strict=True))[0] for topic in PA_TOPICS}
        plan_self_assessment(rng, learner, context, ratings=ratings, modules_per_topic=1)
    return learner


def plan_heavy_learner(
    rng: random.Random, context: LearningSeedContext, person: tuple
) -> PlannedLearner:
    """The benchmark's PA: exactly 200 modules passed, a long log and a long plan."""
    user_id, name, joined_at = person
    learner = PlannedLearner(user_id=user_id, name=name)
    joined = timezone.localdate(joined_at)
    modules = [module for course in context.courses for module in course.modules]
    take_modules(
        rng,
        modules[:HEAVY_PA_COMPLETIONS],
        context,
        joined=joined,
        steps=learner.steps,
        spread=True,
    )
    for course in context.courses:
        certificate_for(learner, course, rng)
    plan_cpd(rng, learner, joined=joined, today=context.last_day, per_year=6)
    # Some topics done, the rest to learn: a plan of about 30 steps.
    ratings = {
        topic: SelfRating.Rating.CAN_DO if number < 3 else SelfRating.Rating.WANT_TO_LEARN
        for number, topic in enumerate(PA_TOPICS)
    }
    plan_self_assessment(rng, learner, context, ratings=ratings, modules_per_topic=3)
    return learner


def certificate_code(rng: random.Random, used: set[str]) -> str:
    while True:
        code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
        if code not in used:
            used.add(code)
            return code


def quiz_attempt(
    rng: random.Random, learner: PlannedLearner, step: Step, *, passed: bool, at: datetime
) -> QuizAttempt:
    """Answers that add up: all right when passed, enough wrong to fail otherwise."""
    questions = step.module.questions
    total = len(questions)
    wrong = 0
    if not passed:
        # The fewest wrong answers that fall below the pass mark.
        while wrong < total and (total - wrong) * 100 >= step.module.pass_mark * total:
            wrong += 1
    wrong_questions = set(rng.sample(range(total), wrong))
    answers = {
        str(question.pk): list(
            question.wrong[:1] if index in wrong_questions and question.wrong else question.right
        )
        for index, question in enumerate(questions)
    }
    return QuizAttempt(
        user_id=learner.user_id,
        module_version_id=step.module.version_id,
        answers=answers,
        correct_count=total - wrong,
        question_count=total,
        passed=passed,
        created_at=at,
    )


def _insert_pairs(through, columns: tuple[str, str], pairs: list[tuple[int, int]]) -> int:
    """Many-to-many rows straight into their table, as the register's seed does."""
    if not pairs:
        return 0
    table = connection.ops.quote_name(through._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES (%s, %s)", pairs)  # noqa: S608
    return len(pairs)


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
    QuizAttempt.objects.bulk_create(attempts, batch_size=batch_size)

    completions = []
    for learner in learners:
        for step in learner.steps:
            step.completion = ModuleCompletion(
                user_id=learner.user_id,
                module_version_id=step.module.version_id,
                module_id=step.module.module_id,
                completed_at=step.completed_at,
            )
            completions.append(step.completion)
    for step, attempt in passing:
        step.completion.attempt_id = attempt.pk
    ModuleCompletion.objects.bulk_create(completions, batch_size=batch_size)

    certificates = []
    certificate_steps = []
    for learner in learners:
        for course, steps, shown in learner.certificates:
            certificates.append(
                Certificate(
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
    Certificate.objects.bulk_create(certificates, batch_size=batch_size)
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
                    CPDEntry(
                        user_id=learner.user_id,
                        title=step.module.title,
                        provider="PA Hub",
                        learned_on=timezone.localdate(step.completed_at),
                        hours=(Decimal(step.module.minutes) / 60).quantize(Decimal("0.01")),
                        what_i_learned=f"I passed the module “{step.module.title}” on PA Hub.",
                        module_completion_id=step.completion.pk,
                    )
                )
    CPDEntry.objects.bulk_create(cpd, batch_size=batch_size)
    ratings = [rating for learner in learners for rating in learner.ratings]
    SelfRating.objects.bulk_create(ratings, batch_size=batch_size)
    plan = [item for learner in learners for item in learner.plan]
    PlanItem.objects.bulk_create(plan, batch_size=batch_size)

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


def learning_seed_context(
    *, last_day: date, events: list[Event], now: datetime
) -> LearningSeedContext:
    courses = seed_courses()
    modules_by_topic: dict[str, list[SeedModule]] = defaultdict(list)
    for course in courses:
        for module in course.modules:
            for topic in module.topics:
                modules_by_topic[topic].append(module)
    upcoming: dict[str, list[SeedEvent]] = defaultdict(list)
    for event in events:
        if event.starts_at > now and event.cancelled_at is None:
            for topic in event.topics:
                upcoming[topic].append(SeedEvent(event.pk, tuple(event.topics), event.starts_at))
    return LearningSeedContext(
        last_day=last_day,
        now=now,
        courses=courses,
        main_course=main_course(courses),
        modules_by_topic={topic: tuple(found) for topic, found in modules_by_topic.items()},
        upcoming_events_by_topic={topic: tuple(found) for topic, found in upcoming.items()},
        skill_ids=tuple(
            Skill.objects.filter(is_active=True, is_specialist=False)
            .exclude(code__startswith="credential.")
            .order_by("code")
            .values_list("pk", flat=True)
        ),
    )


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
    people = list(
        seed_users(seed)
        .filter(roles__role=Role.PA)
        .order_by("pk")
        .values_list("pk", "full_name", "date_joined", "email")
    )
    total = LearningSeedCounts()
    if not people:
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
        count=max(4, len(people) // PAS_PER_EVENT),
        today=today,
        batch_size=batch_size,
    )
    total.events = len(events)
    context = learning_seed_context(last_day=today - timedelta(days=1), events=events, now=now)
    used_codes = set(Certificate.objects.values_list("code", flat=True))
    heavy = heavy_pa_email(seed)
    heavy_id = (
        next((pk for pk, _, _, email in people if email == heavy), None) if heavy_pa else None
    )
    for start in range(0, len(people), batch_size):
        learners = [
            (plan_heavy_learner if pk == heavy_id else plan_learner)(
                rng, context, (pk, name, joined)
            )
            for pk, name, joined, _ in people[start : start + batch_size]
        ]
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
            on_batch(min(start + batch_size, len(people)), len(people))
    bookings = plan_bookings(rng, events, [person[0] for person in people], now=now)
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
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in LEARNING_TABLES:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


def seed_extension(
    *, seed: int, batch_size: int, say: Callable[[str], None], heavy_pa: bool = False
) -> str:
    """The hook `manage.py seed` calls after the register's (see pahub/setup)."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        reset_queries()  # DEBUG keeps every query; a million inserts would pile up
        say(f"  learning: {done:,} / {total:,} PAs ({time.perf_counter() - started:.1f} s)")

    with transaction.atomic():
        counts = seed_learning(
            seed=seed, batch_size=batch_size, heavy_pa=heavy_pa, on_batch=progress
        )
    analyse_for_planner()
    return f"{describe(counts)} {time.perf_counter() - started:.1f} s."
