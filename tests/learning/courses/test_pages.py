"""Every course page: reading is public, quizzes and certificates need sign-in, another
person's certificate or attempt is 404, and a quiz with a question unanswered keeps the
answers given and says which one is missing."""

import pytest
from django.urls import reverse

from pahub.learning.courses import marking
from pahub.learning.models import QuizAttempt
from tests.html_check import html_problems
from tests.learning.courses.conftest import complete_course, current, pass_module, right_answers


def quiz_url(module="welcome"):
    return reverse("learning:quiz", args=["first-steps", module])


def post_data(answers: dict[int, list[int]]) -> dict:
    return {f"question_{qid}": [str(c) for c in ids] for qid, ids in answers.items()}


@pytest.fixture
def certificate(pa, course):
    return complete_course(pa, course).certificate


def public_urls():
    return [
        reverse("learning:home"),
        reverse("learning:course", args=["first-steps"]),
        reverse("learning:module", args=["first-steps", "welcome"]),
        reverse("learning:module_page", args=["first-steps", "welcome", 2]),
        reverse("learning:module", args=["first-steps", "welcome"]) + "?page=2",
        reverse("learning:module_print", args=["first-steps", "welcome"]),
        reverse("learning:verify"),
    ]


def test_anyone_signed_out_can_read_the_courses(client, course):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url


def test_the_learning_home_shows_progress_and_where_to_continue(client_for, pa, course):
    pass_module(pa, course, "welcome")

    html = client_for(pa).get(reverse("learning:home")).content.decode()

    assert "Courses for you" in html
    assert "1 of 2 modules done" in html
    assert "Continue with Staying safe" in html


def test_an_employer_sees_the_pa_course_under_other_courses(client_for, employer, course):
    html = client_for(employer).get(reverse("learning:home")).content.decode()

    assert html.index("Other courses") < html.index("First steps as a PA")


def test_the_learning_home_query_count_does_not_grow_with_completions(
    client_for, pa, other_pa, course, django_assert_max_num_queries
):
    complete_course(pa, course)
    client = client_for(pa)
    # 14 for the courses and progress; 3 for the tools list (suggestions, course authoring and
    # event organising each ask once), 1 for the help bar's local support; none of them per
    # course or completion.
    with django_assert_max_num_queries(18):
        client.get(reverse("learning:home"))


def test_the_course_page_lists_modules_standards_and_introduction(client, course):
    html = client.get(reverse("learning:course", args=["first-steps"])).content.decode()

    assert "<strong>fixture</strong>" in html
    assert "Welcome to the work" in html and "Staying safe" in html
    assert "Care Certificate standards" in html
    assert "1, 10" in html


def test_module_pages_have_navigation_and_the_last_leads_to_the_quiz(client, course):
    first = client.get(reverse("learning:module", args=["first-steps", "welcome"]))
    last = client.get(reverse("learning:module_page", args=["first-steps", "welcome", 2]))

    assert "What a PA does" in first.content.decode()
    assert reverse("learning:module_page", args=["first-steps", "welcome", 2]) in (
        first.content.decode()
    )
    assert "Take the quiz" in last.content.decode()
    assert quiz_url() in last.content.decode()


@pytest.mark.parametrize("page", [0, 3])
def test_a_page_beyond_the_module_is_404(client, course, page):
    url = reverse("learning:module_page", args=["first-steps", "welcome", page])
    assert client.get(url).status_code == 404


def test_an_unknown_course_or_module_is_404(client, course):
    assert client.get(reverse("learning:course", args=["nope"])).status_code == 404
    assert client.get(reverse("learning:module", args=["first-steps", "nope"])).status_code == 404


def test_the_print_view_has_every_page(client, course):
    html = client.get(reverse("learning:module_print", args=["first-steps", "welcome"])).content
    assert b"What a PA does" in html and b"Who you work for" in html


