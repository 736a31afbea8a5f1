"""Reading spokes: the list by region, one council's published or draft content, its news,
and finding someone's area from a postcode district."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from pahub.directory.models import Service
from pahub.places.models import LocalAuthority
from pahub.places.queries import district_by_outcode, spoke_local_authorities
from pahub.spokes.models import NewsItem, SpokeContact, SpokeContent

NEWS_ON_PAGE = 10
# The directory's kinds of organisation a spoke lists under "who to call".
SUPPORT_KINDS = [Service.Kind.SUPPORT_AGENCY]
USER_LED_KINDS = [Service.Kind.USER_LED]


@dataclass(frozen=True)
class Region:
    name: str
    spokes: list[LocalAuthority]


def spokes_by_region() -> list[Region]:
    """Every council with a spoke, grouped by region, regions and councils by name."""
    regions: dict[str, list[LocalAuthority]] = {}
    for spoke in spoke_local_authorities().order_by("region_name", "name"):
        regions.setdefault(spoke.region_name, []).append(spoke)
    return [Region(name=name, spokes=spokes) for name, spokes in regions.items()]


def spoke_for_district(typed: str) -> tuple[str, LocalAuthority | None]:
    """The outcode and the council of a postcode district someone typed (None for a PO box
    district); whether the council has a spoke is for the caller to say. Raises
    InvalidPostcode or UnknownDistrict, each with a message to show."""
    district = district_by_outcode(typed)
    return district.outcode, district.local_authority


@dataclass(frozen=True)
class Version:
    """One version of a spoke's own text and its contacts, saved or not yet saved."""

    content: SpokeContent | None
    contacts: list[SpokeContact]


def _version(local_authority: LocalAuthority, version: str) -> SpokeContent | None:
    return (
        SpokeContent.objects.filter(local_authority=local_authority, version=version)
        .prefetch_related("contacts")
        .first()
    )


def published_version(local_authority: LocalAuthority) -> Version:
    content = _version(local_authority, SpokeContent.Version.PUBLISHED)
    return Version(content=content, contacts=list(content.contacts.all()) if content else [])


def draft_version(local_authority: LocalAuthority) -> Version:
    """The draft staff edit and preview; until they first change something, the draft is the
    published version itself."""
    draft = _version(local_authority, SpokeContent.Version.DRAFT)
    if draft is None:
        return published_version(local_authority)
    return Version(content=draft, contacts=list(draft.contacts.all()))


def has_unpublished_changes(local_authority: LocalAuthority) -> bool:
    """Whether the draft was saved after the last publish (or was never published)."""
    published_at = Subquery(
        SpokeContent.objects.filter(
            local_authority=OuterRef("local_authority"), version=SpokeContent.Version.PUBLISHED
        ).values("published_at")[:1]
    )
    draft = (
        SpokeContent.objects.filter(
            local_authority=local_authority, version=SpokeContent.Version.DRAFT
        )
        .annotate(last_published=published_at)
        .values("updated_at", "last_published")
        .first()
    )
    if draft is None:
        return False
    return draft["last_published"] is None or draft["updated_at"] > draft["last_published"]


def published_news(local_authority: LocalAuthority, *, limit: int = NEWS_ON_PAGE) -> list[NewsItem]:
    return list(
        NewsItem.objects.filter(local_authority=local_authority, is_published=True).order_by(
            "-date", "-pk"
        )[:limit]
    )


def news_for_editor(local_authority: LocalAuthority) -> list[NewsItem]:
    return list(NewsItem.objects.filter(local_authority=local_authority).order_by("-date", "-pk"))
