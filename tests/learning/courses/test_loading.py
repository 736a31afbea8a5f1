"""Loading courses from the repository's Markdown files: idempotent, versioned, and clear
about what is wrong with a bad file."""

import pytest
from django.core.management import CommandError, call_command

from pahub.learning.courses.loading import CourseContentError, courses_load
from pahub.learning.models import Course, Module, ModuleVersion, Question
from tests.learning.courses.conftest import current


def test_loading_creates_a_published_course_with_its_modules_in_order(course):
    assert course.is_published
    assert course.is_induction
    assert course.audience == "pa"
    assert course.version == 1
    assert "fixture" in course.introduction
    assert list(course.modules.values_list("slug", "order")) == [("welcome", 1), ("safety", 2)]
    welcome = current(course, "welcome")
    assert (welcome.number, welcome.minutes, welcome.pass_mark) == (1, 5, 50)
    assert welcome.care_certificate == ["1"]
    assert welcome.topics == ["being_a_pa"]
    assert welcome.questions.count() == 2
    assert current(course, "safety").pass_mark == 80  # the default


def test_loading_the_same_files_twice_changes_nothing(course, content_dir):
    before = (ModuleVersion.objects.count(), Question.objects.count())

    [result] = [r for r in courses_load(content_dir) if r.course.slug == "first-steps"]

    assert result.new_versions == 0
    assert result.retired == 0
    assert (ModuleVersion.objects.count(), Question.objects.count()) == before
    course.refresh_from_db()
    assert course.version == 1


def test_a_changed_file_makes_version_2_and_keeps_version_1(course, content_dir):
    path = content_dir / "first-steps" / "01-welcome.md"
    path.write_text(path.read_text().replace("supports one person", "supports one adult"))

    courses_load(content_dir)

    module = Module.objects.get(course=course, slug="welcome")
    assert list(module.versions.values_list("number", flat=True)) == [2, 1]
    assert "one adult" in module.current_version.body
    course.refresh_from_db()
    assert course.version == 2


def test_a_removed_module_is_retired_and_keeps_its_versions(course, content_dir):
    (content_dir / "first-steps" / "02-safety.md").unlink()

    courses_load(content_dir)

    safety = Module.objects.get(course=course, slug="safety")
    assert safety.retired_at is not None
    assert safety.versions.count() == 1
    course.refresh_from_db()
    assert course.version == 2


def test_a_course_change_in_course_md_updates_the_course(course, content_dir):
    path = content_dir / "first-steps" / "course.md"
    path.write_text(path.read_text().replace("First steps as a PA", "Your first steps"))

    courses_load(content_dir)

    course.refresh_from_db()
    assert course.title == "Your first steps"
    assert course.version == 1  # the modules did not change


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        ("01-welcome.md", "minutes: 5", "minutes: 30", "5 to 15 minutes"),
        ("01-welcome.md", "slug: welcome", "slug: hello", "must match the file name"),
        ("01-welcome.md", "topics: [being_a_pa]", "topics: [knitting]", "Unknown topics"),
        ("01-welcome.md", "minutes: 5", "minutes: five", "'minutes' must be a whole number"),
        ("01-welcome.md", "        correct: true\n", "", "needs at least one right answer"),
        ("01-welcome.md", "# What a PA does", "What a PA does", "page heading"),
        ("01-welcome.md", "summary: What", "colour: blue\nsummary: What", "unknown keys"),
        ("02-safety.md", "questions:", "questions: [\n", "not valid YAML"),
        ("course.md", "audience: pa", "audience: everyone", "'audience' is one of"),
    ],
)
def test_bad_content_is_refused_naming_the_file_and_the_problem(
    db, content_dir, file, old, new, problem
):
    path = content_dir / "first-steps" / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))

    with pytest.raises(CourseContentError) as error:
        courses_load(content_dir)

    assert file in str(error.value)
    assert problem in str(error.value)
    assert not Course.objects.filter(slug="first-steps").exists()


def test_a_file_without_front_matter_is_refused(db, content_dir):
    (content_dir / "first-steps" / "03-extra.md").write_text("# Just text\n")

    with pytest.raises(CourseContentError, match=r"03-extra\.md: start the file with front matter"):
        courses_load(content_dir)


def test_the_command_loads_the_courses_and_reports_bad_content(db, content_dir, capsys):
    Course.objects.filter(is_induction=True).update(is_induction=False)
    call_command("load_courses", dir=content_dir)
    assert Course.objects.filter(slug="first-steps", published_at__isnull=False).exists()

    (content_dir / "first-steps" / "01-welcome.md").write_text("---\nslug: [\n---\n")
    with pytest.raises(CommandError, match=r"01-welcome\.md"):
        call_command("load_courses", dir=content_dir)


def test_a_second_induction_course_is_refused(course, content_dir):
    other = content_dir / "second"
    other.mkdir()
    (other / "course.md").write_text(
        (content_dir / "first-steps" / "course.md").read_text().replace("first-steps", "second")
    )
    (other / "01-welcome.md").write_text(
        (content_dir / "first-steps" / "01-welcome.md").read_text()
    )

    with pytest.raises(CourseContentError, match="only one course can be"):
        courses_load(content_dir)
