"""Open Referral UK, under /api/v1/directory/openreferral/: PA Hub's directory for any
consumer of the UK profile of HSDS 3.0.

The endpoints the profile's `openapi.json` defines, all public GETs (its compliance rules
require no key, and `Access-Control-Allow-Origin: *` on every answer):

- `/` : the API's version and profile;
- `/services` (search, taxonomy_term_id, taxonomy_id, day, start_time, end_time, paged) and
  `/services/{id}`, fully nested;
- `/service_at_locations` (the same filters, and postcode with proximity in metres) and
  `/service_at_locations/{id}`;
- `/taxonomies`, `/taxonomies/{id}`, `/taxonomy_terms`, `/taxonomy_terms/{id}`;
- `/organizations` and `/organizations/{id}`, from HSDS itself (the UK profile leaves them
  out; a publisher may offer more endpoints).

Lists are paged in HSDS's envelope: `total_items`, `total_pages`, `page_number`, `size`,
`first_page`, `last_page`, `empty` and `contents`. The profile's age filters are accepted and
match nothing out: PA Hub's services are for adults and record no ages.
"""

import math
import uuid
from collections.abc import Callable, Sequence
from datetime import time
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from ninja import Field, Path, Query, Router
from pydantic import field_validator

from pahub.core.api_errors import InputError
from pahub.core.schemas import InputSchema
from pahub.directory.models import Location, OpeningHours, Organisation, Service, ServiceNeed
from pahub.directory.openreferral import mapping
from pahub.directory.queries import approved_services, districts_by_distance
from pahub.places.postcodes import InvalidPostcode, normalise_postcode_or_outcode
from pahub.places.queries import UnknownDistrict, district_by_outcode

router = Router(tags=["Open Referral UK"])
PREFIX = "/directory/openreferral"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
METRES_PER_MILE = 1609.344
MAX_PROXIMITY_METRES = 200_000


