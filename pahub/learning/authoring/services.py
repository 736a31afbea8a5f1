"""Writing and publishing courses through pages: one function per action.

A module is written as a `ModuleDraft`; publishing turns the draft into a `ModuleSpec` and
hands it to `versioning.publish_module_version`, the one service that makes module versions
(the repository loader uses it too). So a draft published twice without a change makes no
new version, and a change makes the next version while everyone's completions stay tied to
the version they took.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from pahub.accounts.models import Organisation, User
from pahub.core import audit
from pahub.learning.models import Course, Module, ModuleDraft, ModuleVersion
from pahub.learning.topics import Topic
from pahub.learning.versioning import (
    ChoiceSpec,
    ModuleSpec,
    QuestionSpec,
    bump_course_version,
    publish_module_version,
    retire_missing_modules,
)

MAX_ANSWERS = 6


class AuthoringError(ValueError):
    """An action the course's state does not allow, said in words an author can act on."""


# Reading a draft ------------------------------------------------------------------------


def draft_spec(draft: ModuleDraft) -> ModuleSpec:
    """The draft as the content `publish_module_version` takes. Topics and standards are put
    in a fixed order, so ticking the same boxes always gives the same content hash."""
    topic_order = {key: index for index, key in enumerate(Topic.values)}
    return ModuleSpec(
        slug=draft.slug,
        title=draft.title.strip(),
        summary=draft.summary.strip(),
        minutes=draft.minutes,
        body=draft.body.strip() + "\n",
        pass_mark=draft.pass_mark,
        topics=tuple(sorted(draft.topics, key=lambda key: topic_order.get(key, len(topic_order)))),
        care_certificate=tuple(sorted(draft.care_certificate, key=int)),
        questions=tuple(
            QuestionSpec(
                text=question["text"],
                choices=tuple(
                    ChoiceSpec(
                        text=choice["text"],
                        feedback=choice["feedback"],
                        correct=bool(choice["correct"]),
                    )
                    for choice in question["choices"]
                ),
            )
            for question in draft.questions
        ),
    )


@dataclass(frozen=True)
class Page:
    title: str
    body: str


def split_pages(body: str) -> list[Page]:
    """A module's text as its pages: each page starts at a line `# Heading`. Text before the
    first heading (which publishing refuses) is shown as a page with no title."""
    pages: list[Page] = []
    title, lines = "", []
    in_code = False
    for line in body.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith("# "):
            if title or "".join(lines).strip():
                pages.append(Page(title, "\n".join(lines)))
            title, lines = line[2:].strip(), [line]
        else:
            lines.append(line)
    if title or "".join(lines).strip():
        pages.append(Page(title, "\n".join(lines)))
    return pages


def unique_slug(text: str, taken: set[str], *, limit: int = 80) -> str:
    base = slugify(text)[: limit - 4].strip("-") or "untitled"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


# Courses --------------------------------------------------------------------------------


@transaction.atomic
def course_create(
    *,
    by: User,
    provider: Organisation | None,
    title: str,
    summary: str,
    audience: str,
) -> Course:
    """A new course, unpublished, published through pages for `provider` (None: PA Hub)."""
    taken = set(
        Course.objects.filter(slug__startswith=slugify(title)[:76]).values_list("slug", flat=True)
    )
    course = Course.objects.create(
        slug=unique_slug(title, taken),
        title=title.strip(),
        summary=summary.strip(),
        audience=audience,
        source=Course.Source.PAGES,
        provider=provider,
    )
    audit.record(by, "learning.course_created", course)
    return course


def live_modules(course: Course):
    """The modules learners see: published at least once and not retired."""
    return Module.objects.filter(
        course=course, retired_at__isnull=True, current_version__isnull=False
    )


@transaction.atomic
def course_publish(*, course: Course, by: User) -> Course:
    """Open the course to learners. It needs a published module to open with."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    if course.is_published:
        raise AuthoringError("This course is already published.")
    if not live_modules(course).exists():
        raise AuthoringError("Publish at least one module before you publish the course.")
    course.published_at = timezone.now()
    course.save(update_fields=["published_at", "updated_at"])
    audit.record(by, "learning.course_published", course, version=course.version)
    return course


# Module drafts --------------------------------------------------------------------------


@transaction.atomic
def draft_create(
    *,
    course: Course,
    by: User,
    title: str,
    summary: str,
    minutes: int,
    body: str,
    pass_mark: int,
    topics: list[str],
    care_certificate: list[str],
) -> ModuleDraft:
    """A new module, written but not yet published; it goes at the end of the course."""
    # Lock the course, so two authors adding a module at once get different places and slugs.
    Course.objects.select_for_update().filter(pk=course.pk).first()
    taken = set(ModuleDraft.objects.filter(course=course).values_list("slug", flat=True))
    taken |= set(Module.objects.filter(course=course).values_list("slug", flat=True))
    last = ModuleDraft.objects.filter(course=course).aggregate(last=Max("order"))["last"]
    last_module = Module.objects.filter(course=course).aggregate(last=Max("order"))["last"]
    draft = ModuleDraft.objects.create(
        course=course,
        slug=unique_slug(title, taken),
        order=max(last or 0, last_module or 0) + 1,
        title=title.strip(),
        summary=summary.strip(),
        minutes=minutes,
        body=body,
        pass_mark=pass_mark,
        topics=list(topics),
        care_certificate=list(care_certificate),
        updated_by=by,
    )
    audit.record(by, "learning.module_draft_created", draft)
    return draft


DRAFT_FIELDS = ("title", "summary", "minutes", "body", "pass_mark", "topics", "care_certificate")


@transaction.atomic
def draft_update(*, draft: ModuleDraft, by: User, **changes) -> ModuleDraft:
    """Change the draft's text and settings. Learners see nothing until it is published."""
    unknown = set(changes) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"Not a draft's field: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(draft, name, value.strip() if name in ("title", "summary") else value)
    draft.updated_by = by
    draft.save(update_fields=[*changes, "updated_by", "updated_at"])
    return draft


