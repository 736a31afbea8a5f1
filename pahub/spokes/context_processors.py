"""The header's "Need help?" bar, for the person looking: their own local support organisation
and a link to their council's spoke, or PA Hub's own number for people with no area.

Listed in settings after `core.context_processors.site`, so core never imports spokes. One
query at most: the person's council, with its local support organisation and its direct
payment team as subqueries; none for people signed out or with no council.
"""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
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


def local_support_for(local_authority_id: str | None) -> LocalSupport | None:
    if not local_authority_id:
        return None
    support = services_serving_area(local_authority_id, SUPPORT_KINDS).exclude(phone="")
    team = SpokeContent.objects.filter(
        local_authority=OuterRef("pk"), version=SpokeContent.Version.PUBLISHED
    ).exclude(team_phone="")
    council = (
        LocalAuthority.objects.filter(pk=local_authority_id, is_spoke=True)
        .annotate(
            directory_name=Subquery(support.values("organisation__name")[:1]),
            directory_phone=Subquery(support.values("phone")[:1]),
            team_name=Subquery(team.values("team_name")[:1]),
            team_phone=Subquery(team.values("team_phone")[:1]),
        )
        .values(
            "name",
            "slug",
            "support_phone",
            "directory_name",
            "directory_phone",
            "team_name",
            "team_phone",
        )
        .first()
    )
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
