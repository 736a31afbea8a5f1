"""The header's "Need help?" bar, for the person looking: their own local support organisation
and a link to their council's spoke, or PA Hub's own number for people with no area.

Listed in settings after `core.context_processors.site`, so core never imports spokes. One
query at most: the person's council, with its local support organisation and its direct
payment team as subqueries; none for people signed out or with no council.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.db import connections
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse

from pahub.directory.queries import services_serving_area
from pahub.places.models import LocalAuthority
from pahub.spokes.models import SpokeContent
from pahub.spokes.queries import SUPPORT_KINDS


@dataclass(frozen=True)
class LocalSupport:
    area_name: str
    spoke_url: str
    # Who to call first: the support organisation serving the area (the directory), else the
    # spoke's own support line, else the council's direct payment team; empty when none has a
    # phone number yet.
    name: str
    phone: str


# The council's row with its support organisation and team, in the order of `council_row`.
COUNCIL_COLUMNS = (
    "name",
    "slug",
    "support_phone",
    "directory_name",
    "directory_phone",
    "team_name",
    "team_phone",
)


def council_support_query(local_authority_id: str) -> QuerySet:
    support = services_serving_area(local_authority_id, SUPPORT_KINDS).exclude(phone="")
    team = SpokeContent.objects.filter(
        local_authority=OuterRef("pk"), version=SpokeContent.Version.PUBLISHED
    ).exclude(team_phone="")
    return (
        LocalAuthority.objects.filter(pk=local_authority_id, is_spoke=True)
        .annotate(
            directory_name=Subquery(support.values("organisation__name")[:1]),
            directory_phone=Subquery(support.values("phone")[:1]),
            team_name=Subquery(team.values("team_name")[:1]),
            team_phone=Subquery(team.values("team_phone")[:1]),
        )
        .values_list(*COUNCIL_COLUMNS)
        .order_by()[:1]
    )


# Building the query (four subqueries) took some 2.5 ms of Python on every signed-in page,
# five times what the database takes to run it. Its SQL depends only on the council (nothing
# in it may depend on the time of day: it would be frozen), so each process builds it once a
# council; the row itself is read afresh every time.
@lru_cache(maxsize=1024)
def council_support_sql(local_authority_id: str) -> tuple[str, str, tuple]:
    query = council_support_query(local_authority_id)
    return (query.db, *query.query.sql_with_params())


def council_row(local_authority_id: str) -> dict | None:
    database, sql, params = council_support_sql(local_authority_id)
    with connections[database].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return dict(zip(COUNCIL_COLUMNS, row, strict=True)) if row else None


def local_support_for(local_authority_id: str | None) -> LocalSupport | None:
    if not local_authority_id:
        return None
    council = council_row(local_authority_id)
    if council is None:
        return None
    if council["directory_phone"]:
        name, phone = council["directory_name"], council["directory_phone"]
    elif council["support_phone"]:
        # The local support line PA Hub records for the spoke itself (places' data).
        name, phone = f"PA Hub's local support line for {council['name']}", council["support_phone"]
    elif council["team_phone"]:
        name = council["team_name"] or f"{council['name']} direct payment team"
        phone = council["team_phone"]
    else:
        name, phone = "", ""
    return LocalSupport(
        area_name=council["name"],
        spoke_url=reverse("spokes:detail", args=[council["slug"]]),
        name=name,
        phone=phone,
    )


def local_support(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"local_support": None}
    return {"local_support": local_support_for(user.local_authority_id)}