class OpenReferralPageQuery(InputSchema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1")
    per_page: int = Field(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Up to 500")


class ServiceQuery(OpenReferralPageQuery):
    search: str = Field("", max_length=100, description="Words in the name or description")
    taxonomy_term_id: str = Field("", max_length=40)
    taxonomy_id: str = Field("", max_length=40)
    minimum_age: float | None = Field(None, ge=0, le=150)
    maximum_age: float | None = Field(None, ge=0, le=150)
    start_time: time | None = Field(None, description="Open at or after, like 09:00")
    end_time: time | None = Field(None, description="Closing at or before, like 17:00")
    day: str = Field("", max_length=10, description="MO, TU, WE, TH, FR, SA or SU")

    @field_validator("start_time", "end_time")
    @classmethod
    def local_time_only(cls, value: time | None) -> time | None:
        # Opening hours are the local time on the door; a time with a zone cannot be compared.
        if value is not None and value.tzinfo is not None:
            raise ValueError("Give a local time like 09:00, without a time zone")
        return value


class ServiceAtLocationQuery(ServiceQuery):
    postcode: str = Field("", max_length=10, description="A postcode or postcode district")
    proximity: str = Field("", max_length=10, description="Metres from the postcode's centre")


def answer(body: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        body, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def paged(
    items: QuerySet | Sequence, query: OpenReferralPageQuery, shape: Callable[[Any], dict]
) -> JsonResponse:
    total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, math.ceil(total / query.per_page))
    start = (query.page - 1) * query.per_page
    contents = [shape(item) for item in items[start : start + query.per_page]]
    return answer(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": query.page,
            "size": len(contents),
            "first_page": query.page == 1,
            "last_page": query.page >= pages,
            "empty": total == 0,
            "contents": contents,
        }
    )


def uuid_or_404(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise Http404 from None


def listed_services(query: ServiceQuery) -> QuerySet[Service]:
    services = approved_services()
    if query.search.strip():
        services = services.filter(name__icontains=query.search.strip()) | services.filter(
            description__icontains=query.search.strip()
        )
    if query.taxonomy_term_id:
        found = mapping.term_filter(query.taxonomy_term_id)
        if found is None:
            return services.none()
        what, code = found
        if what == "need":
            services = services.filter(
                pk__in=ServiceNeed.objects.filter(need=code).values("service_id")
            )
        else:
            services = services.filter(kind=code)
    if query.taxonomy_id:
        if query.taxonomy_id == mapping.NEEDS_TAXONOMY_ID:
            services = services.filter(pk__in=ServiceNeed.objects.values("service_id"))
        elif query.taxonomy_id != mapping.KINDS_TAXONOMY_ID:
            return services.none()
    hours = OpeningHours.objects.all()
    if query.day:
        code = query.day.strip().upper()[:2]
        if code not in mapping.DAY_CODES:
            raise InputError("day", "Give the day as MO, TU, WE, TH, FR, SA or SU")
        hours = hours.filter(day=mapping.DAY_CODES.index(code))
    if query.start_time is not None:
        hours = hours.filter(opens_at__gte=query.start_time)
    if query.end_time is not None:
        hours = hours.filter(closes_at__lte=query.end_time)
    if query.day or query.start_time is not None or query.end_time is not None:
        services = services.filter(pk__in=hours.values("service_id"))
    return services.select_related("organisation").order_by("name", "pk")


def full_services(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organisation").prefetch_related(
        "needs",
        "areas",
        "opening_hours",
        "locations__district__local_authority",
    )


@router.get(
    PREFIX,
    auth=None,
    url_name="openreferral_info",
    summary="Open Referral UK: about this API",
)
def openreferral_info(request: HttpRequest):
    return answer(
        {
            "version": mapping.HSDS_VERSION,
            "profile": mapping.PROFILE_URL,
            "openapi_url": mapping.OPENAPI_URL,
        }
    )


@router.get(
    f"{PREFIX}/services",
    auth=None,
    url_name="openreferral_services",
    summary="Open Referral UK: services",
)
def openreferral_services(request: HttpRequest, query: Query[ServiceQuery]):
    return paged(listed_services(query), query, mapping.service_brief)


@router.get(
    f"{PREFIX}/services/{{service_id}}",
    auth=None,
    url_name="openreferral_service",
    summary="Open Referral UK: one service, fully nested",
)
def openreferral_service(request: HttpRequest, service_id: str = Path(..., max_length=40)):
    found = full_services(approved_services().filter(uuid=uuid_or_404(service_id))).first()
    if found is None:
        raise Http404
    return answer(mapping.service_full(found))


def listed_locations(query: ServiceAtLocationQuery) -> QuerySet[Location]:
    services = listed_services(query)
    locations = Location.objects.filter(service__in=services.values("pk"))
    if query.proximity and not query.postcode:
        raise InputError("postcode", "Give a postcode to search within a proximity")
    if query.postcode:
        try:
            _, outcode = normalise_postcode_or_outcode(query.postcode)
            origin = district_by_outcode(outcode)
        except (InvalidPostcode, UnknownDistrict) as error:
            raise InputError("postcode", error.message) from None
        metres = 10 * METRES_PER_MILE
        if query.proximity:
            try:
                metres = float(query.proximity)
            except ValueError:
                raise InputError("proximity", "Give the proximity in metres, like 5000") from None
            if not 0 < metres <= MAX_PROXIMITY_METRES:
                raise InputError(
                    "proximity", f"Give a proximity between 1 and {MAX_PROXIMITY_METRES} metres"
                )
        near = districts_by_distance(origin, metres / METRES_PER_MILE)
        locations = locations.filter(district_id__in=list(near))
    return locations.select_related("service__organisation", "district__local_authority").order_by(
        "service__name", "pk"
    )


@router.get(
    f"{PREFIX}/service_at_locations",
    auth=None,
    url_name="openreferral_service_at_locations",
    summary="Open Referral UK: services at locations",
)
def openreferral_service_at_locations(request: HttpRequest, query: Query[ServiceAtLocationQuery]):
    return paged(
        listed_locations(query),
        query,
        lambda location: mapping.service_at_location_record(location, with_service=True),
    )


@router.get(
    f"{PREFIX}/service_at_locations/{{service_at_location_id}}",
    auth=None,
    url_name="openreferral_service_at_location",
    summary="Open Referral UK: one service at a location",
)
def openreferral_service_at_location(
    request: HttpRequest, service_at_location_id: str = Path(..., max_length=40)
):
    wanted = str(uuid_or_404(service_at_location_id))
    # The identifier is derived from the location's own, so it is found by the locations of
    # approved services: there is one per service and place, a few at most per service.
    locations = Location.objects.filter(service__status=Service.Status.APPROVED).select_related(
        "service__organisation", "district__local_authority"
    )
    for location in locations.iterator(chunk_size=1000):
        if mapping.service_at_location_id(location) == wanted:
            return answer(mapping.service_at_location_record(location, with_service=True))
    raise Http404


@router.get(
    f"{PREFIX}/taxonomies",
    auth=None,
    url_name="openreferral_taxonomies",
    summary="Open Referral UK: taxonomies",
)
def openreferral_taxonomies(request: HttpRequest, query: Query[OpenReferralPageQuery]):
    return paged(mapping.TAXONOMIES, query, dict)


@router.get(
    f"{PREFIX}/taxonomies/{{taxonomy_id}}",
    auth=None,
    url_name="openreferral_taxonomy",
    summary="Open Referral UK: one taxonomy",
)
def openreferral_taxonomy(request: HttpRequest, taxonomy_id: str = Path(..., max_length=40)):
    taxonomy = mapping.TAXONOMIES_BY_ID.get(taxonomy_id)
    if taxonomy is None:
        raise Http404
    return answer(taxonomy)


@router.get(
    f"{PREFIX}/taxonomy_terms",
    auth=None,
    url_name="openreferral_taxonomy_terms",
    summary="Open Referral UK: taxonomy terms",
)
def openreferral_taxonomy_terms(request: HttpRequest, query: Query[OpenReferralPageQuery]):
    return paged(mapping.taxonomy_terms(), query, dict)


@router.get(
    f"{PREFIX}/taxonomy_terms/{{term_id}}",
    auth=None,
    url_name="openreferral_taxonomy_term",
    summary="Open Referral UK: one taxonomy term",
)
def openreferral_taxonomy_term(request: HttpRequest, term_id: str = Path(..., max_length=40)):
    term = mapping.TERMS_BY_ID.get(term_id)
    if term is None:
        raise Http404
    return answer(term)


def listed_organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(services__status=Service.Status.APPROVED)
        .distinct()
        .order_by("name", "pk")
    )


@router.get(
    f"{PREFIX}/organizations",
    auth=None,
    url_name="openreferral_organizations",
    summary="Open Referral UK: organisations",
)
def openreferral_organizations(request: HttpRequest, query: Query[OpenReferralPageQuery]):
    return paged(listed_organisations(), query, mapping.organization_brief)


@router.get(
    f"{PREFIX}/organizations/{{organization_id}}",
    auth=None,
    url_name="openreferral_organization",
    summary="Open Referral UK: one organisation and its services",
)
def openreferral_organization(
    request: HttpRequest, organization_id: str = Path(..., max_length=40)
):
    organisation = listed_organisations().filter(uuid=uuid_or_404(organization_id)).first()
    if organisation is None:
        raise Http404
    services = list(
        approved_services().filter(organisation=organisation).select_related("organisation")
    )
    return answer(mapping.organization_full(organisation, services))
