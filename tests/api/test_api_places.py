"""Open data about places: districts, local authorities, distances. No sign-in needed."""

import pytest


def test_district_is_found_whatever_case_is_typed(client, db):
    response = client.get("/api/v1/places/districts/ne1")

    assert response.status_code == 200
    district = response.json()
    assert district["outcode"] == "NE1"
    assert district["local_authority"]["name"] == "Newcastle upon Tyne"
    assert district["local_authority"]["gss_code"] == "E08000021"
    assert district["latitude"] == pytest.approx(54.97, abs=0.01)


def test_malformed_district_is_400_json(client, db):
    response = client.get("/api/v1/places/districts/!!")

    assert response.status_code == 400
    message = "Enter a postcode district, like NE1 or DH1"
    assert response.json() == {
        "detail": f"outcode: {message}",
        "field": "outcode",
        "errors": {"outcode": [message]},
    }


def test_well_formed_unknown_district_is_404_json(client, db):
    response = client.get("/api/v1/places/districts/XY1")

    assert response.status_code == 404
    assert "We do not recognise the postcode district XY1" in response.json()["detail"]


def test_distance_between_two_districts_in_miles(client, db):
    response = client.get("/api/v1/places/distance", {"from_district": "NE1", "to_district": "dh1"})

    assert response.status_code == 200
    body = response.json()
    assert (body["from_district"], body["to_district"]) == ("NE1", "DH1")
    assert body["miles"] == pytest.approx(13.6, abs=1.0)


def test_distance_from_a_district_to_itself_is_zero(client, db):
    response = client.get("/api/v1/places/distance", {"from_district": "NE1", "to_district": "NE1"})

    assert response.json()["miles"] == 0


@pytest.mark.parametrize(
    "query",
    [{}, {"from_district": "NE1"}, {"to_district": "DH1"}],
    ids=["neither", "no-to", "no-from"],
)
def test_distance_without_both_districts_is_400_json(client, db, query):
    response = client.get("/api/v1/places/distance", query)

    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("The request was not valid: ")
    assert body["errors"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"from_district": "!!", "to_district": "DH1"}, 400),
        ({"from_district": "NE1", "to_district": "XY1"}, 404),
    ],
    ids=["malformed", "unknown"],
)
def test_distance_with_a_bad_district_says_which_in_json(client, db, query, status):
    response = client.get("/api/v1/places/distance", query)

    assert response.status_code == status
    assert "detail" in response.json()


def test_local_authorities_lists_the_spokes(client, db):
    response = client.get("/api/v1/places/local-authorities")

    assert response.status_code == 200
    authorities = response.json()
    assert authorities
    assert all(authority["is_spoke"] for authority in authorities)
    names = [authority["name"] for authority in authorities]
    assert names == sorted(names)