def _locked(draft: ModuleDraft) -> ModuleDraft:
    """The draft's row, locked, so two authors editing questions at once do not lose one's
    change: the questions are one JSON list, read and written whole."""
    fresh = ModuleDraft.objects.select_for_update().get(pk=draft.pk)
    fresh.course = draft.course
    return fresh


def _save_questions(draft: ModuleDraft, questions: list[dict], by: User) -> ModuleDraft:
    draft.questions = questions
    draft.updated_by = by
    draft.save(update_fields=["questions", "updated_by", "updated_at"])
    return draft


def question_shape(text: str, choices: list[dict]) -> dict:
    return {
        "text": text.strip(),
        "choices": [
            {
                "text": choice["text"].strip(),
                "correct": bool(choice["correct"]),
                "feedback": choice["feedback"].strip(),
            }
            for choice in choices
        ],
    }


def _check_number(draft: ModuleDraft, number: int) -> None:
    if not 1 <= number <= len(draft.questions):
        raise AuthoringError(f"There is no question {number}.")


@transaction.atomic
def question_add(*, draft: ModuleDraft, by: User, text: str, choices: list[dict]) -> int:
    """Add a question at the end of the quiz; returns its number."""
    draft = _locked(draft)
    _save_questions(draft, [*draft.questions, question_shape(text, choices)], by)
    return len(draft.questions)


@transaction.atomic
def question_update(
    *, draft: ModuleDraft, by: User, number: int, text: str, choices: list[dict]
) -> ModuleDraft:
    draft = _locked(draft)
    _check_number(draft, number)
    questions = list(draft.questions)
    questions[number - 1] = question_shape(text, choices)
    return _save_questions(draft, questions, by)


@transaction.atomic
def question_delete(*, draft: ModuleDraft, by: User, number: int) -> ModuleDraft:
    draft = _locked(draft)
    _check_number(draft, number)
    questions = list(draft.questions)
    del questions[number - 1]
    return _save_questions(draft, questions, by)


@transaction.atomic
def question_move(*, draft: ModuleDraft, by: User, number: int, direction: str) -> int:
    """Swap a question with the one above ("up") or below ("down"); returns its new number.
    Moving the first up or the last down leaves the quiz as it was."""
    draft = _locked(draft)
    _check_number(draft, number)
    target = number - 1 if direction == "up" else number + 1
    if not 1 <= target <= len(draft.questions):
        return number
    questions = list(draft.questions)
    questions[number - 1], questions[target - 1] = questions[target - 1], questions[number - 1]
    _save_questions(draft, questions, by)
    return target


# Publishing a module --------------------------------------------------------------------


def published_module(draft: ModuleDraft) -> Module | None:
    return (
        Module.objects.select_related("current_version")
        .filter(course_id=draft.course_id, slug=draft.slug)
        .first()
    )


def draft_has_changes(draft: ModuleDraft, module: Module | None) -> bool:
    """True when publishing the draft would make a new version."""
    if module is None or module.current_version is None:
        return True
    return module.current_version.content_hash != draft_spec(draft).content_hash()


@dataclass(frozen=True)
class Published:
    version: ModuleVersion
    is_new: bool


@transaction.atomic
def draft_publish(*, draft: ModuleDraft, by: User) -> Published:
    """Publish the draft as the module's next version (or bring a retired module back).

    Raises `InvalidModule` with every problem when the content breaks a rule; nothing is saved
    then. Publishing an unchanged draft makes no new version and records nothing.
    """
    course = Course.objects.select_for_update().get(pk=draft.course_id)
    spec = draft_spec(draft)
    before = published_module(draft)
    was_retired = before is not None and before.retired_at is not None
    changed = draft_has_changes(draft, before)
    version = publish_module_version(course, spec, order=draft.order)
    if not changed and was_retired and course.is_published:
        # A module back in a published course changes the course, as retiring it did.
        bump_course_version(course)
    if changed or was_retired:
        audit.record(
            by,
            "learning.module_published",
            version.module,
            version=version.number,
            course_version=course.version,
        )
    return Published(version=version, is_new=changed)


@transaction.atomic
def module_retire(*, draft: ModuleDraft, by: User) -> Module:
    """Take a published module out of the course. Its versions, and everyone's completions
    of them, stay; publishing the draft again brings it back."""
    course = Course.objects.select_for_update().get(pk=draft.course_id)
    module = published_module(draft)
    if module is None or module.retired_at is not None:
        raise AuthoringError("Only a published module can be retired.")
    keep = set(live_modules(course).exclude(pk=module.pk).values_list("slug", flat=True))
    if course.is_published and not keep:
        raise AuthoringError(
            "A published course needs at least one module. Publish another module first."
        )
    retire_missing_modules(course, keep)
    module.refresh_from_db(fields=["retired_at"])
    audit.record(by, "learning.module_retired", module, course_version=course.version)
    return module
