"""The DBS ladder is defined once (`pahub.taxonomy.dbs`); the API, evidence and jobs follow it."""

import json

import pytest

from pahub.jobs.models import Job
from pahub.register.evidence.forms import DbsForm
from pahub.register.models import Evidence
from pahub.taxonomy.dbs import CERTIFICATE_CHOICES, DBS_RANKS, DbsLevel, dbs_rank

LADDER = list(DbsLevel.values)
# The input schemas that carry a must-have DBS check today; a new one is found by the walk.
KNOWN_INPUTS = {"JobCreateIn", "JobChangesIn", "CoverRequestIn"}


def accepted_dbs_values(schema: dict) -> list[str] | None:
    """The enum an OpenAPI property offers, whether or not it may also be null."""
    if "enum" in schema:
        return schema["enum"]
    for option in schema.get("anyOf", []):
        if "enum" in option:
            return option["enum"]
    return None


def test_the_stored_values_and_their_order_are_the_ones_the_database_holds():
    assert DBS_RANKS == {"": 0, "basic": 1, "standard": 2, "enhanced": 3, "enhanced_adults": 4}


def test_a_value_the_ladder_does_not_know_ranks_as_no_check():
    assert dbs_rank("platinum") == 0
    assert dbs_rank(DbsLevel.ENHANCED_ADULTS_BARRED) == 4


def test_every_api_field_for_a_dbs_check_accepts_exactly_the_ladders_values(client, db):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    accepted = {
        name: accepted_dbs_values(schema["properties"]["required_dbs"])
        for name, schema in schemas.items()
        if "required_dbs" in schema.get("properties", {})
    }
    inputs = {name: values for name, values in accepted.items() if values is not None}

    assert set(inputs) >= KNOWN_INPUTS
    assert all(values == LADDER for values in inputs.values()), inputs


def test_evidence_offers_every_check_but_none():
    assert [value for value, _ in CERTIFICATE_CHOICES] == LADDER[1:]
    assert Evidence._meta.get_field("dbs_type").choices == CERTIFICATE_CHOICES
    assert list(DbsForm.base_fields["dbs_type"].choices) == CERTIFICATE_CHOICES
    assert Evidence.DbsType is DbsLevel


def test_a_jobs_dbs_choices_are_the_whole_ladder():
    assert Job._meta.get_field("required_dbs").choices == DbsLevel.choices


@pytest.mark.parametrize("level", LADDER)
def test_the_jobs_api_takes_every_rung_and_stores_its_rank(client_for, employer, draft_job, level):
    response = client_for(employer).patch(
        f"/api/v1/employer/jobs/{draft_job.pk}",
        data=json.dumps({"required_dbs": level}),
        content_type="application/json",
    )

    assert response.status_code == 200, response.json()
    assert Job.objects.get(pk=draft_job.pk).required_dbs_rank == dbs_rank(level)


def test_the_jobs_api_refuses_a_check_that_is_not_on_the_ladder(client_for, employer, draft_job):
    response = client_for(employer).patch(
        f"/api/v1/employer/jobs/{draft_job.pk}",
        data=json.dumps({"required_dbs": "platinum"}),
        content_type="application/json",
    )

    assert response.status_code == 400
