"""Courses kept in the repository, loaded into the database (`manage.py load_courses`, and
after every `migrate`).

Each course is a folder under `pahub/learning/content/courses/<course-slug>/`:

- `course.md`: YAML front matter (`slug`, `title`, `audience` pa|employer|anyone, `order`,
  `summary`, `induction` optional) and an optional Markdown introduction;
- `NN-<module-slug>.md`, one a module, in the order of NN: front matter (`slug`, `title`,
  `summary`, `minutes`, `pass_mark`, `topics`, `care_certificate`, `sources`, `questions`)
  and the Markdown pages, each starting with `# Page title`.

Loading is idempotent: a module gets a new version only when its content hash changes
(`versioning.publish_module_version`), and a module whose file has gone is retired, keeping
everyone's completions. Everything is checked before anything is saved; a problem is reported
with the file it is in, and the whole course is left as it was.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from pahub.learning.models import Audience, Course
from pahub.learning.versioning import (
    ChoiceSpec,
    ModuleSpec,
    QuestionSpec,
    module_problems,
    publish_module_version,
    retire_missing_modules,
)

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content" / "courses"
COURSE_FILE = "course.md"
MODULE_FILE = re.compile(r"^(\d{2})-([a-z0-9-]+)\.md$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)
COURSE_KEYS = {"slug", "title", "audience", "order", "summary", "induction"}
MODULE_KEYS = {
    "slug", "title", "summary", "minutes", "pass_mark", "topics", "care_certificate", "sources",
    "questions",
}  # fmt: skip


class CourseContentError(ValueError):
    """A content file breaks a rule; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class CourseSpec:
    slug: str
    title: str
    audience: str
    order: int
    summary: str
    induction: bool
    introduction: str
    modules: tuple[tuple[int, ModuleSpec], ...]


@dataclass
class LoadResult:
    course: Course
    created: bool
    new_versions: int
    retired: int


def read_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise CourseContentError(path, "start the file with front matter between two '---' lines")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise CourseContentError(path, f"the front matter is not valid YAML ({error})") from None
    if not isinstance(meta, dict):
        raise CourseContentError(path, "the front matter must be 'key: value' lines")
    return meta, match.group(2).strip()


def _text(path: Path, meta: dict, key: str, *, required: bool = True) -> str:
    value = meta.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise CourseContentError(path, f"'{key}' must be text")
    if required and not value.strip():
        raise CourseContentError(path, f"give '{key}'")
    return value.strip()


def _number(path: Path, meta: dict, key: str, default: int | None = None) -> int:
    value = meta.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CourseContentError(path, f"'{key}' must be a whole number")
    return value


def _strings(path: Path, meta: dict, key: str) -> tuple[str, ...]:
    value = meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
        raise CourseContentError(path, f"'{key}' must be a list of text")
    return tuple(str(item) for item in value)


def _unknown_keys(path: Path, meta: dict, allowed: set[str]) -> None:
    unknown = sorted(set(meta) - allowed)
    if unknown:
        raise CourseContentError(path, f"unknown keys in the front matter: {', '.join(unknown)}")


def _questions(path: Path, raw: Any) -> tuple[QuestionSpec, ...]:
    if not isinstance(raw, list):
        raise CourseContentError(path, "'questions' must be a list")
    questions = []
    for number, question in enumerate(raw, start=1):
        where = f"question {number}"
        if not isinstance(question, dict) or set(question) - {"text", "choices"}:
            raise CourseContentError(path, f"{where} must have only 'text' and 'choices'")
        choices = question.get("choices")
        if not isinstance(choices, list):
            raise CourseContentError(path, f"{where} needs a list of 'choices'")
        specs = []
        for letter, choice in enumerate(choices, start=1):
            if not isinstance(choice, dict) or set(choice) - {"text", "correct", "feedback"}:
                raise CourseContentError(
                    path, f"answer {letter} of {where} must have only 'text', 'correct', 'feedback'"
                )
            if not isinstance(choice.get("correct", False), bool):
                raise CourseContentError(
                    path, f"'correct' of answer {letter} of {where} must be true or false"
                )
            text, feedback = choice.get("text"), choice.get("feedback", "")
            if not isinstance(text, str) or not text.strip():
                raise CourseContentError(path, f"answer {letter} of {where} has no text")
            if not isinstance(feedback, str):
                raise CourseContentError(path, f"the feedback of answer {letter} of {where}")
            specs.append(
                ChoiceSpec(
                    text=text.strip(),
                    feedback=feedback.strip(),
                    correct=choice.get("correct", False),
                )
            )
        text = question.get("text")
        questions.append(
            QuestionSpec(text=text.strip() if isinstance(text, str) else "", choices=tuple(specs))
        )
    return tuple(questions)


