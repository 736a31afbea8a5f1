"""Looking districts up from what people type, and how far apart they are."""

import pytest

from pahub.places.distance import miles_for_display
from pahub.places.models import District
from pahub.places.postcodes import InvalidPostcode
from pahub.places.queries import (
    UnknownDistrict,
    distance_between_districts,
    district_by_outcode,
    district_for_postcode,
    districts_within,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcastle_centre() -> District:
    return district_by_outcode("NE1")


@pytest.fixture
def durham_city() -> District:
    return district_by_outcode("DH1")


def test_a_postcode_finds_its_district_and_local_authority(django_assert_num_queries):
    with django_assert_num_queries(1):
        district = district_for_postcode("ne1 4st")
        assert district.outcode == "NE1"
        assert district.local_authority.name == "Newcastle upon Tyne"
    assert district.local_authority.is_spoke


def test_an_outcode_finds_its_district():
    assert district_by_outcode(" dh1 ").local_authority.name == "County Durham"


def test_a_well_formed_postcode_in_no_known_district_is_unknown():
    with pytest.raises(UnknownDistrict) as unknown:
        district_for_postcode("qq1 1aa")
    assert unknown.value.outcode == "QQ1"
    assert unknown.value.message == (
        "We do not recognise the postcode district QQ1. Check the postcode and try again."
    )


def test_an_unknown_district_is_a_lookup_error_not_a_bad_format():
    with pytest.raises(LookupError):
        district_by_outcode("NE0")


def test_zz9_is_not_even_well_formed_because_z_is_never_a_second_letter():
    with pytest.raises(InvalidPostcode):
        district_for_postcode("ZZ9 9ZZ")


def test_a_badly_formed_postcode_is_invalid_before_the_database_is_asked(
    django_assert_num_queries,
):
    with django_assert_num_queries(0), pytest.raises(InvalidPostcode) as invalid:
        district_for_postcode("NE1")
    assert invalid.value.message == "Enter a full UK postcode, like NE1 4ST"


def test_newcastle_centre_is_about_13_miles_from_durham_city(newcastle_centre, durham_city):
    miles = distance_between_districts(newcastle_centre, durham_city)
    assert miles == pytest.approx(13.2787, abs=0.001)
    assert miles_for_display(miles) == "13.3 miles"


def test_a_district_is_no_distance_from_itself(newcastle_centre):
    assert distance_between_districts(newcastle_centre, newcastle_centre) == 0


def test_distance_to_a_district_without_a_centroid_is_not_known(newcastle_centre):
    po_boxes = district_by_outcode("SR43")
    assert distance_between_districts(newcastle_centre, po_boxes) is None
    assert distance_between_districts(po_boxes, newcastle_centre) is None


def test_districts_within_five_miles_of_newcastle_centre(newcastle_centre):
    nearby = [district.outcode for district in districts_within(newcastle_centre, 5)]
    assert nearby[0] == "NE1"
    assert "NE2" in nearby
    assert "DH1" not in nearby


def test_districts_within_are_nearest_first_and_all_within_the_radius(newcastle_centre):
    nearby = districts_within(newcastle_centre, 10)
    distances = [distance_between_districts(newcastle_centre, district) for district in nearby]
    assert distances == sorted(distances)
    assert all(distance <= 10 for distance in distances)


def test_districts_within_finds_the_same_as_checking_every_district(durham_city):
    every_district = District.objects.filter(latitude__isnull=False)
    expected = {
        district.outcode
        for district in every_district
        if distance_between_districts(durham_city, district) <= 12
    }
    assert {district.outcode for district in districts_within(durham_city, 12)} == expected


def test_districts_within_takes_one_query(newcastle_centre, django_assert_num_queries):
    with django_assert_num_queries(1):
        nearby = districts_within(newcastle_centre, 20)
        assert {district.local_authority.name for district in nearby} >= {"Gateshead"}


def test_a_district_without_a_centroid_has_nothing_within_reach():
    assert districts_within(district_by_outcode("SR43"), 50) == []
