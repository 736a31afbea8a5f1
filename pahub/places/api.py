"""API: postcode districts, local authorities and distances (open data, no sign-in)."""

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from pahub.core.api_errors import ErrorOut, InputError
from pahub.core.schemas import InputSchema
from pahub.places.models import District
from pahub.places.postcodes import InvalidPostcode
from pahub.places.queries import (
    UnknownDistrict,
    distance_between_districts,
    district_by_outcode,
    spoke_local_authorities,
)

router = Router(tags=["places"])


class LocalAuthorityOut(Schema):
    gss_code: str
    name: str
    region_name: str
    is_spoke: bool


class DistrictOut(Schema):
    outcode: str
    latitude: float | None
    longitude: float | None
    local_authority: LocalAuthorityOut | None


class DistanceQuery(InputSchema):
    from_district: str
    to_district: str


class DistanceOut(Schema):
    from_district: str
    to_district: str
    miles: float | None


def find_district(raw: str, *, field: str) -> District:
    try:
        return district_by_outcode(raw)
    except InvalidPostcode as error:
        raise InputError(field, error.message) from error
    except UnknownDistrict as error:
        raise HttpError(404, error.message) from error


@router.get(
    "/local-authorities",
    response=list[LocalAuthorityOut],
    auth=None,
    summary="Local authorities with a PA Hub spoke",
)
def local_authorities(request: HttpRequest):
    return list(spoke_local_authorities())


@router.get(
    "/districts/{outcode}",
    response={200: DistrictOut, 400: ErrorOut, 404: ErrorOut},
    auth=None,
    summary="A postcode district",
)
def district(request: HttpRequest, outcode: str):
    return find_district(outcode, field="outcode")


@router.get(
    "/distance",
    response={200: DistanceOut, 400: ErrorOut, 404: ErrorOut},
    auth=None,
    summary="Miles between two districts",
)
def distance(request: HttpRequest, query: Query[DistanceQuery]):
    start = find_district(query.from_district, field="from_district")
    end = find_district(query.to_district, field="to_district")
    miles = distance_between_districts(start, end)
    return DistanceOut(
        from_district=start.outcode,
        to_district=end.outcode,
        miles=round(miles, 2) if miles is not None else None,
    )
