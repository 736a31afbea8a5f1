"""/api/v1/employer/jobs: CRUD and status actions for the people who manage a job, with the
builder's rules and messages; JSON errors, never a server error; outsiders get 404."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.jobs.models import Job
from tests.factories import make_job

JOBS = "/api/v1/employer/jobs"
SOON = (timezone.localdate() + timedelta(days=20)).isoformat()


def job_url(job, action: str = "") -> str:
    return f"{JOBS}/{job.pk}" + (f"/{action}" if action else "")


def send(client: Client, method: str, url: str, payload: dict | None = None):
    call = getattr(client, method)
    if payload is None:
        return call(url)
    return call(url, data=json.dumps(payload), content_type="application/json")


GOOD = {
    "description": "Help getting up and out to the allotment.",
    "tasks": ["personal_care.washing_bathing", "personal_care.dressing"],
    "hours": ["monday_early", "tuesday_early"],
    "hours_per_week": "6",
    "start_date": SOON,
    "hourly_pay": "13.75",
    "is_apprenticeship": False,
}


# Signed out, wrong people


def test_visitors_are_told_to_authenticate(client, open_job):
    for method, url in [
        ("get", JOBS),
        ("post", JOBS),
        ("get", job_url(open_job)),
        ("patch", job_url(open_job)),
        ("delete", job_url(open_job)),
        ("post", job_url(open_job, "pause")),
    ]:
        response = send(client, method, url, {} if method in ("post", "patch") else None)
        assert response.status_code == 401, (method, url)
        assert response.json() == {"detail": "Authentication required."}


@pytest.mark.parametrize(
    "person",
    ["unlinked_representative", "staff_elsewhere", "pa", "outsider", "other_pa"],
)
def test_outsiders_get_not_found_and_change_nothing(client_for, request, person, employer_profile):
    client = client_for(request.getfixturevalue(person))
    draft = make_job(employer_profile.user, status="draft")
    published = make_job(employer_profile.user)

    assert send(client, "get", JOBS).json() == []
    for method, url, payload in [
        ("get", job_url(published), None),
        ("patch", job_url(draft), {"title": "Hacked"}),
        ("delete", job_url(draft), None),
        ("post", job_url(draft, "publish"), None),
        ("post", job_url(published, "pause"), None),
        ("post", job_url(published, "close"), {"reason": "x"}),
        ("post", JOBS, {"employer_id": employer_profile.user.pk, "title": "New"}),
    ]:
        response = send(client, method, url, payload)
        assert response.status_code == 404, (method, url)
        assert "detail" in response.json()

    assert Job.objects.count() == 2
    assert set(Job.objects.values_list("title", "status")) == {
        ("Morning PA for a busy mum", "draft"),
        ("Morning PA for a busy mum", "published"),
    }


def test_staff_in_the_area_without_consent_may_read_audited_but_not_change(
    client_for, staff_without_consent, open_job
):
    client = client_for(staff_without_consent)

    read = send(client, "get", job_url(open_job))
    change = send(client, "patch", job_url(open_job), {"title": "Changed"})
    pause = send(client, "post", job_url(open_job, "pause"))

    assert read.status_code == 200
    assert read.json()["title"] == "Morning PA for a busy mum"
    event = AuditEvent.objects.get(action="record.viewed")
    assert (event.actor, event.target_id) == (staff_without_consent, str(open_job.pk))
    assert (change.status_code, pause.status_code) == (403, 403)
    assert "not change it" in change.json()["detail"]
    assert Job.objects.get(pk=open_job.pk).status == "published"
    assert send(client, "get", JOBS).json() == [], "the list is only jobs they manage"


@pytest.mark.parametrize("person", ["employer", "representative", "helping_staff"])
def test_the_employer_side_lists_reads_and_changes_jobs(client_for, request, person, open_job):
    client = client_for(request.getfixturevalue(person))

    listed = send(client, "get", JOBS).json()
    changed = send(client, "patch", job_url(open_job), {"title": "Morning PA (school days)"})

    assert [job["id"] for job in listed] == [open_job.pk]
    assert changed.status_code == 200
    assert changed.json()["title"] == "Morning PA (school days)"
    assert AuditEvent.objects.get(action="job.updated").actor == request.getfixturevalue(person)


def test_a_session_write_needs_the_csrf_token(employer, open_job):
    client = Client(enforce_csrf_checks=True)
    client.force_login(employer)

    refused = send(client, "patch", job_url(open_job), {"title": "Changed"})
    client.get(f"/employer/jobs/{open_job.pk}/")  # a page with a form sets the cookie
    token = client.cookies["csrftoken"].value
    accepted = client.patch(
        job_url(open_job),
        data=json.dumps({"title": "Changed"}),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert refused.status_code == 403
    assert accepted.status_code == 200


# Create, read, update, delete


def test_create_a_draft_with_answers_then_publish_it(client_for, employer, employer_profile):
    client = client_for(employer)

    created = send(
        client, "post", JOBS, {"employer_id": employer.pk, "title": "Morning PA", **GOOD}
    )

    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "draft"
    assert body["district"] == "NE1"
    assert body["local_authority"] == "Newcastle upon Tyne"
    assert body["tasks"] == ["personal_care.washing_bathing", "personal_care.dressing"]
    assert body["hours"] == ["monday_early", "tuesday_early"]
    assert body["hours_per_week"] == "6.0"
    assert body["missing_steps"] == []
    job = Job.objects.get(pk=body["id"])
    assert job.posted_by == employer

    published = send(client, "post", job_url(job, "publish"))

    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert published.json()["published_at"] is not None


def test_staff_creating_a_job_record_their_organisation(
    client_for, helping_staff, employer_profile, organisation
):
    response = send(
        client_for(helping_staff),
        "post",
        JOBS,
        {"employer_id": employer_profile.user.pk, "title": "Days out"},
    )

    assert response.status_code == 201
    assert response.json()["posted_by_organisation"] == organisation.name


def test_creating_without_an_employer_profile_says_so(client_for, employer):
    response = send(client_for(employer), "post", JOBS, {"employer_id": employer.pk, "title": "PA"})

    assert response.status_code == 400
    assert "Set up the employer profile first" in response.json()["detail"]
    assert not Job.objects.exists()


def test_creating_for_an_employer_you_do_not_act_for_is_not_found(
    client_for, representative, employer_profile
):
    from tests.factories import UserFactory, make_employer_profile

    stranger = UserFactory(roles=["employer"])
    make_employer_profile(stranger)

    response = send(
        client_for(representative), "post", JOBS, {"employer_id": stranger.pk, "title": "PA"}
    )

    assert response.status_code == 404
    assert not Job.objects.exists()


def test_a_bad_answer_when_creating_saves_nothing(client_for, employer, employer_profile):
    response = send(
        client_for(employer),
        "post",
        JOBS,
        {"employer_id": employer.pk, "title": "PA", **GOOD, "hourly_pay": "9.00"},
    )

    assert response.status_code == 400
    assert response.json()["field"] == "hourly_pay"
    assert not Job.objects.exists()


def test_the_list_can_be_filtered_and_its_queries_do_not_grow(
    client_for, employer, employer_profile, django_assert_max_num_queries
):
    client = client_for(employer)
    make_job(employer, status="draft")
    with django_assert_max_num_queries(20) as few:
        send(client, "get", JOBS)
    for _ in range(8):
        make_job(employer, required_skills=["personal_care.dressing"])

    with django_assert_max_num_queries(len(few.captured_queries)):
        everything = send(client, "get", JOBS).json()
    drafts = send(client, "get", f"{JOBS}?status=draft").json()

    assert len(everything) == 9
    assert [job["status"] for job in drafts] == ["draft"]


def test_patch_marks_the_steps_it_answers(client_for, employer, draft_job):
    response = send(
        client_for(employer),
        "patch",
        job_url(draft_job),
        {
            "required_dbs": "enhanced",
            "required_language": "bfi",
            "nice_interests": ["gardening"],
            "nice_years_experience": 3,
        },
    )

    body = response.json()
    assert response.status_code == 200
    assert body["required_dbs"] == "enhanced"
    assert body["required_language"] == "bfi"
    assert body["nice_interests"] == ["Gardening"]
    assert {"must_haves", "nice_to_haves"} <= set(body["completed_steps"])
    assert Job.objects.get(pk=draft_job.pk).required_dbs_rank == 3


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"hourly_pay": "11.00"}, "hourly_pay", "at least £12.71 an hour"),
        ({"hourly_pay": "13.505"}, "hourly_pay", "pounds and pence"),
        ({"hours_per_week": "0"}, "hours_per_week", "must be more than 0"),
        ({"hours_per_week": "40"}, "hours_per_week", "more than the times you ticked can hold"),
        ({"hours": []}, "hours", "Select at least one time"),
        ({"hours": ["someday_noon"]}, "hours", "Unknown weekly grid slot: someday_noon"),
        (
            {"required_gender": "woman", "gender_reason": "Washing"},
            "includes_intimate_care",
            "intimate personal care",
        ),
        (
            {"required_gender": "man", "includes_intimate_care": True},
            "gender_reason",
            "Say in your own words",
        ),
        ({"start_date": "2020-01-01"}, "start_date", "today or in the future"),
        ({"district": "XX1"}, "district", "We do not recognise the postcode district XX1"),
        ({"district": "nonsense"}, "district", "Enter a postcode district"),
        ({"tasks": []}, "tasks", "Select at least one task"),
        ({"tasks": ["made.up"]}, "tasks", "Unknown skill code: made.up"),
        ({"nice_interests": ["Knitting lasers"]}, "nice_interests", "Unknown interest"),
        ({"required_language": "klingon"}, "required_language", "Unknown language code"),
        ({"title": "  "}, "title", "Enter a title for the job"),
        ({"title": None}, "title", "cannot be null"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(
    client_for, employer, draft_job, payload, field, message
):
    before = Job.objects.filter(pk=draft_job.pk).values().get()

    response = send(client_for(employer), "patch", job_url(draft_job), payload)

    assert response.status_code == 400, response.json()
    assert response.json()["field"] == field
    assert message in response.json()["detail"]
    after = Job.objects.filter(pk=draft_job.pk).values().get()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }


@pytest.mark.parametrize(
    "payload",
    [
        {"hourly_pay": "lots"},
        {"kind": "sometimes"},
        {"required_dbs": "super"},
        {"nice_years_experience": 500},
        {"start_date": "31/02/2027"},
        {"hours": "monday_early"},
    ],
)
def test_values_of_the_wrong_type_are_a_400_in_json(client_for, employer, draft_job, payload):
    response = send(client_for(employer), "patch", job_url(draft_job), payload)

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request was not valid: ")


def test_only_a_draft_can_be_deleted(client_for, employer, draft_job, open_job):
    client = client_for(employer)

    deleted = send(client, "delete", job_url(draft_job))
    refused = send(client, "delete", job_url(open_job))

    assert deleted.status_code == 204
    assert not Job.objects.filter(pk=draft_job.pk).exists()
    assert refused.status_code == 409
    assert "Only a draft can be deleted" in refused.json()["detail"]
    assert Job.objects.filter(pk=open_job.pk).exists()


# Status actions


def test_publishing_an_incomplete_draft_lists_the_problems_by_step(client_for, employer_profile):
    client = client_for(employer_profile.user)
    created = send(
        client, "post", JOBS, {"employer_id": employer_profile.user.pk, "title": "Evening PA"}
    ).json()

    response = client.post(f"{JOBS}/{created['id']}/publish")

    assert response.status_code == 400
    assert [problem["step"] for problem in response.json()["problems"]] == [
        "description",
        "tasks",
        "hours",
        "start",
        "pay",
    ]
    assert Job.objects.get(pk=created["id"]).status == "draft"


def test_pause_resume_close_and_reopen(client_for, employer, open_job):
    client = client_for(employer)

    assert send(client, "post", job_url(open_job, "pause")).json()["status"] == "paused"
    assert send(client, "post", job_url(open_job, "resume")).json()["status"] == "published"
    closed = send(client, "post", job_url(open_job, "close"), {"reason": "Found someone"})
    assert closed.json()["status"] == "closed"
    assert AuditEvent.objects.get(action="job.closed").detail["reason"] == "Found someone"
    assert send(client, "post", job_url(open_job, "reopen")).json()["status"] == "published"


def test_close_needs_no_body(client_for, employer, open_job):
    response = client_for(employer).post(job_url(open_job, "close"))

    assert response.status_code == 200
    assert response.json()["status"] == "closed"


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("draft", "pause"),
        ("draft", "close"),
        ("published", "publish"),
        ("published", "resume"),
        ("closed", "pause"),
        ("filled", "close"),
        ("filled", "reopen"),
    ],
)
def test_an_illegal_status_change_is_a_409(client_for, employer_profile, status, action):
    job = make_job(employer_profile.user, status=status)

    response = send(client_for(employer_profile.user), "post", job_url(job, action))

    assert response.status_code == 409
    assert response.json()["detail"]
    assert Job.objects.get(pk=job.pk).status == status


def test_changing_a_filled_job_is_a_409(client_for, employer_profile):
    job = make_job(employer_profile.user, status="filled")

    response = send(client_for(employer_profile.user), "patch", job_url(job), {"title": "New"})

    assert response.status_code == 409


def test_a_close_body_that_is_not_a_reason_is_a_400(client_for, employer, open_job):
    response = client_for(employer).post(
        job_url(open_job, "close"), data="[1, 2]", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["field"] == "reason"
    assert Job.objects.get(pk=open_job.pk).status == "published"


def test_staff_of_another_area_do_not_manage_a_job_even_with_a_stray_consent(
    staff_elsewhere, helping_staff, open_job
):
    from pahub.employers.permissions import employers_user_can_act_for
    from pahub.jobs.permissions import jobs_user_may_manage

    assert list(employers_user_can_act_for(staff_elsewhere)) == []
    assert list(jobs_user_may_manage(staff_elsewhere)) == []
    assert list(jobs_user_may_manage(helping_staff)) == [open_job]


@pytest.mark.parametrize("query", [{"employer_id": 10**30}, {"employer_id": 0}])
def test_an_employer_id_no_database_can_hold_is_a_400(client_for, employer, open_job, query):
    response = client_for(employer).get(JOBS, query)

    assert response.status_code == 400
    assert response.json()["field"] == "employer_id"