def test_the_quiz_needs_sign_in(client, course):
    response = client.get(quiz_url())

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "outsider"])
def test_anyone_signed_in_may_take_a_quiz(client_for, request, person, course):
    response = client_for(request.getfixturevalue(person)).get(quiz_url("safety"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="checkbox"' in html  # "select all that apply"
    assert "Select all that apply." in html


def test_passing_the_quiz_shows_every_answer_and_why(client_for, pa, course):
    version = current(course, "welcome")

    response = client_for(pa).post(quiz_url(), post_data(right_answers(version)), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "You passed" in html
    assert "2 of 2" in html
    assert "Pass mark" in html and "50%" in html
    for question in version.questions.prefetch_related("choices"):
        for choice in question.choices.all():
            assert choice.feedback.replace("'", "&#x27;") in html
    assert 'id="retry"' in html


def test_a_question_left_unanswered_is_named_beside_it_and_answers_are_kept(client_for, pa, course):
    version = current(course, "welcome")
    answers = right_answers(version)
    first, second = answers
    data = post_data({first: answers[first]})

    response = client_for(pa).post(quiz_url(), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert f'id="id_question_{second}-error"' in html
    assert "Choose an answer to question 2" in html
    assert f'value="{answers[first][0]}" checked' in html
    assert not QuizAttempt.objects.exists()


def test_someone_elses_result_is_404(client_for, pa, other_pa, course):
    attempt = pass_module(pa, course, "welcome").attempt
    url = reverse("learning:quiz_result", args=["first-steps", "welcome", attempt.pk])

    assert client_for(other_pa).get(url).status_code == 404
    assert client_for(pa).get(url).status_code == 200


def test_the_owner_sees_their_certificate_page_list_and_pdf(client_for, pa, certificate):
    client = client_for(pa)

    listing = client.get(reverse("learning:certificates")).content.decode()
    page = client.get(reverse("learning:certificate", args=[certificate.code])).content.decode()
    pdf = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))

    assert certificate.code in listing
    assert "Jordan Reed" in page and certificate.code in page and "version 1" in page
    assert f"/learning/verify/?code={certificate.code}" in page
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("name", ["certificate", "certificate_pdf"])
def test_someone_elses_certificate_is_404(client_for, other_pa, certificate, name):
    response = client_for(other_pa).get(reverse(f"learning:{name}", args=[certificate.code]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["certificates", "certificate", "certificate_pdf"])
def test_certificate_pages_need_sign_in(client, certificate, name):
    args = [] if name == "certificates" else [certificate.code]
    response = client.get(reverse(f"learning:{name}", args=args))

    assert response.status_code == 302


def test_the_owner_can_hide_the_certificate_from_their_profile(client_for, pa, certificate):
    url = reverse("learning:certificate_show_on_profile", args=[certificate.code])

    response = client_for(pa).post(url, {"show": "no"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert not certificate.show_on_profile


def test_the_profile_choice_needs_an_answer_and_others_cannot_change_it(
    client_for, pa, other_pa, certificate
):
    url = reverse("learning:certificate_show_on_profile", args=[certificate.code])

    missing = client_for(pa).post(url, {})
    other = client_for(other_pa).post(url, {"show": "no"})

    assert missing.status_code == 400
    assert "Choose whether to show it on your profile" in missing.content.decode()
    assert other.status_code == 404
    certificate.refresh_from_db()
    assert certificate.show_on_profile


def test_anyone_signed_out_can_verify_a_code_and_sees_only_name_course_and_date(
    client, certificate
):
    response = client.get(reverse("learning:verify"), {"code": certificate.code.lower()})

    html = response.content.decode()
    assert "This certificate is real" in html
    assert "Jordan Reed" in html and "First steps as a PA" in html
    assert "pa@example.org" not in html
    assert "Welcome to the work" not in html  # no module detail


def test_an_unknown_code_says_no_certificate_has_it(client, certificate):
    html = client.get(reverse("learning:verify"), {"code": "ZZZZZZZZ"}).content.decode()

    assert "No certificate has this code" in html


def test_an_empty_code_is_an_error_beside_the_field(client, db):
    html = client.get(reverse("learning:verify"), {"code": ""}).content.decode()

    assert "govuk-error-summary" in html
    assert "Enter the certificate&#x27;s code" in html


def test_the_pages_are_valid_html(client_for, pa, certificate, course):
    client = client_for(pa)
    attempt = QuizAttempt.objects.filter(user=pa).first()
    urls = [
        *public_urls(),
        quiz_url(),
        quiz_url("safety"),
        reverse(
            "learning:quiz_result",
            args=["first-steps", attempt.module_version.module.slug, attempt.pk],
        ),
        reverse("learning:certificates"),
        reverse("learning:certificate", args=[certificate.code]),
        reverse("learning:verify") + f"?code={certificate.code}",
        reverse("learning:verify") + "?code=nope",
    ]
    documents = [(url, client.get(url).content.decode()) for url in urls]

    assert html_problems(documents) == []


def test_answers_are_asked_and_reviewed_in_the_same_mixed_order(client_for, pa, course):
    version = current(course, "welcome")
    client = client_for(pa)
    asked = client.get(quiz_url()).content.decode()
    reviewed = client.post(quiz_url(), post_data(right_answers(version)), follow=True)
    reviewed = reviewed.content.decode()
    for question in version.questions.prefetch_related("choices"):
        texts = [choice.text.replace("'", "&#x27;") for choice in question.choices.all()]
        in_quiz = sorted(texts, key=asked.index)
        in_review = sorted(texts, key=reviewed.index)
        assert in_quiz == in_review
        ids = [choice.pk for choice in question.choices.all()]
        assert in_quiz == [texts[ids.index(pk)] for pk in marking.asking_order(ids, seed=pa.pk)]
