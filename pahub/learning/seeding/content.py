"""Seeded content: the practice courses added when too few modules are published, and the
published courses, modules and quiz questions seeded learners take, read once into the
planning context."""

from collections import defaultdict
from datetime import date, datetime

from pahub.learning.models import Audience, Choice, Course, Event, Module, ModuleVersion, Question
from pahub.learning.seeding.context import (
    MODULES_PER_PRACTICE_COURSE,
    PA_TOPICS,
    PRACTICE_COURSE_SLUG,
    PRACTICE_COURSE_TITLE,
    PRACTICE_PUBLISHED_AT,
    LearningSeedContext,
    QuizQuestion,
    SeedCourse,
    SeedEvent,
    SeedModule,
)
from pahub.learning.topics import Topic
from pahub.learning.versioning import ChoiceSpec, ModuleSpec, QuestionSpec, publish_module_version
from pahub.taxonomy.models import Skill

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
