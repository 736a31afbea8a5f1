"""GET /api/v1/jobs/{id}/matches and GET /api/v1/me/matches: ranked, explained, JSON errors."""

import pytest

from pahub.core.models import AuditEvent
from pahub.matching.scoring import WEIGHTS
from tests.factories import give_employer_consent, make_staff
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/matches"


def job_url(job, **query) -> str:
    suffix = "".join(f"{'&' if i else '?'}{k}={v}" for i, (k, v) in enumerate(query.items()))
    return f"/api/v1/jobs/{job.pk}/matches{suffix}"


# A job's matches: who may ask


def test_a_visitor_must_authenticate(client, open_job):
    response = client.get(job_url(open_job))

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}


@pytest.mark.parametrize("person", ["outsider", "pa", "other_pa"])
def test_anyone_off_the_employer_side_gets_404(client_for, request, open_job, person):
    response = client_for(request.getfixturevalue(person)).get(job_url(open_job))

    assert response.status_code == 404
    assert response.json() == {"detail": "No job with that id that you can see."}


def test_an_unknown_job_is_404(client_for, employer, open_job):
    response = client_for(employer).get(f"/api/v1/jobs/{open_job.pk + 1000}/matches")

    assert response.status_code == 404


def test_the_employer_and_their_representative_get_the_matches(
    client_for, employer, representative, open_job, jordan
):
    for person in (employer, representative):
        response = client_for(person).get(job_url(open_job))
        assert response.status_code == 200
        assert response.json()["count"] == 1


def test_staff_in_the_area_get_the_matches_and_are_recorded(
    client_for, org_admin, open_job, jordan
):
    response = client_for(org_admin).get(job_url(open_job))

    assert response.status_code == 200
    assert AuditEvent.objects.filter(actor=org_admin, action="record.viewed").count() == 1


def test_staff_elsewhere_get_404(client_for, other_organisation, open_job):
    durham_staff = make_staff(organisation=other_organisation, email="durham@example.org")

    assert client_for(durham_staff).get(job_url(open_job)).status_code == 404


def test_staff_without_two_factor_are_refused_in_json(client_for, organisation, open_job):
    staff = make_staff(organisation=organisation, email="no2fa@example.org", two_factor=False)

    response = client_for(staff).get(job_url(open_job))

    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


def test_staff_acting_with_consent_need_two_factor_too(
    client_for, organisation, employer, open_job
):
    helper = make_staff(organisation=organisation, email="helper@example.org", two_factor=False)
    give_employer_consent(employer=employer, organisation=organisation, how_given="Asked")

    assert client_for(helper).get(job_url(open_job)).status_code == 403


@pytest.mark.parametrize("limit", ["0", "-1", "201", "lots"])
def test_a_bad_limit_is_a_400_with_a_message(client_for, employer, open_job, limit):
    response = client_for(employer).get(job_url(open_job, limit=limit))

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request was not valid: ")


# A job's matches: what comes back


def test_each_match_has_the_score_its_parts_reasons_and_public_details(
    client_for, employer, open_job, jordan
):
    body = client_for(employer).get(job_url(open_job)).json()

    assert body["job_id"] == open_job.pk
    result = body["results"][0]
    assert result["pa"] == {
        "id": jordan.pk,
        "name": "Jordan",
        "district": "NE3",
        "level": 2,
        "level_name": "Level 2",
        "profile_url": f"/register/pas/{jordan.pk}/",
    }
    match = result["match"]
    assert 0 <= match["score"] <= 100
    assert match["score_words"] in {"Strong match", "Good match", "Fair match", "Weak match"}
    assert [part["key"] for part in match["parts"]] == list(WEIGHTS)
    assert set(match["parts"][0]) == {"key", "label", "points", "max_points", "sentence"}
    assert "Free for all 15 hours" in match["reasons"]
    assert match["missing"] == []
    assert 2 < match["miles"] < 4


def test_the_json_never_carries_a_full_name_postcode_email_or_phone(
    client_for, employer, open_job, jordan
):
    jordan.user.phone = "07700 900123"
    jordan.user.save(update_fields=["phone"])

    text = client_for(employer).get(job_url(open_job)).content.decode()

    for private in ("Reed", "NE3 1AA", "pa@example.org", "07700 900123"):
        assert private not in text


def test_the_limit_keeps_the_best(client_for, employer, open_job):
    for level in range(5):
        make_pa(name=f"Level {level}", level=level)

    body = client_for(employer).get(job_url(open_job, limit=2)).json()

    assert body["count"] == 2
    assert [result["pa"]["level"] for result in body["results"]] == [4, 3]


# A PA's own matches


def test_me_matches_needs_a_signed_in_pa(client, employer, client_for):
    assert client.get(ME).status_code == 401
    response = client_for(employer).get(ME)
    assert response.status_code == 403
    assert response.json() == {"detail": "Matched jobs are for Personal Assistants."}


def test_a_pa_without_a_profile_gets_404_in_json(client_for, pa):
    response = client_for(pa).get(ME)

    assert response.status_code == 404
    assert response.json() == {"detail": "You have not started your profile yet."}


def test_a_pa_gets_their_open_jobs_explained_without_the_employers_name(
    client_for, pa, jordan, open_job
):
    response = client_for(pa).get(ME)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    job = body["results"][0]["job"]
    assert job["id"] == open_job.pk
    assert job["district"] == "NE1"
    assert job["hourly_pay"] == "13.50"
    assert "Free for all 15 hours" in body["results"][0]["match"]["reasons"]
    assert "Amira" not in response.content.decode()
    assert "NE1 4ST" not in response.content.decode()


def test_the_openapi_schema_documents_both_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert "/api/v1/jobs/{job_id}/matches" in paths
    assert "/api/v1/me/matches" in paths
