"""GET /api/v1/areas/{slug}/rules mirrors the public rules page."""

from pahub.rules.models import LocalRule

from .conftest import REASON


def test_anyone_reads_a_councils_rules(client, dbs_rule, newcastle):
    response = client.get(f"/api/v1/areas/{newcastle.slug}/rules")
    assert response.status_code == 200
    body = response.json()
    assert body["council"] == "Newcastle City Council"
    [rule] = body["rules"]
    assert rule["kind"] == "dbs_check"
    assert rule["dbs_level"] == "enhanced_adults"
    assert rule["reason"] == REASON
    assert rule["in_force"] is True


def test_retired_rules_are_left_out(client, dbs_rule, newcastle):
    LocalRule.objects.filter(pk=dbs_rule.pk).update(is_retired=True)
    assert client.get(f"/api/v1/areas/{newcastle.slug}/rules").json()["rules"] == []


def test_an_unknown_council_is_a_json_404(client, db):
    response = client.get("/api/v1/areas/atlantis/rules")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_a_malformed_slug_is_a_4xx_not_a_500(client, db):
    response = client.get("/api/v1/areas/" + "x" * 200 + "/rules")
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()
