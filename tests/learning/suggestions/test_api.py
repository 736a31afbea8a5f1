"""/api/v1/learning/suggestions: suggest a module to one of your PAs; list your suggestions."""

import pytest

from pahub.learning.models import ModuleSuggestion
from pahub.notifications.models import Notice
from tests.factories import UserFactory

URL = "/api/v1/learning/suggestions"


def post(client, body: dict):
    return client.post(URL, body, content_type="application/json")


def test_signed_out_callers_get_401(client, db):
    assert post(client, {"pa_id": 1, "module_id": 1}).status_code == 401
    assert client.get(URL).status_code == 401


def test_the_employer_suggests_a_module_to_their_pa(client_for, employer, their_pa, first_module):
    response = post(
        client_for(employer),
        {"pa_id": their_pa.pk, "module_id": first_module.pk, "message": "Try this."},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["employer_id"] == employer.pk
    assert body["pa_id"] == their_pa.pk
    assert body["pa_name"] == "Jordan Reed"
    assert body["module_title"] == "What to expect as a PA"
    assert body["minutes"] == 10
    assert body["url"] == "/learning/courses/induction/what-to-expect/"
    assert body["message"] == "Try this."
    assert body["dismissed"] is False
    assert Notice.objects.filter(recipient=their_pa, kind="learning.suggestion").count() == 1


def test_a_representative_names_the_employer_they_act_for(
    client_for, employer, representative, their_pa, first_module
):
    response = post(
        client_for(representative),
        {"employer_id": employer.pk, "pa_id": their_pa.pk, "module_id": first_module.pk},
    )
    assert response.status_code == 201
    assert ModuleSuggestion.objects.get().employer == employer


def test_a_representative_cannot_suggest_as_themself(
    client_for, representative, their_pa, first_module
):
    response = post(
        client_for(representative), {"pa_id": their_pa.pk, "module_id": first_module.pk}
    )
    assert response.status_code == 404
    assert ModuleSuggestion.objects.count() == 0


def test_a_pa_cannot_suggest(client_for, their_pa, other_pa, first_module):
    response = post(client_for(their_pa), {"pa_id": other_pa.pk, "module_id": first_module.pk})
    assert response.status_code == 404


def test_an_employer_cannot_act_for_another_employer(
    client_for, employer, other_employer, their_pa, first_module
):
    response = post(
        client_for(other_employer),
        {"employer_id": employer.pk, "pa_id": their_pa.pk, "module_id": first_module.pk},
    )
    assert response.status_code == 404
    assert ModuleSuggestion.objects.count() == 0


def test_someone_elses_pa_and_a_pa_that_does_not_exist_get_the_same_400(
    client_for, other_employer, their_pa, first_module
):
    client = client_for(other_employer)
    theirs = post(client, {"pa_id": their_pa.pk, "module_id": first_module.pk})
    nobody = post(client, {"pa_id": 999999, "module_id": first_module.pk})
    assert theirs.status_code == nobody.status_code == 400
    assert theirs.json() == nobody.json()
    assert theirs.json()["field"] == "pa_id"
    assert ModuleSuggestion.objects.count() == 0
    assert Notice.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"module_id": 999999}, "module_id"),
        ({"message": "a" * 1001}, "message"),
        ({"message": "nul \x00 byte"}, "message"),
        ({"pa_id": 0}, "pa_id"),
        ({"pa_id": "Jordan"}, "pa_id"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_saves_nothing(
    client_for, employer, their_pa, first_module, change, field
):
    body = {"pa_id": their_pa.pk, "module_id": first_module.pk} | change
    response = post(client_for(employer), body)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert ModuleSuggestion.objects.count() == 0


def test_a_missing_pa_is_400(client_for, employer, first_module):
    response = post(client_for(employer), {"module_id": first_module.pk})
    assert response.status_code == 400
    assert response.json()["field"] == "pa_id"


def test_a_pa_lists_the_suggestions_made_to_them(
    client_for, employer, their_pa, other_pa, first_module, second_module
):
    ModuleSuggestion.objects.create(employer=employer, pa=their_pa, module=first_module)
    ModuleSuggestion.objects.create(employer=employer, pa=other_pa, module=second_module)
    body = client_for(their_pa).get(URL).json()
    assert [item["module_title"] for item in body["received"]] == ["What to expect as a PA"]
    assert body["made"] == []


def test_an_employer_lists_the_suggestions_they_made(
    client_for, employer, other_employer, their_pa, first_module, second_module
):
    ModuleSuggestion.objects.create(employer=employer, pa=their_pa, module=first_module)
    ModuleSuggestion.objects.create(employer=other_employer, pa=their_pa, module=second_module)
    body = client_for(employer).get(URL).json()
    assert [item["module_id"] for item in body["made"]] == [first_module.pk]
    assert body["received"] == []


def test_someone_who_is_neither_pa_nor_employer_gets_403(client_for, db):
    nobody = UserFactory(email="nobody@example.org", roles=[])
    assert client_for(nobody).get(URL).status_code == 403
