"""Publishing through pages: versions are made only by a change, the course version follows,
and every rule is checked before anything is saved."""

import pytest

from pahub.core.models import AuditEvent
from pahub.learning.authoring import services
from pahub.learning.authoring.rendering import render_markdown
from pahub.learning.models import Module, ModuleVersion
from pahub.learning.versioning import InvalidModule
from tests.learning.authoring.conftest import TWO_ANSWERS


def test_publishing_a_draft_makes_version_1_with_its_questions(draft, author):
    published = services.draft_publish(draft=draft, by=author)

    assert published.is_new
    version = published.version
    assert version.number == 1
    assert version.title == "Starting as a PA"
    assert [q.text for q in version.questions.all()] == ["Who do you work for?"]
    assert [c.correct for c in version.questions.get().choices.all()] == [True, False]
    assert AuditEvent.objects.filter(action="learning.module_published").count() == 1


def test_publishing_twice_without_changes_makes_no_new_version(draft, author):
    services.draft_publish(draft=draft, by=author)
    again = services.draft_publish(draft=draft, by=author)

    assert not again.is_new
    assert ModuleVersion.objects.filter(module__course=draft.course).count() == 1
    assert AuditEvent.objects.filter(action="learning.module_published").count() == 1


def test_ticking_the_same_topics_in_another_order_is_no_change(draft, author):
    services.draft_update(draft=draft, by=author, topics=["records", "being_a_pa"])
    services.draft_publish(draft=draft, by=author)
    services.draft_update(draft=draft, by=author, topics=["being_a_pa", "records"])

    assert not services.draft_publish(draft=draft, by=author).is_new


def test_a_change_makes_version_2_and_bumps_a_published_courses_version(draft, author):
    course = draft.course
    services.draft_publish(draft=draft, by=author)
    services.course_publish(course=course, by=author)
    course.refresh_from_db()
    assert course.version == 1

    services.draft_update(draft=draft, by=author, title="Starting out as a PA")
    published = services.draft_publish(draft=draft, by=author)

    course.refresh_from_db()
    assert published.is_new and published.version.number == 2
    assert course.version == 2
    # Version 1 is kept as it was, for everyone who passed it.
    assert ModuleVersion.objects.get(number=1).title == "Starting as a PA"


def test_a_change_to_an_unpublished_course_keeps_it_at_version_1(draft, author):
    services.draft_publish(draft=draft, by=author)
    services.draft_update(draft=draft, by=author, minutes=12)
    services.draft_publish(draft=draft, by=author)

    draft.course.refresh_from_db()
    assert draft.course.version == 1


def test_a_draft_breaking_the_rules_saves_nothing_and_names_every_problem(course, author):
    draft = services.draft_create(
        course=course,
        by=author,
        title="Boundaries",
        summary="",
        minutes=10,
        body="No heading here",
        pass_mark=80,
        topics=[],
        care_certificate=[],
    )
    with pytest.raises(InvalidModule) as raised:
        services.draft_publish(draft=draft, by=author)

    assert "Add at least one quiz question" in raised.value.problems
    assert any("page heading" in problem for problem in raised.value.problems)
    assert not Module.objects.filter(course=course).exists()


def test_a_course_cannot_be_published_before_a_module_is(course, author):
    with pytest.raises(services.AuthoringError):
        services.course_publish(course=course, by=author)
    course.refresh_from_db()
    assert course.published_at is None


def test_retiring_a_module_bumps_the_course_and_publishing_brings_it_back(draft, author):
    course = draft.course
    second = services.draft_create(
        course=course, by=author, title="Records", summary="", minutes=5,
        body="# Records\n\nWrite it down.", pass_mark=50, topics=[], care_certificate=[],
    )  # fmt: skip
    services.question_add(draft=second, by=author, text="Why keep records?", choices=TWO_ANSWERS)
    second.refresh_from_db()
    services.draft_publish(draft=draft, by=author)
    services.draft_publish(draft=second, by=author)
    services.course_publish(course=course, by=author)

    module = services.module_retire(draft=second, by=author)
    course.refresh_from_db()
    assert module.retired_at is not None
    assert course.version == 2

    services.draft_publish(draft=second, by=author)
    module.refresh_from_db()
    course.refresh_from_db()
    assert module.retired_at is None
    assert course.version == 3
    assert ModuleVersion.objects.filter(module=module).count() == 1


def test_the_last_module_of_a_published_course_cannot_be_retired(draft, author):
    services.draft_publish(draft=draft, by=author)
    services.course_publish(course=draft.course, by=author)

    with pytest.raises(services.AuthoringError):
        services.module_retire(draft=draft, by=author)


def test_questions_move_and_delete_by_number(draft, author):
    services.question_add(draft=draft, by=author, text="Second?", choices=TWO_ANSWERS)
    assert services.question_move(draft=draft, by=author, number=2, direction="up") == 1
    draft.refresh_from_db()
    assert [q["text"] for q in draft.questions] == ["Second?", "Who do you work for?"]
    assert services.question_move(draft=draft, by=author, number=1, direction="up") == 1

    services.question_delete(draft=draft, by=author, number=1)
    draft.refresh_from_db()
    assert [q["text"] for q in draft.questions] == ["Who do you work for?"]


def test_module_slugs_are_unique_in_a_course(course, author):
    fields = dict(summary="", minutes=5, body="", pass_mark=80, topics=[], care_certificate=[])
    first = services.draft_create(course=course, by=author, title="Pay", **fields)
    second = services.draft_create(course=course, by=author, title="Pay", **fields)
    assert (first.slug, second.slug) == ("pay", "pay-2")
    assert second.order == first.order + 1


def test_pages_split_at_each_level_1_heading():
    pages = services.split_pages(
        "# One\n\nText\n\n## Part\n\n```\n# not a page\n```\n# Two\n\nMore"
    )
    assert [page.title for page in pages] == ["One", "Two"]


def test_rendering_keeps_no_html_or_script_links():
    html = render_markdown(
        "# Hi\n\n<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)"
    )
    assert "<script>" not in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")
    assert 'href="https://example.org"' in html
    assert '<h1 class="govuk-heading-l">Hi</h1>' in html
