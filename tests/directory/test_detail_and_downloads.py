"""A service's own page, /directory/services/<id>/, and the CSV and JSON downloads."""

import csv
import io

from django.urls import reverse


def test_anyone_reads_an_approved_service_with_all_its_details(client, approved_service):
    response = client.get(reverse("directory:service", args=[approved_service.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    for shown in (
        "Employing a PA advice line",
        "0191 498 0102",
        "1 Example Street",
        "NE1 4ST",
        "Monday: 9:00 a.m. to 5:00 p.m.",
        "Step-free entrance",
        "English, Polish",
        "Newcastle upon Tyne",
        "Help with direct payments",
        "Not checked against the regional base standard",
    ):
        assert shown in page


def test_a_pending_service_is_404_for_the_public_and_other_staff(
    client, client_for, pending_service, org_admin, admin
):
    url = reverse("directory:service", args=[pending_service.pk])

    assert client.get(url).status_code == 404
    assert client_for(org_admin).get(url).status_code == 404
    assert client_for(admin).get(url).status_code == 200
    assert client.get(reverse("directory:service", args=[999999])).status_code == 404


def test_the_csv_download_has_approved_services_only(client, approved_service, pending_service):
    response = client.get(reverse("directory:download_csv"))

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert [row["name"] for row in rows] == ["Employing a PA advice line"]
    assert rows[0]["needs"] == "Advice on employing a PA; Help with direct payments"
    assert rows[0]["postcode"] == "NE1 4ST"


def test_the_json_download(
    client, approved_service, pending_service, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("directory:download_json"))

    services = response.json()["services"]
    assert [service["name"] for service in services] == ["Employing a PA advice line"]
    assert services[0]["languages"] == ["English", "Polish"]
