"""/api/v1/costs: the calculator (open to anyone) and saved plans (for the employer side)."""

import json
from datetime import date

import pytest

from pahub.costs.models import CostPlan
from tests.costs.test_plans import saved_plan
from tests.factories import UserFactory

CALCULATE = "/api/v1/costs/calculate"
PLANS = "/api/v1/costs/plans"


def plan_json(**changes) -> dict:
    plan = {
        "costed_on": "2026-05-01",
        "direct_payment_weekly": "550",
        "pas": [
            {"name": "Sam", "hourly_rate": "13.50", "weekly_hours": 20},
            {"name": "Jo", "hourly_rate": 12.71, "weekly_hours": "10", "irregular_hours": True},
        ],
        "agency_weekly_hours": "4",
        "agency_hourly_rate": "25",
        "insurance_yearly": "150",
        "sick_weeks_per_pa": "1",
        "cover_hourly_rate": "20",
    }
    plan.update(changes)
    return plan


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_anyone_may_cost_a_plan(client, db):
    response = post(client, CALCULATE, plan_json())

    body = response.json()
    assert response.status_code == 200
    assert body["summary"] == "£30.09 a week short"
    assert (body["weekly_total"], body["yearly_total"], body["weekly_left"]) == (
        "580.09",
        "30164.63",
        "-30.09",
    )
    assert body["tax_year"] == "2026/27"
    ni = next(line for line in body["lines"] if line["label"] == "Employer National Insurance: Sam")
    assert ni["weekly"] == "30.46"
    assert "Rates and thresholds for employers 2026 to 2027" in ni["source"]
    assert [check["lawful"] for check in body["wage_checks"]] == [True, True]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"direct_payment_weekly": "lots"}, "direct_payment_weekly", "decimal"),
        ({"pas": []}, "pas", "at least 1"),
        (
            {"pas": [{"name": "Sam", "hourly_rate": "500", "weekly_hours": "20"}]},
            "pas.0.hourly_rate",
            "must be between 0 and 200",
        ),
        (
            {"pas": [{"name": "", "hourly_rate": "13", "weekly_hours": "20"}]},
            "pas.0.name",
            "Enter a name for PA 1",
        ),
        ({"costed_on": "2020-01-01"}, "costed_on", "from 6 April 2025"),
    ],
)
def test_bad_input_is_400_naming_the_field(client, db, changes, field, message):
    response = post(client, CALCULATE, plan_json(**changes))

    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"]
    assert message in " ".join(body["errors"][field])


def test_a_body_that_is_not_json_is_400(client, db):
    response = client.post(CALCULATE, "not json", content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("person", ["employer", "representative", "helping_staff"])
def test_the_employer_side_saves_and_reads_plans(client_for, request, employer, person):
    client = client_for(request.getfixturevalue(person))

    created = post(client, PLANS, {"employer_id": employer.pk, "name": "May", "plan": plan_json()})

    assert created.status_code == 201
    plan_id = created.json()["id"]
    assert created.json()["costing"]["summary"] == "£30.09 a week short"
    listed = client.get(PLANS).json()
    assert [row["id"] for row in listed] == [plan_id]
    detail = client.get(f"{PLANS}/{plan_id}").json()
    assert detail["costed_on"] == "2026-05-01"


def test_saving_for_someone_else_is_404(client_for, representative):
    stranger = UserFactory(email="stranger@example.org", roles=["employer"])

    response = post(
        client_for(representative),
        PLANS,
        {"employer_id": stranger.pk, "name": "May", "plan": plan_json()},
    )

    assert response.status_code == 404
    assert not CostPlan.objects.exists()


def test_saving_bad_input_is_400_naming_the_field_in_the_plan(client_for, employer):
    response = post(
        client_for(employer),
        PLANS,
        {
            "employer_id": employer.pk,
            "name": "May",
            "plan": plan_json(pas=[{"name": "Sam", "hourly_rate": "-1", "weekly_hours": "1"}]),
        },
    )

    assert response.status_code == 400
    assert "plan.pas.0.hourly_rate" in response.json()["errors"]


def test_a_pa_cannot_save_or_list_plans(client_for, pa, employer):
    client = client_for(pa)

    assert client.get(PLANS).status_code == 403
    body = {"employer_id": employer.pk, "name": "May", "plan": plan_json()}
    assert post(client, PLANS, body).status_code == 403


def test_another_persons_plan_is_404(client_for, employer, pa):
    plan = saved_plan(employer)

    assert client_for(pa).get(f"{PLANS}/{plan.pk}").status_code == 404
    assert client_for(pa).delete(f"{PLANS}/{plan.pk}").status_code == 404
    assert CostPlan.objects.exists()


def test_signed_out_people_get_401_for_plans(client, employer):
    plan = saved_plan(employer)

    assert client.get(PLANS).status_code == 401
    assert client.get(f"{PLANS}/{plan.pk}").status_code == 401


def test_the_owner_deletes_a_plan(client_for, employer):
    plan = saved_plan(employer)

    assert client_for(employer).delete(f"{PLANS}/{plan.pk}").status_code == 204
    assert not CostPlan.objects.exists()


def test_a_saved_plan_keeps_the_date_asked_about(client_for, employer):
    body = {"employer_id": employer.pk, "name": "March", "plan": plan_json(costed_on="2026-03-31")}

    response = post(client_for(employer), PLANS, body)

    assert CostPlan.objects.get().costed_on == date(2026, 3, 31)
    assert response.json()["costing"]["tax_year"] == "2025/26"
