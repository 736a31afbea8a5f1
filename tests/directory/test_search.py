"""The public directory search, /directory/: by need, by distance and by council area."""

import pytest
from django.urls import reverse

from pahub.directory.models import Need, Service
from pahub.directory.queries import area_choices
from pahub.directory.services import LocationInput
from pahub.places.models import District
from tests.directory.conftest import make_service

URL = reverse("directory:search")


def names(response) -> list[str]:
    return [row.service.name for row in response.context["page"].object_list]


def test_anyone_signed_out_sees_approved_services_only(client, approved_service, pending_service):
    response = client.get(URL)

    assert response.status_code == 200
    assert names(response) == ["Employing a PA advice line"]
    assert "Durham payroll service" not in response.content.decode()


def test_search_by_need_keeps_services_meeting_it(client, approved_service, other_entry):
    make_service(other_entry, name="Durham payroll", needs=[Need.PAYROLL])

    assert names(client.get(URL, {"need": Need.PAYROLL})) == ["Durham payroll"]
    assert names(client.get(URL, {"need": Need.DIRECT_PAYMENTS})) == ["Employing a PA advice line"]


def test_search_by_distance_lists_nearest_first_with_the_miles(client, entry):
    make_service(
        entry,
        name="Durham drop-in",
        areas=[],
        location=LocationInput(district=District.objects.get(outcode="DH1")),
    )
    make_service(entry, name="Newcastle drop-in", areas=[])
    make_service(
        entry,
        name="Middlesbrough drop-in",
        areas=[],
        location=LocationInput(district=District.objects.get(outcode="TS1")),
    )

    response = client.get(URL, {"where": "NE2 1AA", "miles": "20"})

    assert names(response) == ["Newcastle drop-in", "Durham drop-in"]
    first = response.context["page"].object_list[0]
    assert first.distance_label.endswith("from NE2")
    assert "miles from NE2" in response.content.decode()


def test_a_service_serving_the_searchers_area_is_found_without_a_location_nearby(client, entry):
    make_service(
        entry,
        name="Phone line for Newcastle",
        location=None,
        areas=list(area_choices().filter(name="Newcastle upon Tyne")),
    )

    response = client.get(URL, {"where": "NE2", "miles": "1"})

    assert names(response) == ["Phone line for Newcastle"]
    assert "Serves the area of NE2" in response.content.decode()


def test_search_by_area(client, approved_service, other_entry):
    make_service(
        other_entry, name="Durham advice", areas=list(area_choices().filter(name="County Durham"))
    )
    durham = area_choices().get(name="County Durham")

    assert names(client.get(URL, {"area": durham.gss_code})) == ["Durham advice"]


def test_search_by_kind_and_words(client, approved_service, entry):
    make_service(entry, name="Payroll for employers", kind=Service.Kind.PAYROLL)

    assert names(client.get(URL, {"kind": Service.Kind.PAYROLL})) == ["Payroll for employers"]
    assert names(client.get(URL, {"text": "advice line"})) == ["Employing a PA advice line"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"where": "not a postcode"}, "where", "postcode"),
        ({"where": "ZZ99"}, "where", "postcode"),
        ({"where": "NE1", "miles": "far"}, "miles", "whole number of miles"),
        ({"where": "NE1", "miles": "500"}, "miles", "between 1 and 100"),
        ({"miles": "5"}, "where", "Enter a postcode or district"),
        ({"need": "flying"}, "need", "Choose a need"),
        ({"area": "E99999999"}, "area", "Choose a council area"),
        ({"text": "bad\x00text"}, "text", "control characters"),
    ],
)
def test_bad_search_says_what_is_wrong_next_to_the_field_and_keeps_it(
    client, approved_service, query, field, message
):
    response = client.get(URL, query)

    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert response.context["page"] is None
    assert "There is a problem" in response.content.decode()
    # What was typed stays in the box (a choice not in the list has no option to keep).
    for name, value in query.items():
        if name in ("where", "miles"):
            assert f'value="{value}"' in response.content.decode()


def test_the_list_page_query_count_does_not_grow_with_services(
    client, entry, django_assert_max_num_queries
):
    for number in range(3):
        make_service(entry, name=f"Service {number}")
    with django_assert_max_num_queries(12) as few:
        client.get(URL, {"where": "NE1", "need": Need.EMPLOYING_ADVICE})
    for number in range(3, 15):
        make_service(entry, name=f"Service {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"where": "NE1", "need": Need.EMPLOYING_ADVICE})
    assert len(names(response)) == 15


def test_the_search_pages_past_twenty(client, entry):
    for number in range(22):
        make_service(entry, name=f"Service {number:02d}")

    second = client.get(URL, {"page": "2"})

    assert names(second) == ["Service 20", "Service 21"]
