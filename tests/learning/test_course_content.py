"""PA Hub's own courses, read straight from the repository's Markdown files.

These tests use PyYAML and Django's URL resolver (no database), not the loader, so a broken
course file, or a link to a page that does not exist, is caught here even before the loader
exists or when it changes.
"""

import re
from pathlib import Path

import pytest
import yaml
from django.urls import Resolver404, resolve

from pahub.learning.topics import Topic

COURSES_DIR = Path(__file__).resolve().parents[2] / "pahub" / "learning" / "content" / "courses"
COURSE_FIELDS = {"slug", "title", "audience", "order", "summary"}
MODULE_FIELDS = {
    "slug",
    "title",
    "summary",
    "minutes",
    "pass_mark",
    "topics",
    "care_certificate",
    "sources",
    "questions",
}
MODULE_FILE = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
# What this test refuses to find in a course: the marks of a draft left unfinished (filler text,
# notes to the author), so no placeholder ever reaches a learner.
PLACEHOLDER_MARKS = ("lorem", "todo", "coming soon", "tbc", "xxx")
CARE_CERTIFICATE_STANDARDS = {str(number) for number in range(1, 17)}
# A PA Hub path written in the text, such as /learning/events/ (not part of a web address).
SITE_PATH = re.compile(r"(?<![\w.])/[a-z][a-z0-9/-]*/")


def split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.name} must start with '---' front matter"
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def course_dirs() -> list[Path]:
    return sorted(path for path in COURSES_DIR.iterdir() if path.is_dir())


def module_files() -> list[Path]:
    return sorted(COURSES_DIR.glob("*/[0-9][0-9]-*.md"))


def page_headings(body: str) -> list[str]:
    return re.findall(r"^# (.+)$", body, flags=re.MULTILINE)


def test_the_two_real_courses_are_there():
    slugs = {path.name for path in course_dirs()}
    assert {"induction", "becoming-an-employer"} <= slugs


def test_exactly_one_course_is_the_induction():
    inductions = [
        path.name
        for path in course_dirs()
        if split_front_matter(path / "course.md")[0].get("induction") is True
    ]
    assert inductions == ["induction"]


@pytest.mark.parametrize("course_dir", course_dirs(), ids=lambda path: path.name)
def test_a_course_file_has_every_field_and_its_slug_matches_its_folder(course_dir):
    front, _ = split_front_matter(course_dir / "course.md")
    assert set(front) >= COURSE_FIELDS, COURSE_FIELDS - set(front)
    assert front["slug"] == course_dir.name
    assert front["audience"] in {"pa", "employer", "anyone"}
    assert isinstance(front["order"], int)
    assert front["summary"].strip()


@pytest.mark.parametrize("course_dir", course_dirs(), ids=lambda path: path.name)
def test_a_course_has_modules_numbered_in_order_with_unique_slugs(course_dir):
    names = sorted(path.name for path in course_dir.glob("*.md") if path.name != "course.md")
    assert names, "a course needs at least one module"
    matches = [MODULE_FILE.match(name) for name in names]
    assert all(matches), f"module files are named NN-slug.md: {names}"
    numbers = [int(match.group(1)) for match in matches]
    assert numbers == list(range(1, len(names) + 1))
    slugs = [split_front_matter(course_dir / name)[0]["slug"] for name in names]
    assert len(set(slugs)) == len(slugs)
    assert slugs == [match.group(2) for match in matches], "the file name ends with the slug"


@pytest.mark.parametrize("path", module_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
class TestEveryModule:
    def test_front_matter_has_every_field(self, path):
        front, _ = split_front_matter(path)
        assert set(front) >= MODULE_FIELDS, MODULE_FIELDS - set(front)
        assert front["title"].strip() and front["summary"].strip()

    def test_takes_5_to_15_minutes(self, path):
        front, _ = split_front_matter(path)
        assert isinstance(front["minutes"], int)
        assert 5 <= front["minutes"] <= 15

    def test_minutes_are_honest_for_the_amount_of_reading(self, path):
        front, body = split_front_matter(path)
        words = len(body.split())
        assert 600 <= words <= 1500, f"{words} words"
        # About 150 words a minute for careful reading, plus the quiz.
        assert abs(front["minutes"] - (words / 150 + 3)) <= 4

    def test_pass_mark_is_a_percentage(self, path):
        front, _ = split_front_matter(path)
        assert 1 <= front["pass_mark"] <= 100

    def test_has_two_to_five_pages_each_starting_with_a_level_one_heading(self, path):
        _, body = split_front_matter(path)
        assert body.lstrip().startswith("# ")
        assert 2 <= len(page_headings(body)) <= 5

    def test_topics_are_known_topic_keys(self, path):
        front, _ = split_front_matter(path)
        assert front["topics"], "name at least one topic"
        assert set(front["topics"]) <= set(Topic.values), set(front["topics"]) - set(Topic.values)

    def test_care_certificate_standards_are_numbers_1_to_16(self, path):
        front, _ = split_front_matter(path)
        assert set(front["care_certificate"]) <= CARE_CERTIFICATE_STANDARDS

    def test_names_its_sources(self, path):
        front, _ = split_front_matter(path)
        assert front["sources"] and all(source.strip() for source in front["sources"])

    def test_has_4_to_6_questions_each_with_answers_a_right_one_and_feedback_on_each(self, path):
        front, _ = split_front_matter(path)
        questions = front["questions"]
        assert 4 <= len(questions) <= 6
        for question in questions:
            assert question["text"].strip()
            choices = question["choices"]
            assert len(choices) >= 2, question["text"]
            assert any(choice.get("correct") is True for choice in choices), question["text"]
            assert not all(choice.get("correct") is True for choice in choices), question["text"]
            for choice in choices:
                assert set(choice) <= {"text", "correct", "feedback"}, choice
                assert choice["text"].strip() and choice["feedback"].strip(), choice
                assert len(choice["text"]) <= 400, "an answer fits Choice.text (400 characters)"

    def test_has_no_placeholder_text_raw_html_or_images(self, path):
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        for word in PLACEHOLDER_MARKS:
            assert not re.search(rf"\b{word}\b", lowered), word
        assert not re.search(r"<[a-z/][^>]*>", text), "no raw HTML"
        assert "![" not in text, "no images"

    def test_links_only_to_pa_hub_pages(self, path):
        _, body = split_front_matter(path)
        for target in re.findall(r"\]\(([^)]+)\)", body):
            assert SITE_PATH.fullmatch(target), f"a link goes to a PA Hub page: {target}"

    def test_every_pa_hub_page_it_names_exists(self, path):
        text = path.read_text(encoding="utf-8")
        for site_path in SITE_PATH.findall(text):
            try:
                resolve(site_path)
            except Resolver404:
                pytest.fail(f"{site_path} is not a PA Hub page")
