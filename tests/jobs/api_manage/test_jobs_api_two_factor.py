"""Staff with the employer's consent, in her area, but without two-factor may not change her
jobs through the API: the one acting-for rule refuses them with a JSON error."""

import json

import pytest

from pahub.accounts.models import Membership, User
from tests.factories import give_employer_consent, make_staff


@pytest.fixture
def staff_without_two_factor(organisation, employer, employer_profile) -> User:
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        two_factor=False,
        email="nell.no2fa@example.org",
    )
    give_employer_consent(employer=employer, organisation=organisation, how_given="Phone")
    return staff


def test_changing_her_job_is_refused_and_changes_nothing(
    client_for, staff_without_two_factor, open_job
):
    response = client_for(staff_without_two_factor).patch(
        f"/api/v1/employer/jobs/{open_job.pk}",
        data=json.dumps({"title": "Changed"}),
        content_type="application/json",
    )

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    open_job.refresh_from_db()
    assert open_job.title == "Morning PA for a busy mum"


def test_creating_a_job_for_her_is_refused(client_for, staff_without_two_factor, employer):
    response = client_for(staff_without_two_factor).post(
        "/api/v1/employer/jobs",
        data=json.dumps({"employer_id": employer.pk, "title": "PA"}),
        content_type="application/json",
    )

    assert 400 <= response.status_code < 500
    assert not employer.jobs.exists()
