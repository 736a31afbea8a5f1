"""Who reads which insights. The only place these rules live: the pages, the downloads, the
monthly report and the API all call `access_scope`.

- A council's commissioners: staff of an organisation of kind local authority whose admin
  switched on "reads insights" for them (`Membership.views_insights`). They read the figures
  for that council's local authorities, one at a time or all together, and for the region
  those are in (every local authority of the region, with the same suppression).
- Nobody else: PAs, employers, other staff and site administrators get 403, and an area
  outside a commissioner's gets 404, so the list of areas reveals nothing.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from pahub.accounts.queries import insights_local_authority_ids
from pahub.insights.scope import Scope
from pahub.places.queries import (
    local_authority_ids_in_region,
    local_authority_names,
    local_authority_regions,
)

if TYPE_CHECKING:
    from pahub.accounts.models import User

ALL_AREAS = "all"
REGION_PREFIX = "region:"
ALL_AREAS_LABEL = "All your areas"


@dataclass(frozen=True)
class AreaChoice:
    value: str  # what `?area=` carries
    label: str


def reads_insights(user: "User") -> bool:
    return bool(insights_local_authority_ids(user))


def access_insights(user: "User") -> frozenset[str]:
    """The local authorities this person reads insights for; 403 for everyone else."""
    # Asked several times a page (the scope, the filter); kept on the user for the request.
    area_ids = getattr(user, "_insights_area_ids", None)
    if area_ids is None:
        area_ids = insights_local_authority_ids(user)
        user._insights_area_ids = area_ids
    if not area_ids:
        raise PermissionDenied("Insights are for council staff who read insights.")
    return area_ids


def area_choices(user: "User") -> list[AreaChoice]:
    """What the area filter offers: all of theirs first, then each council, then the region."""
    area_ids = access_insights(user)
    choices = [AreaChoice(ALL_AREAS, ALL_AREAS_LABEL)]
    choices += [
        AreaChoice(gss_code, name) for gss_code, name in local_authority_names(area_ids).items()
    ]
    choices += [
        AreaChoice(f"{REGION_PREFIX}{region}", f"{region} (the whole region)")
        for region in sorted(local_authority_regions(area_ids))
    ]
    return choices


def access_scope(user: "User", area: str | None, start: date, end: date) -> Scope:
    """The scope a page, download, report or API call covers. 403 for anyone who does not read
    insights; 404 for an area that is not theirs (or does not exist)."""
    area_ids = access_insights(user)
    if not area or area == ALL_AREAS:
        return Scope(local_authority_ids=area_ids, start=start, end=end, label=ALL_AREAS_LABEL)
    if area.startswith(REGION_PREFIX):
        region = area.removeprefix(REGION_PREFIX)
        if region not in local_authority_regions(area_ids):
            raise Http404
        return Scope(
            local_authority_ids=local_authority_ids_in_region(region),
            start=start,
            end=end,
            label=region,
        )
    if area not in area_ids:
        raise Http404
    names = local_authority_names([area])
    return Scope(local_authority_ids=frozenset([area]), start=start, end=end, label=names[area])
