"""The library's API mirrors the pages: the same search, filters, local additions and 404s."""

from django.test import Client

from tests.library.test_pages import DRIVING


def test_anyone_can_search_the_library(db):
    response = Client().get("/api/v1/library/resources", {"q": "car insurance"})
    assert response.status_code == 200
    body = response.json()
    assert body["results"][0]["slug"] == DRIVING
    assert body["results"][0]["url"] == f"/library/{DRIVING}/"
    assert body["results"][0]["local_to"] is None


def test_filters_and_paging(db, template_fixture):
    client = Client()
    templates = client.get("/api/v1/library/resources", {"kind": "template"}).json()
    assert {row["kind"] for row in templates["results"]} == {"template"}
    assert "sample-reference-letter" in [row["slug"] for row in templates["results"]]
    page = client.get("/api/v1/library/resources", {"per_page": 2, "page": 2}).json()
    assert page["page"] == 2 and len(page["results"]) == 2 and page["count"] >= 9
    tagged = client.get("/api/v1/library/resources", {"tag": "holiday"}).json()
    assert "holiday-and-holiday-pay" in [row["slug"] for row in tagged["results"]]
    assert "driving-your-employer-in-your-own-car" not in [row["slug"] for row in tagged["results"]]


def test_bad_input_is_400_json(db):
    client = Client()
    for params in (
        {"kind": "poems"},
        {"audience": "cats"},
        {"tag": "Not a tag"},
        {"page": 0},
        {"per_page": 1000},
        {"q": "x" * 101},
        {"q": "car\x00"},
    ):
        response = client.get("/api/v1/library/resources", params)
        assert response.status_code == 400, params
        assert "detail" in response.json()


def test_one_resource_with_its_text_sources_and_version(db, template_fixture):
    body = Client().get("/api/v1/library/resources/sample-reference-letter").json()
    assert "[referee name]" in body["markdown"] and "{{" not in body["markdown"]
    assert body["version"] == 1 and body["sources"][0]["url"].startswith("https://www.gov.uk/")
    assert "<p" in body["html"]


def test_unknown_or_malformed_slug_is_4xx_json(db):
    client = Client()
    missing = client.get("/api/v1/library/resources/no-such-thing")
    assert missing.status_code == 404 and "detail" in missing.json()
    assert client.get("/api/v1/library/resources/Not_A_Slug").status_code in (400, 404)


def test_local_additions_for_people_of_that_council_only(
    client_for, local_addition, employer, other_council_staff
):
    from tests.factories import UserFactory

    grace = UserFactory(email="grace@example.org", postcode="NE8 1HH")
    ours = client_for(grace).get("/api/v1/library/resources", {"q": "DBS"}).json()
    row = next(row for row in ours["results"] if row["slug"] == local_addition.slug)
    assert row["local_to"] == "Gateshead"
    for client in (Client(), client_for(employer), client_for(other_council_staff)):
        found = client.get("/api/v1/library/resources", {"q": "DBS"}).json()["results"]
        assert local_addition.slug not in [row["slug"] for row in found]
    one = Client().get(f"/api/v1/library/resources/{local_addition.slug}").json()
    assert one["local_to"] == "Gateshead"
