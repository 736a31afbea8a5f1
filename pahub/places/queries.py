"""Reading places: looking districts up from what people type, and distances between them."""

from collections.abc import Iterable

from django.db.models import QuerySet

from pahub.places.distance import bounding_box, miles_between
from pahub.places.models import District, LocalAuthority
from pahub.places.postcodes import normalise_outcode, outcode_of


class UnknownDistrict(LookupError):
    """The postcode is well formed but its district is not in our data."""

    def __init__(self, outcode: str) -> None:
        self.outcode = outcode
        self.message = (
            f"We do not recognise the postcode district {outcode}. "
            "Check the postcode and try again."
        )
        super().__init__(self.message)


def district_by_outcode(raw: str) -> District:
    """The district for ``raw`` (like "ne1"); raises InvalidPostcode or UnknownDistrict."""
    outcode = normalise_outcode(raw)
    try:
        return District.objects.select_related("local_authority").get(outcode=outcode)
    except District.DoesNotExist:
        raise UnknownDistrict(outcode) from None


def district_for_postcode(raw: str) -> District:
    """District of a full postcode, like "ne1 4st"; raises InvalidPostcode or UnknownDistrict."""
    return district_by_outcode(outcode_of(raw))


def _centroid(district: District) -> tuple[float, float] | None:
    if district.latitude is None or district.longitude is None:
        return None
    return district.latitude, district.longitude


def distance_between_districts(a: District, b: District) -> float | None:
    """Miles between two district centroids, unrounded; None if either has no centroid.

    Use ``distance.miles_for_display`` to show it.
    """
    centroid_a, centroid_b = _centroid(a), _centroid(b)
    if centroid_a is None or centroid_b is None:
        return None
    return miles_between(*centroid_a, *centroid_b)


def districts_within(district: District, miles: float) -> list[District]:
    """Districts whose centroids are within ``miles`` of this one's, nearest first.

    A list rather than a QuerySet, because the exact distance is checked in Python after an
    indexed bounding-box query narrows ~2,900 districts to a few dozen. Includes the district
    itself (0 miles). Ties are broken by outcode, so the order is stable. A district without a
    centroid is near nothing, so gets an empty list.
    """
    centre = _centroid(district)
    if centre is None:
        return []
    min_lat, max_lat, min_lon, max_lon = bounding_box(*centre, miles)
    candidates = District.objects.select_related("local_authority").filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
    )
    nearby: list[tuple[float, str, District]] = []
    for candidate in candidates:
        distance = distance_between_districts(district, candidate)
        if distance is not None and distance <= miles:
            nearby.append((distance, candidate.outcode, candidate))
    nearby.sort(key=lambda item: item[:2])
    return [candidate for _, _, candidate in nearby]


def spoke_local_authorities() -> QuerySet[LocalAuthority]:
    """The local authorities where PA Hub runs a spoke, by name."""
    return LocalAuthority.objects.filter(is_spoke=True).order_by("name")


def local_authority_by_slug(slug: str) -> LocalAuthority:
    """The council at /areas/<slug>/; any council, spoke or not (404 when unknown)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(LocalAuthority, slug=slug)


def local_authority_names(gss_codes: Iterable[str]) -> dict[str, str]:
    """The names of these local authorities, by GSS code, in name order."""
    return dict(
        LocalAuthority.objects.filter(gss_code__in=list(gss_codes))
        .order_by("name")
        .values_list("gss_code", "name")
    )


def local_authority_regions(gss_codes: Iterable[str]) -> set[str]:
    """The regions these local authorities are in."""
    return set(
        LocalAuthority.objects.filter(gss_code__in=list(gss_codes)).values_list(
            "region_name", flat=True
        )
    )


def local_authority_ids_in_region(region_name: str) -> frozenset[str]:
    return frozenset(
        LocalAuthority.objects.filter(region_name=region_name).values_list("gss_code", flat=True)
    )
