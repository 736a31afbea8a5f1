"""The learning API: public courses and modules (no answers), my progress, quiz attempts,
and the public certificate check."""

import pytest

from pahub.learning.models import QuizAttempt
from tests.learning.courses.conftest import complete_course, current, right_answers

BASE = "/api/v1/learning"


def body(answers: dict[int, list[int]]) -> dict:
    return {"answers": [{"question": qid, "choices": ids} for qid, ids in answers.items()]}


def test_anyone_lists_the_courses_with_their_modules(client, course):
    response = client.get(f"{BASE}/courses")

    assert response.status_code == 200
    [item] = [c for c in response.json()["items"] if c["slug"] == "first-steps"]
    assert item["is_induction"] is True
    assert [m["slug"] for m in item["modules"]] == ["welcome", "safety"]


def test_a_course_and_a_module_without_the_answers(client, course):
    detail = client.get(f"{BASE}/courses/first-steps").json()
    module = client.get(f"{BASE}/courses/first-steps/modules/safety").json()

    assert "fixture" in detail["introduction_html"]
    assert module["version"] == 1
    assert module["pass_mark"] == 80
    assert [p["title"] for p in module["pages"]] == ["Raising a concern"]
    [question] = module["questions"]
    assert question["select_all"] is True
    assert set(question["choices"][0]) == {"id", "text"}
    assert "correct" not in str(module["questions"])
    assert "feedback" not in str(module["questions"])


def test_an_unknown_course_or_module_is_404_json(client, course):
    for url in (f"{BASE}/courses/nope", f"{BASE}/courses/first-steps/modules/nope"):
        response = client.get(url)
        assert response.status_code == 404
        assert "detail" in response.json()


def test_progress_and_attempts_need_sign_in(client, course):
    assert client.get(f"{BASE}/progress").status_code == 401
    response = client.post(
        f"{BASE}/courses/first-steps/modules/welcome/attempts", {}, content_type="application/json"
    )
    assert response.status_code == 401


def test_an_attempt_is_marked_with_feedback_and_shows_in_progress(client_for, pa, course):
    client = client_for(pa)
    version = current(course, "welcome")

    response = client.post(
        f"{BASE}/courses/first-steps/modules/welcome/attempts",
        body(right_answers(version)),
        content_type="application/json",
    )

    assert response.status_code == 201
    result = response.json()
    assert (result["right"], result["questions"], result["passed"]) == (2, 2, True)
    assert all(choice["feedback"] for q in result["results"] for choice in q["choices"])
    progress = client.get(f"{BASE}/progress").json()
    assert [(c["module"], c["version"]) for c in progress["completions"]] == [("welcome", 1)]
    assert progress["certificates"] == []


def test_the_attempt_that_completes_the_course_returns_the_certificate(client_for, pa, course):
    client = client_for(pa)
    complete_course(pa, course)  # the first time through the service
    version = current(course, "safety")

    response = client.post(
        f"{BASE}/courses/first-steps/modules/safety/attempts",
        body(right_answers(version)),
        content_type="application/json",
    )

    assert response.json()["certificate"] is None  # already issued, not again
    [certificate] = client.get(f"{BASE}/progress").json()["certificates"]
    assert certificate["course"] == "first-steps"


@pytest.mark.parametrize(
    "payload",
    [{}, {"answers": "all"}, {"answers": [{"question": 0, "choices": []}]}],
)
def test_malformed_attempts_are_400(client_for, pa, course, payload):
    response = client_for(pa).post(
        f"{BASE}/courses/first-steps/modules/welcome/attempts",
        payload,
        content_type="application/json",
    )

    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_an_unanswered_question_is_400_naming_it(client_for, pa, course):
    version = current(course, "welcome")
    answers = right_answers(version)
    _, second = answers
    del answers[second]

    response = client_for(pa).post(
        f"{BASE}/courses/first-steps/modules/welcome/attempts",
        body(answers),
        content_type="application/json",
    )

    assert response.status_code == 400
    error = response.json()
    assert error["detail"] == "Choose an answer to question 2"
    assert error["errors"][f"answers.{second}"] == ["Choose an answer to question 2"]
    assert not QuizAttempt.objects.exists()


def test_anyone_checks_a_code_and_gets_name_course_and_date_only(client, pa, course):
    certificate = complete_course(pa, course).certificate

    found = client.get(f"{BASE}/certificates/{certificate.code.lower()}")
    missing = client.get(f"{BASE}/certificates/ZZZZZZZZ")

    assert found.status_code == 200
    assert set(found.json()) == {"name", "course", "completed_on"}
    assert found.json()["name"] == "Jordan Reed"
    assert missing.status_code == 404
    assert missing.json() == {"detail": "No certificate has this code."}


@pytest.mark.parametrize(
    "url",
    [
        f"{BASE}/certificates/AB%00CD",
        f"{BASE}/courses/first%00steps",
        f"{BASE}/courses/first-steps/modules/wel%00come",
    ],
)
def test_a_nul_byte_in_a_path_is_404_not_a_server_error(client, course, url):
    assert client.get(url).status_code == 404
