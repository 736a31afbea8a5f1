"""Distances in miles and the bounding boxes used to prefilter them (pure, no database)."""

import math

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from pahub.places.distance import (
    EARTH_RADIUS_MILES,
    bounding_box,
    miles_between,
    miles_for_display,
)

latitudes = st.floats(min_value=-90, max_value=90)
longitudes = st.floats(min_value=-180, max_value=180)
radii = st.floats(min_value=0, max_value=3000)

NE1 = (54.97241, -1.61154)
DH1 = (54.78206, -1.56551)


def _destination(lat: float, lon: float, bearing: float, miles: float) -> tuple[float, float]:
    """The point ``miles`` from (lat, lon) on a bearing, with longitude kept in -180..180."""
    phi1, lambda1 = math.radians(lat), math.radians(lon)
    theta, delta = math.radians(bearing), miles / EARTH_RADIUS_MILES
    phi2 = math.asin(
        max(
            -1.0,
            min(
                1.0,
                math.sin(phi1) * math.cos(delta)
                + math.cos(phi1) * math.sin(delta) * math.cos(theta),
            ),
        )
    )
    lambda2 = lambda1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    lon2 = (math.degrees(lambda2) + 540) % 360 - 180
    return math.degrees(phi2), lon2


def _inside(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    min_lat, max_lat, min_lon, max_lon = box
    return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon


@given(latitudes, longitudes, radii, st.floats(0, 360), st.floats(0, 1))
@example(0.0, 179.99, 10.0, 90.0, 1.0)  # crosses the 180th meridian
@example(89.9, 0.0, 50.0, 0.0, 1.0)  # reaches the North Pole
@example(80.0, 10.0, 600.0, 90.0, 1.0)  # high latitude: widest longitude is not due east
def test_every_point_within_the_radius_lies_in_the_bounding_box(lat, lon, miles, bearing, share):
    point = _destination(lat, lon, bearing, miles * share)
    assume(miles_between(lat, lon, *point) <= miles)
    assert _inside(bounding_box(lat, lon, miles), *point)


@given(latitudes, longitudes, radii, latitudes, longitudes)
def test_any_point_within_the_radius_lies_in_the_bounding_box(lat, lon, miles, lat2, lon2):
    if miles_between(lat, lon, lat2, lon2) <= miles:
        assert _inside(bounding_box(lat, lon, miles), lat2, lon2)


@given(latitudes, longitudes, radii)
def test_the_bounding_box_stays_on_the_globe_and_contains_its_centre(lat, lon, miles):
    min_lat, max_lat, min_lon, max_lon = box = bounding_box(lat, lon, miles)
    assert -90 <= min_lat <= max_lat <= 90
    assert -180 <= min_lon <= max_lon <= 180
    assert _inside(box, lat, lon)


def test_a_small_box_in_the_north_east_is_not_the_whole_world():
    min_lat, max_lat, min_lon, max_lon = bounding_box(*NE1, 5)
    assert max_lat - min_lat == pytest.approx(0.1447, abs=0.001)
    assert 0.2 < max_lon - min_lon < 0.3


def test_a_negative_radius_is_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        bounding_box(*NE1, -1)


@given(latitudes, longitudes, latitudes, longitudes)
def test_distance_is_symmetric_and_never_negative(lat1, lon1, lat2, lon2):
    there = miles_between(lat1, lon1, lat2, lon2)
    back = miles_between(lat2, lon2, lat1, lon1)
    assert there == pytest.approx(back, abs=1e-6)
    assert 0 <= there <= math.pi * EARTH_RADIUS_MILES + 1e-6


def test_a_place_is_no_distance_from_itself():
    assert miles_between(*NE1, *NE1) == 0


def test_newcastle_city_centre_is_about_13_miles_from_durham():
    assert miles_between(*NE1, *DH1) == pytest.approx(13.28, abs=0.01)


def test_london_to_edinburgh_is_about_332_miles():
    assert miles_between(51.5074, -0.1278, 55.9533, -3.1883) == pytest.approx(332, abs=2)


@pytest.mark.parametrize(
    ("miles", "shown"),
    [
        (None, "distance not known"),
        (0.0, "0 miles"),
        (0.04, "0 miles"),
        (0.06, "0.1 miles"),
        (1.0, "1 mile"),
        (1.04, "1 mile"),
        (13.2787, "13.3 miles"),
        (1234.56, "1,234.6 miles"),
    ],
)
def test_distances_are_shown_to_a_tenth_of_a_mile(miles, shown):
    assert miles_for_display(miles) == shown
