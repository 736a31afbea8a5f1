"""The one way a module's content changes: publish a version.

Both paths to a course call this: the loader reading the repository's Markdown files
(`manage.py load_courses`, and on migrate) and the authoring pages staff of training providers
use. A version is made only when the content differs from the current one (by its hash), so
loading the same files twice changes nothing, and nobody's completion or certificate is ever
rewritten: they point at the version they took.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pahub.learning.models import Choice, Course, Module, ModuleVersion, Question
from pahub.learning.topics import Topic

MIN_MINUTES, MAX_MINUTES = 5, 15


@dataclass(frozen=True)
class ChoiceSpec:
    text: str
    feedback: str
    correct: bool = False


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    choices: tuple[ChoiceSpec, ...]


@dataclass(frozen=True)
class ModuleSpec:
    slug: str
    title: str
    minutes: int
    body: str
    questions: tuple[QuestionSpec, ...]
    summary: str = ""
    pass_mark: int = 80
    topics: tuple[str, ...] = ()
    care_certificate: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)

    def content_hash(self) -> str:
        encoded = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()


class InvalidModule(ValueError):
    """The content breaks a rule; `problems` says each one in words an author can act on."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def module_problems(spec: ModuleSpec) -> list[str]:
    """Every rule a module's content must keep, checked before anything is saved."""
    problems = []
    if not spec.title.strip():
        problems.append("Give the module a title")
    if not MIN_MINUTES <= spec.minutes <= MAX_MINUTES:
        problems.append(f"A module takes {MIN_MINUTES} to {MAX_MINUTES} minutes")
    if not spec.body.lstrip().startswith("# "):
        problems.append("Start the module's text with a page heading, like '# About this module'")
    if not 1 <= spec.pass_mark <= 100:
        problems.append("The pass mark is a percentage from 1 to 100")
    unknown = [topic for topic in spec.topics if topic not in Topic.values]
    if unknown:
        problems.append(f"Unknown topics: {', '.join(unknown)}")
    if not spec.questions:
        problems.append("Add at least one quiz question")
    for number, question in enumerate(spec.questions, start=1):
        if not question.text.strip():
            problems.append(f"Question {number} has no text")
        if len(question.choices) < 2:
            problems.append(f"Question {number} needs at least two answers")
        if not any(choice.correct for choice in question.choices):
            problems.append(f"Question {number} needs at least one right answer")
        if any(not choice.feedback.strip() for choice in question.choices):
            problems.append(f"Every answer to question {number} needs feedback")
    return problems


def _save_questions(version: ModuleVersion, questions: tuple[QuestionSpec, ...]) -> None:
    for order, spec in enumerate(questions, start=1):
        question = Question.objects.create(module_version=version, order=order, text=spec.text)
        Choice.objects.bulk_create(
            Choice(
                question=question,
                order=choice_order,
                text=choice.text,
                correct=choice.correct,
                feedback=choice.feedback,
            )
            for choice_order, choice in enumerate(spec.choices, start=1)
        )


@transaction.atomic
def publish_module_version(course: Course, spec: ModuleSpec, *, order: int) -> ModuleVersion:
    """Make `spec` the module's current version, creating the module the first time.

    Returns the current version, which is the existing one when nothing changed. A new version
    of a published course bumps the course's version, so certificates issued after it name the
    new one (a course being drafted, or loaded the first time, stays at version 1).
    """
    problems = module_problems(spec)
    if problems:
        raise InvalidModule(problems)
    module, _ = Module.objects.select_for_update().get_or_create(
        course=course, slug=spec.slug, defaults={"order": order}
    )
    digest = spec.content_hash()
    current = module.current_version
    if current is not None and current.content_hash == digest:
        if module.order != order or module.retired_at is not None:
            module.order, module.retired_at = order, None
            module.save(update_fields=["order", "retired_at"])
        return current
    number = (current.number + 1) if current is not None else 1
    version = ModuleVersion.objects.create(
        module=module,
        number=number,
        title=spec.title,
        summary=spec.summary,
        minutes=spec.minutes,
        body=spec.body,
        pass_mark=spec.pass_mark,
        topics=list(spec.topics),
        care_certificate=list(spec.care_certificate),
        sources=list(spec.sources),
        content_hash=digest,
    )
    _save_questions(version, spec.questions)
    module.current_version, module.order, module.retired_at = version, order, None
    module.save(update_fields=["current_version", "order", "retired_at"])
    if course.is_published:
        bump_course_version(course)
    return version


def bump_course_version(course: Course) -> None:
    """A course's content changed (a module added, changed or retired)."""
    Course.objects.filter(pk=course.pk).update(version=F("version") + 1)
    course.refresh_from_db(fields=["version"])


@transaction.atomic
def retire_missing_modules(course: Course, keep_slugs: set[str]) -> int:
    """Take out of the course every module not in `keep_slugs` (their history stays)."""
    retired = (
        Module.objects.filter(course=course, retired_at__isnull=True)
        .exclude(slug__in=keep_slugs)
        .update(retired_at=timezone.now())
    )
    if retired:
        bump_course_version(course)
    return retired
