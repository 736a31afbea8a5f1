"""/api/v1/employer/jobs with hostile numbers and text: a 4xx JSON naming the field, never a
500, and nothing saved."""

import json

from pahub.core.text_rules import BIDI_MESSAGE, CONTROL_MESSAGE, ONE_LINE_MESSAGE
from pahub.jobs.models import Job
from tests.hostile import BAD_LONG_TEXT, BAD_ONE_LINE, BIDI, HOSTILE_NUMBERS, LINE_BREAK, NUL

JOBS = "/api/v1/employer/jobs"


def send(client, method: str, url: str, payload: dict):
    return getattr(client, method)(url, data=json.dumps(payload), content_type="application/json")


def test_hostile_hours_and_pay_are_4xx_json_on_create_and_change(
    client_for, employer_profile, draft_job
):
    client = client_for(employer_profile.user)
    client.raise_request_exception = False
    employer_id = employer_profile.user.pk

    for field in ("hours_per_week", "hourly_pay"):
        for typed in HOSTILE_NUMBERS:
            created = send(
                client, "post", JOBS, {"employer_id": employer_id, "title": "A", field: typed}
            )
            changed = send(client, "patch", f"{JOBS}/{draft_job.pk}", {field: typed})
            for response in (created, changed):
                assert response.status_code == 400, (field, typed[:20])
                assert "detail" in response.json()
    assert Job.objects.count() == 1
    assert Job.objects.get(pk=draft_job.pk).hours_per_week == draft_job.hours_per_week


def test_too_many_hours_names_the_field_and_the_limit(client_for, employer_profile, draft_job):
    response = send(
        client_for(employer_profile.user),
        "patch",
        f"{JOBS}/{draft_job.pk}",
        {"hours_per_week": "1e30"},
    )

    assert response.status_code == 400
    assert response.json()["field"] == "hours_per_week"
    assert "168 or fewer" in response.json()["detail"]


def test_an_employer_id_past_any_database_id_is_400_not_500(client_for, employer_profile):
    client = client_for(employer_profile.user)
    client.raise_request_exception = False

    listed = client.get(JOBS, {"employer_id": "9" * 30})
    created = send(client, "post", JOBS, {"employer_id": int("9" * 30), "title": "A"})

    assert (listed.status_code, created.status_code) == (400, 400)


def test_hostile_text_is_400_naming_the_field(client_for, employer_profile, draft_job):
    client = client_for(employer_profile.user)
    url = f"{JOBS}/{draft_job.pk}"

    for title in BAD_ONE_LINE:
        response = send(client, "patch", url, {"title": title})
        assert response.status_code == 400, repr(title)
        assert list(response.json()["errors"]) == ["title"]
    for description in BAD_LONG_TEXT:
        assert send(client, "patch", url, {"description": description}).status_code == 400
    for codes in (["personal_care.dressing\x00"], [BIDI]):
        assert send(client, "patch", url, {"tasks": codes}).status_code == 400
    closed = send(client, "post", f"{url}/close", {"reason": NUL})
    assert (closed.status_code, closed.json()["field"]) == (400, "reason")
    assert Job.objects.get(pk=draft_job.pk).title == draft_job.title


def test_the_messages_say_what_to_fix(client_for, employer_profile, draft_job):
    client = client_for(employer_profile.user)
    url = f"{JOBS}/{draft_job.pk}"

    messages = [
        send(client, "patch", url, {"title": typed}).json()["errors"]["title"][0]
        for typed in (NUL, LINE_BREAK, BIDI)
    ]

    assert messages == [
        f"Value error, {text}" for text in (CONTROL_MESSAGE, ONE_LINE_MESSAGE, BIDI_MESSAGE)
    ]


def test_a_description_over_several_lines_is_kept(client_for, employer_profile, draft_job):
    response = send(
        client_for(employer_profile.user),
        "patch",
        f"{JOBS}/{draft_job.pk}",
        {"description": "Mornings.\nSome evenings,\twith a tab."},
    )

    assert response.status_code == 200
    assert response.json()["description"] == "Mornings.\nSome evenings,\twith a tab."
