"""What a spoke page shows, as a list of sections: the page, the preview and the API all build
it here, so they cannot disagree.

Each section is made by one builder, a function from `SpokeView` (the council, who is looking,
and which version of the spoke's own text) to a `SpokeSection`, or None to leave the section
out. The page draws the sections in the order of `SECTION_BUILDERS`, each with its own
template. To add a section (the council's local rules, its local resources from the library),
write a builder that reads the other app's query functions and put it in the list: the view,
the preview and the contents list at the top of the page pick it up with no other change.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.http import urlencode

from pahub.accounts.models import User
from pahub.community.forum.queries import area_zone_of
from pahub.community.permissions import may_see_zone
from pahub.cover.queries import open_cover_request_count_in_area
from pahub.directory.models import Service
from pahub.directory.queries import services_serving_area
from pahub.jobs.queries import open_job_count_in_area
from pahub.learning.events.queries import listed_events_in_area
from pahub.learning.models import Event
from pahub.library.queries import local_resources
from pahub.places.models import LocalAuthority
from pahub.rules.permissions import may_manage_rules
from pahub.rules.presenters import RuleView, rule_views
from pahub.rules.queries import rules_in_force
from pahub.spokes.models import NewsItem, SpokeContact
from pahub.spokes.queries import (
    SUPPORT_KINDS,
    USER_LED_KINDS,
    Version,
    published_news,
)
from pahub.support.concerns.contact import SafeguardingContact, contact_for

EVENTS_ON_PAGE = 5


@dataclass(frozen=True)
class SpokeView:
    """Everything a builder may need: whose spoke, who is looking, which version of the text."""

    local_authority: LocalAuthority
    viewer: User
    version: Version
    now: datetime


@dataclass(frozen=True)
class SpokeSection:
    key: str  # the section's id on the page, for the contents list
    title: str
    template: str
    data: Any  # what the template shows, also what the API answers with


SectionBuilder = Callable[[SpokeView], SpokeSection | None]


# Who to call.


@dataclass(frozen=True)
class Team:
    name: str
    phone: str
    email: str
    hours: str
    url: str


@dataclass(frozen=True)
class LocalOrganisation:
    """A support organisation or user-led organisation serving the area, from the directory."""

    service_id: int
    kind: str
    name: str
    organisation: str
    phone: str
    email: str
    website: str
    hours: list[str]
    meets_base_standard: bool


@dataclass(frozen=True)
class WhoToCall:
    team: Team | None
    safeguarding: SafeguardingContact
    support_organisations: list[LocalOrganisation]
    user_led_organisations: list[LocalOrganisation]
    contacts: list[SpokeContact]


def local_organisation(service: Service) -> LocalOrganisation:
    return LocalOrganisation(
        service_id=service.pk,
        kind=service.kind,
        name=service.name,
        organisation=service.organisation.name,
        phone=service.phone or service.organisation.phone,
        email=service.email or service.organisation.email,
        website=service.website or service.organisation.website,
        hours=[
            f"{opening.get_day_display()}: {time_format(opening.opens_at, 'g:i a')} to "
            f"{time_format(opening.closes_at, 'g:i a')}"
            for opening in service.opening_hours.all()
        ],
        meets_base_standard=service.organisation.meets_base_standard,
    )


def who_to_call(spoke: SpokeView) -> SpokeSection:
    content = spoke.version.content
    team = None
    if content is not None and content.has_team:
        team = Team(
            name=content.team_name or f"{spoke.local_authority.name} direct payment team",
            phone=content.team_phone,
            email=content.team_email,
            hours=content.team_hours,
            url=content.team_url,
        )
    organisations = [
        local_organisation(service)
        for service in services_serving_area(
            spoke.local_authority.pk, [*SUPPORT_KINDS, *USER_LED_KINDS]
        )
    ]
    return SpokeSection(
        key="who-to-call",
        title="Who to call",
        template="spokes/sections/who_to_call.html",
        data=WhoToCall(
            team=team,
            safeguarding=contact_for(spoke.local_authority),
            support_organisations=[row for row in organisations if row.kind in SUPPORT_KINDS],
            user_led_organisations=[row for row in organisations if row.kind in USER_LED_KINDS],
            contacts=spoke.version.contacts,
        ),
    )


# Local news.


def local_news(spoke: SpokeView) -> SpokeSection:
    items: list[NewsItem] = published_news(spoke.local_authority)
    return SpokeSection(
        key="news", title="Local news", template="spokes/sections/news.html", data=items
    )


# Courses and meet-ups.


@dataclass(frozen=True)
class LocalEvent:
    event_id: int
    title: str
    kind: str
    starts_at: datetime
    where: str
    organisation: str


@dataclass(frozen=True)
class LocalEvents:
    events: list[LocalEvent]
    more_url: str


def courses_and_meetups(spoke: SpokeView) -> SpokeSection:
    events = listed_events_in_area(spoke.local_authority.pk, now=spoke.now)[:EVENTS_ON_PAGE]
    rows = [
        LocalEvent(
            event_id=event.pk,
            title=event.title,
            kind=event.get_kind_display(),
            starts_at=event.starts_at,
            where=(
                "Online"
                if event.format == Event.Format.ONLINE
                else f"{event.venue or 'In person'}, {event.district_id}"
                if event.district_id
                else "In person"
            ),
            organisation=event.organisation.name,
        )
        for event in events
    ]
    more_url = (
        f"{reverse('learning:event_list')}?{urlencode({'where': spoke.local_authority.name})}"
    )
    return SpokeSection(
        key="courses-and-meet-ups",
        title="Courses and meet-ups",
        template="spokes/sections/events.html",
        data=LocalEvents(events=rows, more_url=more_url),
    )


# Work in the area: numbers only, nothing about who is hiring or where.


@dataclass(frozen=True)
class WorkCounts:
    open_jobs: int
    open_cover_requests: int


def work_in_area(spoke: SpokeView) -> SpokeSection:
    return SpokeSection(
        key="work",
        title="Work for PAs in the area",
        template="spokes/sections/work.html",
        data=WorkCounts(
            open_jobs=open_job_count_in_area(spoke.local_authority.pk),
            open_cover_requests=open_cover_request_count_in_area(
                spoke.local_authority.pk, now=spoke.now
            ),
        ),
    )


# The council's peer zone in the community.


@dataclass(frozen=True)
class PeerZone:
    name: str
    url: str  # empty when the viewer may not open it


def peer_zone(spoke: SpokeView) -> SpokeSection | None:
    zone = area_zone_of(spoke.local_authority.pk)
    if zone is None:
        return None
    visible = spoke.viewer.is_authenticated and may_see_zone(spoke.viewer, zone)
    return SpokeSection(
        key="peer-zone",
        title="Talk to people nearby",
        template="spokes/sections/peer_zone.html",
        data=PeerZone(
            name=zone.name, url=reverse("community:zone", args=[zone.slug]) if visible else ""
        ),
    )


# The council's local rules (pahub.rules): what it asks of the jobs it pays for.


@dataclass(frozen=True)
class LocalRules:
    rules: list[RuleView]
    list_url: str
    manage_url: str  # empty unless the viewer may change the council's rules


def local_rules(spoke: SpokeView) -> SpokeSection | None:
    council = spoke.local_authority
    may_manage = may_manage_rules(spoke.viewer, council)
    rules = rule_views(rules_in_force(council.pk), today=timezone.localdate(spoke.now))
    if not rules and not may_manage:
        return None
    return SpokeSection(
        key="local-rules",
        title="Local rules for jobs paid by the council",
        template="spokes/sections/local_rules.html",
        data=LocalRules(
            rules=rules,
            list_url=reverse("rules:list", args=[council.slug]),
            manage_url=reverse("rules:manage", args=[council.slug]) if may_manage else "",
        ),
    )


# Guidance and templates: the council's own additions to the library, and the templates that
# fill themselves from an employer's job.

# The templates employers reach for first, in the order they need them.
KEY_TEMPLATES = (
    ("contract-of-employment", "Contract of employment"),
    ("job-description", "Job description"),
    ("job-advert", "Job advert"),
    ("timesheet", "Timesheet"),
)


@dataclass(frozen=True)
class LocalResource:
    title: str
    summary: str
    url: str


@dataclass(frozen=True)
class Resources:
    local: list[LocalResource]
    templates: list[tuple[str, str]]  # (name, its page, which offers to fill it from a job)
    library_url: str


def guidance_and_templates(spoke: SpokeView) -> SpokeSection:
    return SpokeSection(
        key="guidance-and-templates",
        title="Guidance and templates",
        template="spokes/sections/resources.html",
        data=Resources(
            local=[
                LocalResource(
                    title=resource.title,
                    summary=resource.summary,
                    url=reverse("library:detail", args=[resource.slug]),
                )
                for resource in local_resources(spoke.local_authority.pk)
            ],
            templates=[
                (name, reverse("library:detail", args=[slug])) for slug, name in KEY_TEMPLATES
            ],
            library_url=reverse("library:home"),
        ),
    )


# The page, in order.
SECTION_BUILDERS: list[SectionBuilder] = [
    who_to_call,
    local_news,
    local_rules,
    guidance_and_templates,
    courses_and_meetups,
    work_in_area,
    peer_zone,
]


@dataclass
class SpokePage:
    local_authority: LocalAuthority
    intro: str
    is_your_area: bool
    published_at: datetime | None
    sections: list[SpokeSection] = field(default_factory=list)

    def section(self, key: str) -> SpokeSection | None:
        return next((section for section in self.sections if section.key == key), None)


def spoke_page(
    local_authority: LocalAuthority,
    *,
    viewer: User,
    version: Version,
    now: datetime | None = None,
) -> SpokePage:
    spoke = SpokeView(
        local_authority=local_authority,
        viewer=viewer,
        version=version,
        now=now or timezone.now(),
    )
    sections = [section for build in SECTION_BUILDERS if (section := build(spoke)) is not None]
    content = version.content
    return SpokePage(
        local_authority=local_authority,
        intro=content.intro if content is not None else "",
        is_your_area=is_your_area(viewer, local_authority),
        published_at=content.published_at if content is not None else None,
        sections=sections,
    )


def is_your_area(viewer: User, local_authority: LocalAuthority) -> bool:
    return viewer.is_authenticated and viewer.local_authority_id == local_authority.pk
