"""Distances between places on the Earth, in miles, for "how far will you travel" questions.

Pure functions over plain floats (degrees, WGS84 latitude and longitude). The Earth is treated
as a sphere of radius 3,958.8 miles, which is accurate to well under 1% and far better than the
postcode-district centroids it is used with.
"""

import math

EARTH_RADIUS_MILES = 3958.8

# Added to every side of a bounding box so that floating-point rounding can never leave out a
# point that is exactly on the circle. A millionth of a degree is about 10 centimetres.
_BOX_MARGIN_DEGREES = 1e-6


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in miles between two points, by the haversine formula."""
    phi1 = math.radians(lat1)
    phi2 = math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    # Rounding can push h a hair above 1 for antipodal points; asin would then fail.
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(1.0, h)))


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """``(min_lat, max_lat, min_lon, max_lon)`` containing every point within ``miles``.

    Meant as a cheap database prefilter before the exact ``miles_between`` check. The latitude
    range is exact. The longitude range is the true widest extent of the circle,
    ``asin(sin(d) / cos(lat))``, which is wider than the naive ``d / cos(lat)`` would suggest
    near the poles. When the circle reaches a pole or crosses the 180th meridian, the box
    takes every longitude rather than wrapping, so a plain ``BETWEEN`` query stays correct.
    """
    if miles < 0:
        raise ValueError("A distance cannot be negative.")
    angle = miles / EARTH_RADIUS_MILES  # angular radius, radians
    dlat = math.degrees(angle)
    min_lat = max(-90.0, lat - dlat - _BOX_MARGIN_DEGREES)
    max_lat = min(90.0, lat + dlat + _BOX_MARGIN_DEGREES)
    whole_world = (-180.0, 180.0)
    if angle >= math.pi / 2 or max_lat >= 90.0 or min_lat <= -90.0:
        return min_lat, max_lat, *whole_world
    ratio = math.sin(angle) / math.cos(math.radians(lat))
    if ratio >= 1:
        return min_lat, max_lat, *whole_world
    dlon = math.degrees(math.asin(ratio)) + _BOX_MARGIN_DEGREES
    min_lon = lon - dlon
    max_lon = lon + dlon
    if min_lon < -180.0 or max_lon > 180.0:
        return min_lat, max_lat, *whole_world
    return min_lat, max_lat, min_lon, max_lon


def miles_for_display(miles: float | None) -> str:
    """A distance as people read it: ``"14.2 miles"``, ``"1 mile"``, ``"distance not known"``.

    Rounding to a tenth of a mile happens only here, never in stored or compared values.
    """
    if miles is None:
        return "distance not known"
    rounded = round(miles, 1)
    number = f"{rounded:,.1f}".removesuffix(".0")
    return f"{number} mile" if number == "1" else f"{number} miles"
