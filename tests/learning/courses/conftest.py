"""A small course for the tests: `first-steps` (the induction, for PAs) with two modules,
`welcome` (two one-answer questions, pass mark 50%) and `safety` (one "select all that apply"
question, pass mark 80%), loaded from tests/learning/fixtures/courses/."""

import shutil
from pathlib import Path

import pytest

from pahub.learning.courses.loading import courses_load
from pahub.learning.courses.services import quiz_submit
from pahub.learning.models import Course, ModuleVersion

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "courses"


@pytest.fixture
def content_dir(tmp_path) -> Path:
    """A copy of the fixture courses that a test may change."""
    target = tmp_path / "courses"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def course(db, content_dir) -> Course:
    # The repository's own induction course may be loaded on migrate; only one course can be
    # the induction, and here it is the fixture's.
    Course.objects.filter(is_induction=True).update(is_induction=False)
    [result] = [r for r in courses_load(content_dir) if r.course.slug == "first-steps"]
    return result.course


def current(course: Course, slug: str) -> ModuleVersion:
    return course.modules.get(slug=slug).current_version


def right_answers(version: ModuleVersion) -> dict[int, list[int]]:
    return {
        question.pk: [choice.pk for choice in question.choices.all() if choice.correct]
        for question in version.questions.prefetch_related("choices")
    }


def wrong_answers(version: ModuleVersion) -> dict[int, list[int]]:
    return {
        question.pk: [next(c.pk for c in question.choices.all() if not c.correct)]
        for question in version.questions.prefetch_related("choices")
    }


def pass_module(user, course: Course, slug: str):
    version = current(course, slug)
    return quiz_submit(user=user, module_version=version, answers=right_answers(version))


def complete_course(user, course: Course):
    outcome = None
    for module in course.modules.filter(retired_at__isnull=True):
        outcome = pass_module(user, course, module.slug)
    return outcome