def read_module(path: Path) -> tuple[int, ModuleSpec]:
    match = MODULE_FILE.match(path.name)
    if match is None:
        raise CourseContentError(path, "name module files 'NN-module-slug.md', like 01-welcome.md")
    meta, body = read_front_matter(path)
    _unknown_keys(path, meta, MODULE_KEYS)
    slug = _text(path, meta, "slug")
    if slug != match.group(2):
        raise CourseContentError(path, f"the slug '{slug}' must match the file name")
    spec = ModuleSpec(
        slug=slug,
        title=_text(path, meta, "title"),
        summary=_text(path, meta, "summary", required=False),
        minutes=_number(path, meta, "minutes"),
        body=body,
        questions=_questions(path, meta.get("questions")),
        pass_mark=_number(path, meta, "pass_mark", 80),
        topics=_strings(path, meta, "topics"),
        care_certificate=_strings(path, meta, "care_certificate"),
        sources=_strings(path, meta, "sources"),
    )
    problems = module_problems(spec)
    if problems:
        raise CourseContentError(path, "; ".join(problems))
    return int(match.group(1)), spec


def read_course(directory: Path) -> CourseSpec:
    """Everything in one course's folder, checked, without touching the database."""
    path = directory / COURSE_FILE
    if not path.is_file():
        raise CourseContentError(path, "every course folder needs a course.md")
    meta, introduction = read_front_matter(path)
    _unknown_keys(path, meta, COURSE_KEYS)
    slug = _text(path, meta, "slug")
    if not SLUG.match(slug):
        raise CourseContentError(path, "the slug is lower-case letters, digits and hyphens")
    audience = _text(path, meta, "audience")
    if audience not in Audience.values:
        raise CourseContentError(path, f"'audience' is one of {', '.join(Audience.values)}")
    induction = meta.get("induction", False)
    if not isinstance(induction, bool):
        raise CourseContentError(path, "'induction' must be true or false")
    module_paths = sorted(p for p in directory.glob("*.md") if p.name != COURSE_FILE)
    if not module_paths:
        raise CourseContentError(directory, "a course needs at least one module file")
    modules = [read_module(module_path) for module_path in module_paths]
    seen: set[int] = set()
    for module_path, (order, _) in zip(module_paths, modules, strict=True):
        if order in seen:
            raise CourseContentError(module_path, f"two modules are number {order:02d}")
        seen.add(order)
    return CourseSpec(
        slug=slug,
        title=_text(path, meta, "title"),
        audience=audience,
        order=_number(path, meta, "order", 0),
        summary=_text(path, meta, "summary"),
        induction=induction,
        introduction=introduction,
        modules=tuple(modules),
    )


@transaction.atomic
def course_load(spec: CourseSpec, *, source: Path | None = None) -> LoadResult:
    """Make the database match one course's content. A course is published the first time it
    is loaded; its version goes up whenever a module is added, changed or retired."""
    if spec.induction:
        other = Course.objects.filter(is_induction=True).exclude(slug=spec.slug).first()
        if other is not None:
            raise CourseContentError(
                source or Path(spec.slug),
                f"only one course can be the induction, and '{other.slug}' already is",
            )
    course = Course.objects.select_for_update().filter(slug=spec.slug).first()
    created = course is None
    fields = {
        "title": spec.title,
        "summary": spec.summary,
        "introduction": spec.introduction,
        "audience": spec.audience,
        "order": spec.order,
        "is_induction": spec.induction,
    }
    if course is None:
        course = Course.objects.create(slug=spec.slug, source=Course.Source.REPOSITORY, **fields)
    else:
        if course.source != Course.Source.REPOSITORY:
            raise CourseContentError(
                source or Path(spec.slug),
                f"a course published through PA Hub's pages already has slug '{spec.slug}'",
            )
        changed = [name for name, value in fields.items() if getattr(course, name) != value]
        for name in changed:
            setattr(course, name, fields[name])
        if changed:
            course.save(update_fields=[*changed, "updated_at"])
    new_versions = 0
    for order, module_spec in spec.modules:
        module = course.modules.filter(slug=module_spec.slug).first()
        before = module.current_version_id if module else None
        version = publish_module_version(course, module_spec, order=order)
        new_versions += version.pk != before
    retired = retire_missing_modules(course, {module.slug for _, module in spec.modules})
    if course.published_at is None:
        course.published_at = timezone.now()
        course.save(update_fields=["published_at", "updated_at"])
    return LoadResult(course=course, created=created, new_versions=new_versions, retired=retired)


def course_folders(content_dir: Path = CONTENT_DIR) -> list[Path]:
    if not content_dir.is_dir():
        return []
    return sorted(path for path in content_dir.iterdir() if path.is_dir())


def courses_load(content_dir: Path = CONTENT_DIR) -> list[LoadResult]:
    """Load every course folder. All files are read and checked first, so one bad file stops
    the load before any course changes."""
    specs = [(folder, read_course(folder)) for folder in course_folders(content_dir)]
    slugs = [spec.slug for _, spec in specs]
    for folder, spec in specs:
        if slugs.count(spec.slug) > 1:
            raise CourseContentError(folder / COURSE_FILE, f"two courses have slug '{spec.slug}'")
    inductions = [folder for folder, spec in specs if spec.induction]
    if len(inductions) > 1:
        raise CourseContentError(inductions[1] / COURSE_FILE, "only one course can be induction")
    with transaction.atomic():
        return [course_load(spec, source=folder / COURSE_FILE) for folder, spec in specs]
