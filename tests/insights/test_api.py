"""The insights API mirrors the pages: the same people, the same scopes, suppressed cells."""

import pytest

pytestmark = pytest.mark.usefixtures("test_dashboards")

LIST = "/api/v1/insights/"
DETAIL = "/api/v1/insights/people/"


@pytest.mark.parametrize("url", [LIST, DETAIL])
def test_logged_out_gets_401(client, url):
    assert client.get(url).status_code == 401


@pytest.mark.parametrize("who", ["employer", "pa", "verifier", "council_colleague", "admin"])
@pytest.mark.parametrize("url", [LIST, DETAIL])
def test_anyone_who_does_not_read_insights_gets_403(request, client_for, who, url):
    response = client_for(request.getfixturevalue(who)).get(url)

    assert response.status_code == 403
    assert "detail" in response.json()


def test_another_councils_area_is_404(client_for, durham_commissioner, newcastle):
    response = client_for(durham_commissioner).get(DETAIL, {"area": newcastle.pk})

    assert response.status_code == 404


def test_the_list_names_every_dashboard(client_for, commissioner):
    body = client_for(commissioner).get(LIST).json()

    assert [d["slug"] for d in body["dashboards"]] == ["people", "other"]
    assert body["last_refreshed"] is None


def test_a_dashboard_gives_suppressed_cells(client_for, commissioner, newcastle):
    response = client_for(commissioner).get(
        DETAIL, {"area": newcastle.pk, "from": "2026-01-01", "to": "2026-03-31"}
    )

    body = response.json()
    assert response.status_code == 200
    assert body["scope"] == {
        "label": "Newcastle upon Tyne",
        "local_authorities": [newcastle.pk],
        "from": "2026-01-01",
        "to": "2026-03-31",
    }
    people = body["tables"][0]
    assert people["definition"].startswith("People on the register")
    assert people["rows"][0] == {
        "label": newcastle.pk,
        "cells": [{"suppressed": "fewer than 5"}, {"suppressed": "hidden"}, 0, 15],
    }
    assert body["tables"][1]["rows"][0]["cells"] == [2]


@pytest.mark.parametrize(
    "query",
    [
        {"from": "2026-02-31"},
        {"to": "yesterday"},
        {"from": "2026-06-01", "to": "2026-01-01"},
    ],
)
def test_bad_dates_are_400_with_a_reason(client_for, commissioner, query):
    response = client_for(commissioner).get(DETAIL, query)

    assert response.status_code == 400
    assert response.json()["detail"]


def test_an_unknown_dashboard_is_404(client_for, commissioner):
    assert client_for(commissioner).get("/api/v1/insights/nothing/").status_code == 404
