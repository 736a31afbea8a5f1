"""The learning API: my self-assessment, my plan and my CPD log. PAs only, own data only."""

import json

import pytest

from pahub.learning.cpd import services as cpd_services
from pahub.learning.models import CPDEntry, PlanItem, SelfRating
from pahub.learning.plans import services

ENDPOINTS = [
    ("get", "/api/v1/learning/self-assessment", None),
    ("put", "/api/v1/learning/self-assessment", {"topics": {"records": "can_do"}}),
    ("get", "/api/v1/learning/plan", None),
    ("put", "/api/v1/learning/plan", {"steps": []}),
    ("get", "/api/v1/learning/cpd", None),
    (
        "post",
        "/api/v1/learning/cpd",
        {"title": "x", "learned_on": "2026-01-01", "hours": "1", "what_i_learned": "y"},
    ),
]


def send(client, method, path, body=None):
    if body is None:
        return getattr(client, method)(path)
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_signed_out_is_401(client, db, method, path, body):
    assert send(client, method, path, body).status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_an_employer_is_403(client_for, employer, method, path, body):
    response = send(client_for(employer), method, path, body)
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not CPDEntry.objects.exists() and not SelfRating.objects.exists()


def test_ratings_are_read_and_saved(client_for, pa):
    client = client_for(pa)
    response = send(
        client,
        "put",
        "/api/v1/learning/self-assessment",
        {"topics": {"safeguarding": "want_to_learn"}, "skills": {"mobility.hoist": "can_do"}},
    )
    assert response.status_code == 200
    body = client.get("/api/v1/learning/self-assessment").json()
    assert {
        "key": "safeguarding",
        "label": "Safeguarding and raising a concern",
        "rating": "want_to_learn",
    } in body["topics"]
    assert (
        next(skill for skill in body["skills"] if skill["code"] == "mobility.hoist")["rating"]
        == "can_do"
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"topics": {"safeguarding": "maybe"}}, "topics.safeguarding"),
        ({"topics": {"recruiting": "can_do"}}, "topics.recruiting"),
        ({"skills": {"no.such.skill": "can_do"}}, "skills.no.such.skill"),
    ],
)
def test_bad_ratings_are_400_naming_the_field_and_save_nothing(client_for, pa, body, field):
    response = send(client_for(pa), "put", "/api/v1/learning/self-assessment", body)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not SelfRating.objects.exists()


def test_the_plan_is_replaced_reordered_ticked_and_added_to(client_for, pa):
    first = services.plan_step_add(user=pa, title="First aid")
    second = services.plan_step_add(user=pa, title="Epilepsy")
    services.plan_step_add(user=pa, title="Dropped")
    client = client_for(pa)
    response = send(
        client,
        "put",
        "/api/v1/learning/plan",
        {
            "steps": [
                {"id": second.pk, "done": True},
                {"id": first.pk, "note": "May"},
                {"title": "New one"},
            ]
        },
    )
    assert response.status_code == 200
    steps = client.get("/api/v1/learning/plan").json()["steps"]
    assert [(step["title"], step["done"], step["kind"]) for step in steps] == [
        ("Epilepsy", True, "own"),
        ("First aid", False, "own"),
        ("New one", False, "own"),
    ]
    assert steps[1]["note"] == "May"


def test_someone_elses_step_in_a_plan_is_400_and_changes_nothing(client_for, pa, other_pa):
    theirs = services.plan_step_add(user=other_pa, title="Theirs")
    mine = services.plan_step_add(user=pa, title="Mine")
    response = send(
        client_for(pa), "put", "/api/v1/learning/plan", {"steps": [{"id": theirs.pk, "done": True}]}
    )
    assert response.status_code == 400
    assert PlanItem.objects.get(pk=theirs.pk).done_at is None
    assert PlanItem.objects.filter(pk=mine.pk).exists()


def test_a_new_step_without_a_title_is_400(client_for, pa):
    response = send(client_for(pa), "put", "/api/v1/learning/plan", {"steps": [{"title": " "}]})
    assert response.status_code == 400
    assert not PlanItem.objects.exists()


def test_making_the_plan_through_the_api(client_for, pa):
    services.self_assessment_save(
        user=pa, topic_ratings={"records": "want_to_learn"}, skill_ratings={}
    )
    response = client_for(pa).post("/api/v1/learning/plan/make")
    assert response.status_code == 200
    assert response.json()["steps"][0]["kind"] == "gap"


def test_cpd_entries_are_created_listed_changed_and_deleted(client_for, pa):
    client = client_for(pa)
    created = send(
        client,
        "post",
        "/api/v1/learning/cpd",
        {
            "title": "First aid",
            "learned_on": "2026-02-01",
            "hours": "3.5",
            "what_i_learned": "CPR.",
        },
    )
    assert created.status_code == 201
    entry_id = created.json()["id"]
    listed = client.get("/api/v1/learning/cpd?year=2026").json()
    assert listed["total_hours"] == "3.50" or float(listed["total_hours"]) == 3.5
    changed = send(client, "patch", f"/api/v1/learning/cpd/{entry_id}", {"hours": "4"})
    assert changed.status_code == 200 and float(changed.json()["hours"]) == 4
    assert client.delete(f"/api/v1/learning/cpd/{entry_id}").status_code == 204
    assert not CPDEntry.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"hours": "0"}, "hours"),
        ({"hours": "101"}, "hours"),
        ({"hours": "1.005"}, "hours"),
        ({"learned_on": "2999-01-01"}, "learned_on"),
        ({"title": ""}, "title"),
        ({"learned_on": "not a date"}, "learned_on"),
    ],
)
def test_bad_cpd_input_is_400_naming_the_field_and_saves_nothing(client_for, pa, body, field):
    good = {
        "title": "First aid",
        "learned_on": "2026-02-01",
        "hours": "3",
        "what_i_learned": "CPR.",
    }
    response = send(client_for(pa), "post", "/api/v1/learning/cpd", {**good, **body})
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not CPDEntry.objects.exists()


def test_someone_elses_cpd_entry_is_404(client_for, pa, other_pa):
    from datetime import date

    entry = cpd_services.cpd_entry_add(
        user=other_pa, title="Theirs", learned_on=date(2026, 1, 1), hours="1", what_i_learned="x"
    )
    client = client_for(pa)
    assert (
        send(client, "patch", f"/api/v1/learning/cpd/{entry.pk}", {"hours": "2"}).status_code == 404
    )
    assert client.delete(f"/api/v1/learning/cpd/{entry.pk}").status_code == 404
    assert CPDEntry.objects.get(pk=entry.pk).hours == 1
