"""API: the councils' spokes, under /api/v1/areas/, mirroring the pages.

- `GET /areas`: every council with a spoke, by region (public).
- `GET /areas/{slug}`: one spoke's published page: its own text and who to call, local news,
  courses and meet-ups, the numbers of open jobs and cover requests, and the peer zone's
  address when the person asking may open it (public; 404 for an unknown council or one
  without a spoke). Built by the same presenter as the page, so the two cannot disagree.
"""

from datetime import date, datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Path, Router, Schema, Status

from pahub.core.api_errors import ErrorOut
from pahub.spokes import permissions, presenters, queries
from pahub.support.concerns.contact import GOV_UK_REPORT_URL

router = Router(tags=["areas"])


class SpokeSummaryOut(Schema):
    slug: str
    name: str
    region: str
    url: str
    is_your_area: bool


class SpokeRegionOut(Schema):
    name: str
    spokes: list[SpokeSummaryOut]


class SpokeTeamOut(Schema):
    name: str
    phone: str
    email: str
    hours: str
    url: str


class SpokeSafeguardingOut(Schema):
    phone: str
    email: str
    hours: str
    url: str
    emergency: str = Field(description="Always 999: the number to call when someone is in danger")
    find_your_council_url: str


class SpokeOrganisationOut(Schema):
    directory_service_id: int
    name: str
    organisation: str
    phone: str
    email: str
    website: str
    opening_hours: list[str]
    meets_base_standard: bool


class SpokeContactOut(Schema):
    name: str
    description: str
    phone: str
    email: str
    hours: str
    url: str


class SpokeWhoToCallOut(Schema):
    direct_payment_team: SpokeTeamOut | None
    adult_safeguarding: SpokeSafeguardingOut
    support_organisations: list[SpokeOrganisationOut]
    user_led_organisations: list[SpokeOrganisationOut]
    other_contacts: list[SpokeContactOut]


class SpokeNewsOut(Schema):
    title: str
    body: str
    date: date


class SpokeEventOut(Schema):
    id: int
    title: str
    kind: str
    starts_at: datetime
    where: str
    organisation: str


class SpokeWorkOut(Schema):
    open_jobs: int
    open_cover_requests: int


class SpokePeerZoneOut(Schema):
    name: str
    url: str = Field(description="Empty unless the person asking may open the zone")


class SpokeRuleOut(Schema):
    requirement: str
    reason: str
    explanation: str
    in_force_from: date


class SpokeResourceOut(Schema):
    title: str
    summary: str
    url: str


class SpokeOut(Schema):
    slug: str
    name: str
    region: str
    intro: str
    is_your_area: bool
    published_at: datetime | None
    who_to_call: SpokeWhoToCallOut
    news: list[SpokeNewsOut]
    courses_and_meetups: list[SpokeEventOut]
    work: SpokeWorkOut
    peer_zone: SpokePeerZoneOut | None
    local_rules: list[SpokeRuleOut]
    local_resources: list[SpokeResourceOut]


@router.get(
    "/areas",
    response={200: list[SpokeRegionOut]},
    auth=None,
    summary="Every council with a spoke, by region",
)
def spokes_list(request: HttpRequest):
    your_area = request.user.local_authority_id if request.user.is_authenticated else None
    return Status(
        200,
        [
            {
                "name": region.name,
                "spokes": [
                    {
                        "slug": spoke.slug,
                        "name": spoke.name,
                        "region": spoke.region_name,
                        "url": reverse("spokes:detail", args=[spoke.slug]),
                        "is_your_area": spoke.pk == your_area,
                    }
                    for spoke in region.spokes
                ],
            }
            for region in queries.spokes_by_region()
        ],
    )


@router.get(
    "/areas/{slug}",
    response={200: SpokeOut, 404: ErrorOut},
    auth=None,
    summary="One council's spoke, as published",
)
def spoke_detail(request: HttpRequest, slug: str = Path(..., max_length=110)):
    local_authority = permissions.access_spoke(slug)
    page = presenters.spoke_page(
        local_authority, viewer=request.user, version=queries.published_version(local_authority)
    )
    return Status(200, spoke_out(page))


def organisation_out(row: presenters.LocalOrganisation) -> dict:
    return {
        "directory_service_id": row.service_id,
        "name": row.name,
        "organisation": row.organisation,
        "phone": row.phone,
        "email": row.email,
        "website": row.website,
        "opening_hours": row.hours,
        "meets_base_standard": row.meets_base_standard,
    }


def spoke_out(page: presenters.SpokePage) -> dict:
    who: presenters.WhoToCall = page.section("who-to-call").data
    events: presenters.LocalEvents = page.section("courses-and-meet-ups").data
    work: presenters.WorkCounts = page.section("work").data
    zone_section = page.section("peer-zone")
    rules_section = page.section("local-rules")
    resources: presenters.Resources = page.section("guidance-and-templates").data
    safeguarding = who.safeguarding
    return {
        "slug": page.local_authority.slug,
        "name": page.local_authority.name,
        "region": page.local_authority.region_name,
        "intro": page.intro,
        "is_your_area": page.is_your_area,
        "published_at": page.published_at,
        "who_to_call": {
            "direct_payment_team": vars(who.team) if who.team else None,
            "adult_safeguarding": {
                "phone": safeguarding.phone,
                "email": safeguarding.email,
                "hours": safeguarding.hours,
                "url": safeguarding.url,
                "emergency": "999",
                "find_your_council_url": GOV_UK_REPORT_URL,
            },
            "support_organisations": [organisation_out(row) for row in who.support_organisations],
            "user_led_organisations": [organisation_out(row) for row in who.user_led_organisations],
            "other_contacts": [
                {
                    "name": contact.name,
                    "description": contact.description,
                    "phone": contact.phone,
                    "email": contact.email,
                    "hours": contact.hours,
                    "url": contact.url,
                }
                for contact in who.contacts
            ],
        },
        "news": [
            {"title": item.title, "body": item.body, "date": item.date}
            for item in page.section("news").data
        ],
        "courses_and_meetups": [
            {
                "id": event.event_id,
                "title": event.title,
                "kind": event.kind,
                "starts_at": event.starts_at,
                "where": event.where,
                "organisation": event.organisation,
            }
            for event in events.events
        ],
        "work": {"open_jobs": work.open_jobs, "open_cover_requests": work.open_cover_requests},
        "peer_zone": vars(zone_section.data) if zone_section else None,
        "local_rules": [
            {
                "requirement": rule.title,
                "reason": rule.reason,
                "explanation": rule.explanation,
                "in_force_from": rule.in_force_from,
            }
            for rule in (rules_section.data.rules if rules_section else [])
        ],
        "local_resources": [vars(resource) for resource in resources.local],
    }
