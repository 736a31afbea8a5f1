"""/api/v1/areas/: the same spokes as the pages, public, JSON errors."""

from django.urls import reverse

from pahub.spokes import services


def test_the_list_is_public_and_by_region(client, db):
    response = client.get("/api/v1/areas")
    assert response.status_code == 200
    regions = response.json()
    north_east = next(region for region in regions if region["name"] == "North East")
    slugs = [spoke["slug"] for spoke in north_east["spokes"]]
    assert "newcastle-upon-tyne" in slugs
    assert all(spoke["is_your_area"] is False for spoke in north_east["spokes"])


def test_the_list_marks_the_signed_in_persons_area(client_for, pa):
    regions = client_for(pa).get("/api/v1/areas").json()
    mine = [
        spoke["slug"] for region in regions for spoke in region["spokes"] if spoke["is_your_area"]
    ]
    assert mine == ["newcastle-upon-tyne"]


def test_one_spoke_gives_its_published_content(client, published_spoke, news_item, open_job):
    body = client.get("/api/v1/areas/newcastle-upon-tyne").json()
    who = body["who_to_call"]
    assert who["direct_payment_team"]["phone"] == "0191 498 0123"
    assert who["adult_safeguarding"]["emergency"] == "999"
    assert who["other_contacts"][0]["name"] == "Carers' Centre"
    assert body["news"][0]["title"] == "PA employers' coffee morning"
    assert body["work"] == {"open_jobs": 1, "open_cover_requests": 0}
    assert body["peer_zone"]["url"] == ""


def test_the_api_never_gives_the_draft(client, published_spoke, newcastle, council_staff):
    services.spoke_draft_update(
        local_authority=newcastle,
        by=council_staff,
        values=services.ContentInput(team_name="Not yet published"),
    )
    body = client.get("/api/v1/areas/newcastle-upon-tyne").json()
    assert body["who_to_call"]["direct_payment_team"]["name"] == "Direct Payments Team"


def test_the_peer_zone_address_is_given_only_to_someone_who_may_open_it(client_for, pa, outsider):
    mine = client_for(pa).get("/api/v1/areas/newcastle-upon-tyne").json()
    assert mine["peer_zone"]["url"] == reverse("community:zone", args=["newcastle-upon-tyne"])
    assert mine["is_your_area"] is True
    theirs = client_for(outsider).get("/api/v1/areas/newcastle-upon-tyne").json()
    assert theirs["peer_zone"]["url"] == ""


def test_an_unknown_council_or_one_without_a_spoke_is_404_json(client, db):
    for slug in ["nowhere", "leeds"]:
        response = client.get(f"/api/v1/areas/{slug}")
        assert response.status_code == 404
        assert "detail" in response.json()


def test_an_address_too_long_to_be_a_council_is_400_json(client, db):
    response = client.get(f"/api/v1/areas/{'x' * 200}")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_staff_without_two_factor_may_still_read_the_public_api(
    client_for, council_staff_without_two_factor
):
    client = client_for(council_staff_without_two_factor)
    assert client.get("/api/v1/areas").status_code == 200
    assert client.get("/api/v1/areas/newcastle-upon-tyne").status_code == 200
