"""The authoring pages' forms: what is sent is saved through the services; bad input shows a
message beside the answer, keeps what was typed and saves nothing."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.learning.authoring import services
from pahub.learning.models import Course, ModuleDraft, ModuleVersion
from tests.learning.authoring.conftest import BODY


def url(name: str, *args) -> str:
    return reverse(f"learning:authoring:{name}", args=args)


def error_next_to(page: str, field_id: str, message: str) -> bool:
    return f'id="{field_id}-error"' in page and message in page


def module_data(**changes) -> dict:
    data = {
        "title": "Keeping records",
        "summary": "Why and how to write things down.",
        "minutes": "10",
        "body": "# Why records matter\n\nThey keep everyone safe.",
        "pass_mark": "80",
        "topics": ["records"],
        "care_certificate": ["14"],
    }
    data.update(changes)
    return data


def question_data(**changes) -> dict:
    data = {
        "text": "When do you write in the daily log?",
        "answer_1_text": "At the end of each visit",
        "answer_1_correct": "on",
        "answer_1_feedback": "Right: write it while you remember.",
        "answer_2_text": "Once a month",
        "answer_2_feedback": "Too late: details are forgotten.",
    }
    data.update(changes)
    return data


# Creating a course ----------------------------------------------------------------------


def test_staff_create_a_course_for_their_organisation(client_for, author, provider):
    response = client_for(author).post(
        url("course_create"),
        {"title": "Safe moving and handling", "summary": "Help someone move.", "audience": "pa"},
    )
    course = Course.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("course", course.pk)
    assert (course.slug, course.source, course.provider) == (
        "safe-moving-and-handling",
        Course.Source.PAGES,
        provider,
    )
    assert course.published_at is None
    assert AuditEvent.objects.filter(action="learning.course_created").exists()


def test_a_course_with_no_title_or_audience_is_not_created(client_for, author):
    response = client_for(author).post(url("course_create"), {"title": "", "summary": "Kept text"})
    page = response.content.decode()
    assert response.status_code == 200
    assert error_next_to(page, "id_title", "Enter the course title")
    assert error_next_to(page, "id_audience", "Select who the course is for")
    assert "Kept text" in page
    assert "There is a problem" in page
    assert not Course.objects.exists()


def test_a_too_long_title_is_refused_and_kept(client_for, author):
    title = "A" * 201
    response = client_for(author).post(
        url("course_create"), {"title": title, "summary": "S", "audience": "pa"}
    )
    page = response.content.decode()
    assert error_next_to(page, "id_title", "200 characters or fewer")
    assert title in page
    assert not Course.objects.exists()


def test_a_site_admin_chooses_which_provider_publishes(client_for, admin, provider, other_provider):
    client = client_for(admin)
    refused = client.post(url("course_create"), {"title": "T", "summary": "S", "audience": "pa"})
    assert error_next_to(
        refused.content.decode(), "id_provider", "Select the organisation publishing the course"
    )
    assert not Course.objects.exists()

    client.post(
        url("course_create"),
        {"title": "T", "summary": "S", "audience": "pa", "provider": other_provider.pk},
    )
    assert Course.objects.get().provider == other_provider


# Writing a module -----------------------------------------------------------------------


def test_staff_add_a_module_draft(client_for, author, course):
    response = client_for(author).post(url("module_create", course.pk), module_data())
    draft = ModuleDraft.objects.get()
    assert response["Location"] == url("module", course.pk, draft.pk)
    assert (draft.slug, draft.minutes, draft.topics, draft.care_certificate) == (
        "keeping-records",
        10,
        ["records"],
        ["14"],
    )
    assert draft.updated_by == author
    # Nothing is published by saving.
    assert not course.modules.exists()


@pytest.mark.parametrize(
    ("changes", "field_id", "message"),
    [
        ({"title": ""}, "id_title", "Enter the module title"),
        ({"minutes": "40"}, "id_minutes", "A module takes 5 to 15 minutes"),
        ({"minutes": "ten"}, "id_minutes", "Enter the minutes as a number"),
        ({"pass_mark": "0"}, "id_pass_mark", "The pass mark is a percentage from 1 to 100"),
        ({"pass_mark": ""}, "id_pass_mark", "Enter the pass mark"),
        ({"body": "No heading"}, "id_body", "Start the module&#x27;s pages with a page heading"),
        ({"topics": ["cooking"]}, "id_topics", "Select a valid choice"),
        ({"care_certificate": ["17"]}, "id_care_certificate", "Select a valid choice"),
    ],
)
def test_bad_module_answers_are_shown_beside_the_field_and_nothing_is_saved(
    client_for, author, course, draft, changes, field_id, message
):
    client = client_for(author)
    data = module_data(summary="Typed summary to keep", **changes)

    created = client.post(url("module_create", course.pk), data)
    edited = client.post(url("module_edit", course.pk, draft.pk), data)

    for response in (created, edited):
        page = response.content.decode()
        assert response.status_code == 200
        assert error_next_to(page, field_id, message), page
        assert "Typed summary to keep" in page
    assert ModuleDraft.objects.count() == 1
    draft.refresh_from_db()
    assert draft.title == "Starting as a PA"


def test_editing_a_module_changes_only_the_draft(client_for, author, course, draft):
    client_for(author).post(
        url("module_edit", course.pk, draft.pk), module_data(title="Starting out")
    )
    draft.refresh_from_db()
    assert draft.title == "Starting out"
    assert draft.slug == "starting-as-a-pa"  # the module's identity never changes


def test_the_edit_page_shows_what_was_saved(client_for, author, course, draft):
    page = client_for(author).get(url("module_edit", course.pk, draft.pk)).content.decode()
    assert "Starting as a PA" in page
    assert "# Your first day" in page
    assert 'value="being_a_pa" checked' in page.replace('"\n', '" ')


# Questions ------------------------------------------------------------------------------


def test_staff_add_and_edit_a_question(client_for, author, course, draft):
    client = client_for(author)
    client.post(url("question_add", course.pk, draft.pk), question_data())
    draft.refresh_from_db()
    assert draft.questions[1] == {
        "text": "When do you write in the daily log?",
        "choices": [
            {
                "text": "At the end of each visit",
                "correct": True,
                "feedback": "Right: write it while you remember.",
            },
            {
                "text": "Once a month",
                "correct": False,
                "feedback": "Too late: details are forgotten.",
            },
        ],
    }

    page = client.get(url("question_edit", course.pk, draft.pk, 2)).content.decode()
    assert "At the end of each visit" in page
    client.post(url("question_edit", course.pk, draft.pk, 2), question_data(text="Changed?"))
    draft.refresh_from_db()
    assert draft.questions[1]["text"] == "Changed?"
    assert len(draft.questions) == 2


@pytest.mark.parametrize(
    ("changes", "field_id", "message"),
    [
        ({"text": ""}, "id_text", "Enter the question"),
        ({"answer_2_text": "", "answer_2_feedback": ""}, "id_answer_2_text", "Give at least two answers"),
        ({"answer_1_correct": ""}, "id_answer_1_correct", "Tick at least one right answer"),
        ({"answer_2_feedback": ""}, "id_answer_2_feedback", "Say why answer 2 is right or wrong"),
        ({"answer_3_feedback": "Orphan feedback"}, "id_answer_3_text", "Enter answer 3, or clear its row"),
        ({"answer_1_text": "x" * 401}, "id_answer_1_text", "400 characters or fewer"),
    ],
)  # fmt: skip
def test_bad_questions_are_shown_beside_the_field_and_nothing_is_saved(
    client_for, author, course, draft, changes, field_id, message
):
    client = client_for(author)
    data = question_data(**changes)
    before = list(draft.questions)

    for response in (
        client.post(url("question_add", course.pk, draft.pk), data),
        client.post(url("question_edit", course.pk, draft.pk, 1), data),
    ):
        page = response.content.decode()
        assert response.status_code == 200
        assert error_next_to(page, field_id, message), page
        assert "Once a month" in page or "answer_2_text" in changes
    draft.refresh_from_db()
    assert draft.questions == before


def test_a_question_is_deleted_after_confirming(client_for, author, course, draft):
    client = client_for(author)
    confirm = client.get(url("question_delete", course.pk, draft.pk, 1)).content.decode()
    assert "Who do you work for?" in confirm
    client.post(url("question_delete", course.pk, draft.pk, 1))
    draft.refresh_from_db()
    assert draft.questions == []


def test_questions_move_up_and_down(client_for, author, course, draft):
    client = client_for(author)
    client.post(url("question_add", course.pk, draft.pk), question_data())
    response = client.post(url("question_move", course.pk, draft.pk, 2), {"direction": "up"})
    assert response["Location"].endswith("#question-1")
    draft.refresh_from_db()
    assert draft.questions[0]["text"] == "When do you write in the daily log?"


def test_moving_without_a_direction_changes_nothing(client_for, author, course, draft):
    client = client_for(author)
    client.post(url("question_add", course.pk, draft.pk), question_data())
    draft.refresh_from_db()
    before = list(draft.questions)
    response = client.post(url("question_move", course.pk, draft.pk, 1), {"direction": "sideways"})
    assert "Choose to move the question up or down" in response.content.decode()
    draft.refresh_from_db()
    assert draft.questions == before


# Preview and publishing -----------------------------------------------------------------


def test_the_preview_shows_each_page_rendered_and_safe(client_for, author, course, draft):
    services.draft_update(draft=draft, by=author, body=BODY + "\n<script>alert(1)</script>\n")
    page = client_for(author).get(url("module_preview", course.pk, draft.pk)).content.decode()
    assert "Page 1 of 2: What a PA does" in page
    assert '<h2 class="govuk-heading-m">Your first day</h2>' in page
    assert '<ul class="govuk-list govuk-list--bullet">' in page
    assert "<script>alert" not in page


def test_publishing_twice_through_the_page_makes_one_version(client_for, author, course, draft):
    client = client_for(author)
    first = client.post(url("module_publish", course.pk, draft.pk), follow=True)
    assert "Version 1 of the module is published" in first.content.decode()
    again = client.post(url("module_publish", course.pk, draft.pk), follow=True)
    assert "Nothing has changed since version 1" in again.content.decode()
    assert ModuleVersion.objects.count() == 1


def test_a_change_published_makes_version_2_and_the_course_page_says_so(
    client_for, author, course, draft
):
    client = client_for(author)
    client.post(url("module_publish", course.pk, draft.pk))
    client.post(url("course_publish", course.pk))
    client.post(url("module_edit", course.pk, draft.pk), module_data(title="Starting out"))

    listing = client.get(url("course", course.pk)).content.decode()
    assert "Changes not yet published" in listing

    client.post(url("module_publish", course.pk, draft.pk))
    course.refresh_from_db()
    assert course.version == 2
    assert ModuleVersion.objects.get(number=2).title == "Starting out"
    assert "Changes not yet published" not in client.get(url("course", course.pk)).content.decode()


def test_a_module_that_breaks_the_rules_lists_each_problem_with_a_link(
    client_for, author, course, draft
):
    services.question_delete(draft=draft, by=author, number=1)
    services.draft_update(draft=draft, by=author, body="No heading", minutes=20)
    response = client_for(author).post(url("module_publish", course.pk, draft.pk))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Fix these before you publish" in page
    assert f'href="{url("question_add", course.pk, draft.pk)}"' in page
    assert f'href="{url("module_edit", course.pk, draft.pk)}#id_body"' in page
    assert f'href="{url("module_edit", course.pk, draft.pk)}#id_minutes"' in page
    assert not course.modules.exists()


def test_a_course_cannot_be_published_with_no_published_module(client_for, author, course, draft):
    response = client_for(author).post(url("course_publish", course.pk))
    assert "Publish at least one module before you publish the course" in response.content.decode()
    course.refresh_from_db()
    assert course.published_at is None


def test_publishing_the_course_is_recorded(client_for, author, course, draft):
    client = client_for(author)
    client.post(url("module_publish", course.pk, draft.pk))
    client.post(url("course_publish", course.pk))
    course.refresh_from_db()
    assert course.is_published
    assert AuditEvent.objects.filter(action="learning.course_published", actor=author).exists()


def test_retiring_through_the_page(client_for, author, course, draft):
    client = client_for(author)
    client.post(url("module_publish", course.pk, draft.pk))
    client.post(url("module_retire", course.pk, draft.pk))
    assert course.modules.get().retired_at is not None
    assert "Retired" in client.get(url("course", course.pk)).content.decode()


def test_the_last_module_of_a_published_course_is_not_retired(client_for, author, course, draft):
    client = client_for(author)
    client.post(url("module_publish", course.pk, draft.pk))
    client.post(url("course_publish", course.pk))
    response = client.post(url("module_retire", course.pk, draft.pk))
    assert "A published course needs at least one module" in response.content.decode()
    assert course.modules.get().retired_at is None


def test_a_module_never_published_cannot_be_retired(client_for, author, course, draft):
    response = client_for(author).post(url("module_retire", course.pk, draft.pk))
    assert "Only a published module can be retired" in response.content.decode()
