"""GET /api/v1/jobs and /api/v1/jobs/{id}: open jobs as JSON, without signing in and
without anything about the employer."""

import json

import pytest

from tests.factories import make_job


def test_anyone_can_list_open_jobs(client, open_job, durham_job):
    response = client.get("/api/v1/jobs")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert body["page"] == 1 and body["pages"] == 1
    assert [job["title"] for job in body["results"]] == [
        "Weekend cover in Durham",
        "Morning PA for a busy mum",
    ]


def test_a_job_has_its_public_facts(client, open_job):
    response = client.get(f"/api/v1/jobs/{open_job.pk}")

    assert response.status_code == 200
    job = response.json()
    assert job["district"] == "NE1"
    assert job["local_authority"] == "Newcastle upon Tyne"
    assert job["hours_per_week"] == "15.0"
    assert job["hours"][0] == "monday_early"
    assert job["hours_in_words"][0] == "Monday: early morning"
    assert job["hourly_pay"] == "13.50"
    assert job["kind"] == "regular"
    assert {"code": "personal_care.dressing", "name": "Dressing and undressing"} in job["tasks"]
    assert job["url"].endswith(f"/jobs/{open_job.pk}/")
    assert job["posted_by_organisation"] is None


def test_the_api_never_gives_away_the_employer(client, open_job):
    body = (
        client.get("/api/v1/jobs").content.decode()
        + client.get(f"/api/v1/jobs/{open_job.pk}").content.decode()
    )

    for detail in ("Amira", "Khan", "employer@example.org", "NE1 4ST", "employer"):
        assert detail not in body


@pytest.mark.parametrize("status", ["draft", "paused", "closed", "filled"])
def test_a_job_that_is_not_open_is_a_json_404(client, employer_profile, status):
    job = make_job(employer_profile.user, status=status)

    response = client.get(f"/api/v1/jobs/{job.pk}")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no open job with this number."}


def test_filters_work_as_on_the_page(client, open_job, durham_job):
    near = client.get("/api/v1/jobs", {"where": "DH1", "miles": "5"}).json()
    cover = client.get("/api/v1/jobs", {"kind": "cover"}).json()
    tasks = client.get(
        "/api/v1/jobs", {"tasks": ["personal_care.dressing", "food.meal_prep"]}
    ).json()

    assert [job["title"] for job in near["results"]] == ["Weekend cover in Durham"]
    assert near["results"][0]["miles"] == 0
    assert [job["title"] for job in cover["results"]] == ["Weekend cover in Durham"]
    assert tasks["count"] == 2


def test_bad_filters_are_a_400_naming_each_mistake(client, open_job):
    response = client.get("/api/v1/jobs", {"where": "banana", "min_pay": "cheap"})

    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Some filters are not valid."
    assert body["errors"]["where"] == [
        "Enter a postcode, like NE1 4ST, or a postcode district, like NE1"
    ]
    assert body["errors"]["min_pay"] == ["Enter pay in pounds and pence, like 12.71"]


@pytest.mark.parametrize("url", ["/api/v1/jobs/0", "/api/v1/jobs/99999999999999999999999"])
def test_an_impossible_job_number_is_a_client_error_not_a_crash(client, db, url):
    response = client.get(url)

    assert 400 <= response.status_code < 500
    assert json.loads(response.content)["detail"]


def test_results_are_paged(client, employer_profile):
    for number in range(25):
        make_job(employer_profile.user, title=f"Job {number}")

    first = client.get("/api/v1/jobs").json()
    second = client.get("/api/v1/jobs", {"page": 2}).json()

    assert (first["count"], first["pages"], len(first["results"])) == (25, 2, 20)
    assert len(second["results"]) == 5


def test_the_list_query_count_does_not_grow_with_jobs(
    client, employer_profile, django_assert_max_num_queries
):
    for number in range(3):
        make_job(employer_profile.user, title=f"Job {number}", required_skills=["mobility.hoist"])
    with django_assert_max_num_queries(20) as few:
        client.get("/api/v1/jobs", {"where": "NE1"})
    for number in range(15):
        make_job(employer_profile.user, title=f"More {number}", required_skills=["mobility.hoist"])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/api/v1/jobs", {"where": "NE1"})

    assert response.json()["count"] == 18
