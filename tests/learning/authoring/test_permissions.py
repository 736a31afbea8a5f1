"""Every authoring page: signed out goes to sign in; PAs, employers and staff of an
organisation that is not a training provider get 403; staff of another training provider get
404 for this organisation's course; the course's own staff and site admins get the page."""

import pytest
from django.urls import reverse

from pahub.learning.authoring import services
from pahub.learning.models import Course, ModuleDraft

GET_PAGES = [
    ("course", "course"),
    ("module_create", "course"),
    ("module", "draft"),
    ("module_edit", "draft"),
    ("module_preview", "draft"),
    ("question_add", "draft"),
    ("question_edit", "question"),
    ("question_delete", "question"),
]
POST_ACTIONS = [
    ("course_publish", "course"),
    ("module_publish", "draft"),
    ("module_retire", "draft"),
    ("question_move", "question"),
    ("question_delete", "question"),
]


def url_for(name: str, kind: str, draft: ModuleDraft) -> str:
    args = {
        "course": [draft.course_id],
        "draft": [draft.course_id, draft.pk],
        "question": [draft.course_id, draft.pk, 1],
    }[kind]
    return reverse(f"learning:authoring:{name}", args=args)


ALL_PAGES = [("courses", None), ("course_create", None), *GET_PAGES]


def any_url(name: str, kind: str | None, draft: ModuleDraft) -> str:
    return reverse(f"learning:authoring:{name}") if kind is None else url_for(name, kind, draft)


@pytest.mark.parametrize(("name", "kind"), ALL_PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, draft, name, kind):
    response = client.get(any_url(name, kind, draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "verifier"])
@pytest.mark.parametrize(("name", "kind"), ALL_PAGES)
def test_people_who_are_not_authors_are_refused(client_for, draft, request, person, name, kind):
    user = request.getfixturevalue(person)
    assert client_for(user).get(any_url(name, kind, draft)).status_code == 403


@pytest.mark.parametrize("person", ["pa", "employer"])
@pytest.mark.parametrize(("name", "kind"), POST_ACTIONS)
def test_actions_are_refused_to_people_who_are_not_authors(
    client_for, draft, request, person, name, kind
):
    user = request.getfixturevalue(person)
    response = client_for(user).post(url_for(name, kind, draft), {"direction": "up"})
    assert response.status_code == 403
    assert draft.course.modules.count() == 0


@pytest.mark.parametrize(("name", "kind"), GET_PAGES)
def test_another_providers_staff_get_404(client_for, draft, other_author, name, kind):
    assert client_for(other_author).get(url_for(name, kind, draft)).status_code == 404


@pytest.mark.parametrize(("name", "kind"), POST_ACTIONS)
def test_another_providers_staff_cannot_act_on_the_course(
    client_for, draft, other_author, name, kind
):
    response = client_for(other_author).post(url_for(name, kind, draft), {"direction": "down"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert len(draft.questions) == 1
    assert draft.course.modules.count() == 0


@pytest.mark.parametrize("person", ["author", "admin"])
@pytest.mark.parametrize(("name", "kind"), ALL_PAGES)
def test_the_providers_staff_and_site_admins_see_every_page(
    client_for, draft, request, person, name, kind
):
    user = request.getfixturevalue(person)
    response = client_for(user).get(any_url(name, kind, draft))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")


def test_another_providers_course_is_not_in_the_list(client_for, draft, other_author):
    response = client_for(other_author).get(reverse("learning:authoring:courses"))
    assert response.status_code == 200
    assert "Moving and handling at home" not in response.content.decode()


def test_site_admins_see_every_providers_course_but_not_pa_hubs_own(
    client_for, draft, admin, repository_course
):
    page = client_for(admin).get(reverse("learning:authoring:courses")).content.decode()
    assert "Moving and handling at home" in page
    assert "Tyneside Care Training" in page
    assert repository_course.title not in page


@pytest.mark.parametrize("person", ["author", "admin"])
def test_pa_hubs_own_courses_are_not_found_here(client_for, request, repository_course, person):
    user = request.getfixturevalue(person)
    url = reverse("learning:authoring:course", args=[repository_course.pk])
    assert client_for(user).get(url).status_code == 404
    publish = reverse("learning:authoring:course_publish", args=[repository_course.pk])
    assert client_for(user).post(publish).status_code == 404


def test_a_draft_of_another_course_is_not_found_through_this_one(
    client_for, draft, author, provider
):
    second = services.course_create(
        by=author, provider=provider, title="Second course", summary="More.", audience="pa"
    )
    url = reverse("learning:authoring:module", args=[second.pk, draft.pk])
    assert client_for(author).get(url).status_code == 404


def test_a_question_number_that_does_not_exist_is_not_found(client_for, draft, author):
    url = reverse("learning:authoring:question_edit", args=[draft.course_id, draft.pk, 2])
    assert client_for(author).get(url).status_code == 404


def test_the_course_list_makes_the_same_queries_for_one_course_or_many(
    client_for, author, provider, django_assert_max_num_queries
):
    client = client_for(author)
    url = reverse("learning:authoring:courses")
    services.course_create(by=author, provider=provider, title="One", summary="S", audience="pa")
    with django_assert_max_num_queries(20) as few:
        assert client.get(url).status_code == 200
    for number in range(8):
        course = services.course_create(
            by=author, provider=provider, title=f"Course {number}", summary="S", audience="pa"
        )
        services.draft_create(
            course=course, by=author, title="M", summary="", minutes=5, body="",
            pass_mark=80, topics=[], care_certificate=[],
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('class="govuk-summary-card__title"') == 9
    assert Course.objects.count() == 9
