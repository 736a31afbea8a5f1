"""Reading the directory: the public search, one service with everything it shows, and the
lists staff manage and review.

The search is by need, by distance from a postcode district and by council area. Distance is
measured between district centroids (`places.queries.districts_within`, an indexed bounding
box then the exact distance), like the job search. A service is "near" when one of its
locations is in a district within the distance, or when it serves the council area the
searcher is in (a phone line or a home visiting service has no building near you, but is
still yours). Nearest first; the miles of each district are known in Python, so ordering is
a CASE over a few dozen districts in SQL, which keeps pagination and query counts in SQL.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from pahub.directory.models import Location, Need, Organisation, Service, ServiceNeed
from pahub.places.distance import miles_for_display
from pahub.places.models import District, LocalAuthority
from pahub.places.queries import distance_between_districts, districts_within

PAGE_SIZE = 20
DEFAULT_MILES = 10
MAX_MILES = 100
# Services that serve the searcher's area without a location near them sort after every
# service with a location within the distance.
FAR_AWAY = float(MAX_MILES * 10)


@dataclass(frozen=True)
class DirectoryFilters:
    """What someone searched for; every field is optional."""

    need: str = ""
    kind: str = ""
    area: str = ""  # a local authority's GSS code
    origin: District | None = None
    miles: int = DEFAULT_MILES
    text: str = ""


@dataclass
class ServiceSearch:
    services: QuerySet[Service]
    miles_by_district: dict[str, float] = field(default_factory=dict)
    searched_from: str = ""


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    miles: float | None
    nearest: Location | None
    searched_from: str

    @property
    def needs(self) -> list[str]:
        return need_names(self.service)

    @property
    def distance_label(self) -> str:
        if not self.searched_from:
            return ""
        if self.miles is None:
            return f"Serves the area of {self.searched_from}"
        return f"{miles_for_display(self.miles)} from {self.searched_from}"


def area_choices() -> QuerySet[LocalAuthority]:
    """The council areas a service may say it serves: PA Hub's region and every spoke."""
    return LocalAuthority.objects.filter(Q(region_name="North East") | Q(is_spoke=True)).order_by(
        "name"
    )


def approved_services() -> QuerySet[Service]:
    return Service.objects.filter(status=Service.Status.APPROVED)


def districts_by_distance(origin: District, miles: float) -> dict[str, float]:
    """Outcode to unrounded miles, for every district within `miles` of `origin`."""
    distances = {}
    for district in districts_within(origin, miles):
        distance = distance_between_districts(origin, district)
        if distance is not None:
            distances[district.outcode] = distance
    return distances


def miles_case(miles_by_district: dict[str, float]) -> Any:
    return Case(
        *[
            When(district_id=outcode, then=Value(miles))
            for outcode, miles in miles_by_district.items()
        ],
        default=Value(FAR_AWAY),
        output_field=FloatField(),
    )


def search_services(filters: DirectoryFilters) -> ServiceSearch:
    """Approved services matching `filters`: nearest first from a place, else by name."""
    services = approved_services()
    if filters.need:
        services = services.filter(
            pk__in=ServiceNeed.objects.filter(need=filters.need).values("service_id")
        )
    if filters.kind:
        services = services.filter(kind=filters.kind)
    if filters.area:
        services = services.filter(
            pk__in=Service.areas.through.objects.filter(localauthority_id=filters.area).values(
                "service_id"
            )
        )
    if filters.text:
        services = services.filter(
            Q(name__icontains=filters.text)
            | Q(description__icontains=filters.text)
            | Q(organisation__name__icontains=filters.text)
        )
    if filters.origin is None:
        return ServiceSearch(services=services.order_by("name", "pk"))
    miles_by_district = districts_by_distance(filters.origin, filters.miles)
    near = Location.objects.filter(district_id__in=list(miles_by_district)).values("service_id")
    serves_area = Q(pk__in=[])
    if filters.origin.local_authority_id:
        serves_area = Q(
            pk__in=Service.areas.through.objects.filter(
                localauthority_id=filters.origin.local_authority_id
            ).values("service_id")
        )
    nearest_miles = (
        Location.objects.filter(service=OuterRef("pk"), district_id__in=list(miles_by_district))
        .annotate(miles=miles_case(miles_by_district))
        .order_by("miles")
        .values("miles")[:1]
    )
    services = (
        services.filter(Q(pk__in=near) | serves_area)
        .annotate(miles_away=Coalesce(Subquery(nearest_miles), Value(FAR_AWAY)))
        .order_by("miles_away", "name", "pk")
    )
    return ServiceSearch(
        services=services,
        miles_by_district=miles_by_district,
        searched_from=filters.origin.outcode,
    )


def with_list_data(services: QuerySet[Service]) -> QuerySet[Service]:
    """Everything a list row shows, in a fixed number of queries whatever the page size."""
    return services.select_related("organisation").prefetch_related(
        "needs",
        Prefetch("locations", queryset=Location.objects.select_related("district")),
    )


def row_for(service: Service, search: ServiceSearch) -> ServiceRow:
    nearest, nearest_miles = None, None
    for location in service.locations.all():
        miles = search.miles_by_district.get(location.district_id)
        if nearest is None or (
            miles is not None and (nearest_miles is None or miles < nearest_miles)
        ):
            nearest, nearest_miles = location, miles
    return ServiceRow(
        service=service, miles=nearest_miles, nearest=nearest, searched_from=search.searched_from
    )


def page_of_services(search: ServiceSearch, number: Any, *, per_page: int = PAGE_SIZE) -> Page:
    page = Paginator(with_list_data(search.services), per_page).get_page(number)
    page.object_list = [row_for(service, search) for service in page.object_list]
    return page


def service_with_details(service_id: int) -> QuerySet[Service]:
    return (
        Service.objects.filter(pk=service_id)
        .select_related("organisation", "decided_by")
        .prefetch_related(
            "needs",
            "areas",
            "opening_hours",
            Prefetch("locations", queryset=Location.objects.select_related("district")),
        )
    )


def need_names(service: Service) -> list[str]:
    """The needs a service meets, in the order of the list people choose from."""
    labels = dict(Need.choices)
    met = {row.need for row in service.needs.all()}
    return [label for code, label in labels.items() if code in met]


def entries_managed_by(organisation_ids: list[int]) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(managed_by_id__in=organisation_ids)
        .select_related("managed_by")
        .prefetch_related("services")
        .order_by("name")
    )


def pending_services() -> QuerySet[Service]:
    return (
        Service.objects.filter(status=Service.Status.PENDING)
        .select_related("organisation")
        .order_by("created_at", "pk")
    )


def organisations_for_review() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("base_standard_checked_by").order_by("name")


def services_serving_area(local_authority_id: str, kinds: list[str]) -> QuerySet[Service]:
    """Approved services of these kinds that say they serve a council area, with what a "who
    to call" list shows (organisation and opening hours) in a fixed number of queries.
    Organisations checked against the regional base standard come first, then by name."""
    return (
        approved_services()
        .filter(
            kind__in=kinds,
            pk__in=Service.areas.through.objects.filter(
                localauthority_id=local_authority_id
            ).values("service_id"),
        )
        .select_related("organisation")
        .prefetch_related("opening_hours")
        .order_by("-organisation__meets_base_standard", "name", "pk")
    )
