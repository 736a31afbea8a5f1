"""Planning each seeded PA's learning, in memory and drawn from the seed's one
``random.Random`` stream in a fixed order: events and their bookings, module completions
and quiz attempts, certificates, CPD entries, the self-assessment and the plan steps. The
rows are inserted by `pahub.learning.seeding.load`."""

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from django.utils import timezone

from pahub.accounts.models import Organisation
from pahub.accounts.seeding import SeedDistricts, WeightedPick
from pahub.core.bulk_load import build
from pahub.learning.courses.services import CODE_ALPHABET, CODE_LENGTH
from pahub.learning.models import (
    Audience,
    CPDEntry,
    Event,
    EventBooking,
    PlanItem,
    QuizAttempt,
    SelfRating,
)
from pahub.learning.seeding.context import (
    CPD_LEARNING,
    EVENT_KINDS,
    FUNDING,
    HEAVY_PA_COMPLETIONS,
    OWN_STEPS,
    PA_TOPICS,
    RATING_WEIGHTS,
    SHARE_ANOTHER_COURSE,
    SHARE_CPD,
    SHARE_EVENT_STEP,
    SHARE_LOGGED_MODULE,
    SHARE_OWN_STEP,
    SHARE_RETRIED,
    SHARE_SELF_ASSESSED,
    SHARE_SOME_MODULES,
    SHARE_WHOLE_COURSE,
    LearningSeedContext,
    PlannedLearner,
    SeedCourse,
    SeedModule,
    Step,
)

# Events from training providers.


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


def plan_bookings(
    rng: random.Random, events: list[Event], pa_ids: Sequence[int], *, now: datetime
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
                build(
                    EventBooking,
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


def moment(rng: random.Random, day: date, zone: tzinfo | None = None) -> datetime:
    return timezone.make_aware(
        datetime(day.year, day.month, day.day, rng.randint(8, 21), rng.randrange(60)), zone
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
    earliest = max(joined, timezone.localdate(available_at, context.zone))
    day = earliest if spread else day_between(rng, earliest, today)
    days = (today - earliest).days
    for number, module in enumerate(modules):
        if spread:
            day = earliest + timedelta(days=days * number // len(modules))
        completed_at = min(max(moment(rng, day, context.zone), available_at), now)
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
            build(
                CPDEntry,
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


_RATING = WeightedPick(*zip(*RATING_WEIGHTS, strict=True))


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
            build(SelfRating, user_id=learner.user_id, topic=topic, rating=ratings[topic])
        )
    skill_count = min(len(context.skill_ids), rng.randint(0, 4))
    for skill_id in rng.sample(context.skill_ids, skill_count):
        rating = _RATING(rng)
        learner.ratings.append(
            build(SelfRating, user_id=learner.user_id, skill_id=skill_id, rating=rating)
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
                build(
                    PlanItem,
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
                build(
                    PlanItem,
                    user_id=learner.user_id,
                    order=order,
                    topic=topic,
                    event_id=rng.choice(upcoming).pk,
                )
            )
    if modules_per_topic > 1 or rng.random() < SHARE_OWN_STEP:
        order += 1
        learner.plan.append(
            build(
                PlanItem,
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
    joined = timezone.localdate(joined_at, context.zone)
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
        ratings = {topic: _RATING(rng) for topic in PA_TOPICS}
        plan_self_assessment(rng, learner, context, ratings=ratings, modules_per_topic=1)
    return learner


def plan_heavy_learner(
    rng: random.Random, context: LearningSeedContext, person: tuple
) -> PlannedLearner:
    """The benchmark's PA: exactly 200 modules passed, a long log and a long plan."""
    user_id, name, joined_at = person
    learner = PlannedLearner(user_id=user_id, name=name)
    joined = timezone.localdate(joined_at, context.zone)
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
    if passed:
        # Every question right (drawing none of them wrong takes nothing from the stream).
        answers = step.module.answers_all_right
    else:
        # The fewest wrong answers that fall below the pass mark.
        while wrong < total and (total - wrong) * 100 >= step.module.pass_mark * total:
            wrong += 1
        wrong_questions = set(rng.sample(range(total), wrong))
        answers = {
            str(question.pk): list(
                question.wrong[:1]
                if index in wrong_questions and question.wrong
                else question.right
            )
            for index, question in enumerate(questions)
        }
    return build(
        QuizAttempt,
        user_id=learner.user_id,
        module_version_id=step.module.version_id,
        answers=answers,
        correct_count=total - wrong,
        question_count=total,
        passed=passed,
        created_at=at,
    )
