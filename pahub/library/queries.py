"""Reading the library: the one search every page and the API use, the spoke page's local
resources, versions, and the lists staff manage.

Search is PostgreSQL full-text where the database is PostgreSQL: a generated, weighted
`tsvector` column (title A, summary and tags B, body C; migration 0002) with a GIN index,
matched with `websearch_to_tsquery` and ranked with `ts_rank`. On SQLite it is a simple
fallback: every word must appear in the title, summary, tags or body, and resources where
the words are in the title, summary or tags come before those with them only in the body.
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from pahub.accounts.models import User
from pahub.accounts.permissions import is_site_admin
from pahub.library.models import Resource, ResourceAudience, ResourceVersion, Tag
from pahub.library.permissions import council_ids_for_editor
from pahub.places.models import LocalAuthority

PAGE_SIZE = 20
MAX_WORDS = 10
SEARCH_CONFIG = "english"


@dataclass(frozen=True)
class LibraryFilters:
    """What someone searched for; every field is optional."""

    text: str = ""
    kind: str = ""
    audience: str = ""
    tag: str = ""


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def viewer_council_id(user: User | None) -> str | None:
    """The council whose local additions this person sees in lists: where they live."""
    if user is None or not user.is_authenticated:
        return None
    return user.local_authority_id


def published_resources() -> QuerySet[Resource]:
    return Resource.objects.filter(current_version__isnull=False)


def visible_in_lists(council_id: str | None) -> QuerySet[Resource]:
    """The shared core, and the viewer's own council's local additions."""
    scope = Q(local_authority__isnull=True)
    if council_id:
        scope |= Q(local_authority_id=council_id)
    return published_resources().filter(scope)


def words_of(text: str) -> list[str]:
    """The words searched for. A hyphen joins words, as in a tag like `right-to-work`, so it
    is read as a space (never as "not", which nobody searching the library means)."""
    return text.replace("-", " ").split()[:MAX_WORDS]


def matching_text(resources: QuerySet[Resource], text: str) -> QuerySet[Resource]:
    """Resources matching the words, best first. The one search both databases share."""
    words = words_of(text)
    if not words:
        return resources.order_by("title", "pk")
    if uses_full_text():
        query = " ".join(words)
        return (
            resources.annotate(
                rank=RawSQL(
                    "ts_rank(library_resource.search_vector, "
                    "websearch_to_tsquery(%s::regconfig, %s))",
                    (SEARCH_CONFIG, query),
                )
            )
            .filter(
                RawSQL(
                    "library_resource.search_vector @@ websearch_to_tsquery(%s::regconfig, %s)",
                    (SEARCH_CONFIG, query),
                    output_field=BooleanField(),
                )
            )
            .order_by("-rank", "title", "pk")
        )
    in_heading = Q()
    anywhere = Q()
    for word in words:
        heading = (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(keywords__icontains=word)
        )
        in_heading &= heading
        anywhere &= heading | Q(body__icontains=word)
    return (
        resources.filter(anywhere)
        .annotate(
            rank=Case(
                When(in_heading, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("rank", "title", "pk")
    )


def search_resources(filters: LibraryFilters, *, council_id: str | None) -> QuerySet[Resource]:
    """The library search: pages and the API call this, never filter resources themselves."""
    resources = visible_in_lists(council_id)
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.audience:
        resources = resources.filter(
            pk__in=ResourceAudience.objects.filter(audience=filters.audience).values("resource_id")
        )
    if filters.tag:
        resources = resources.filter(
            pk__in=Resource.tags.through.objects.filter(tag__slug=filters.tag).values("resource_id")
        )
    return matching_text(resources, filters.text)


def with_list_data(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """Everything a list row shows, in a fixed number of queries whatever the page size."""
    return resources.select_related("local_authority", "current_version").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("slug")), "audiences"
    )


def page_of_resources(
    resources: QuerySet[Resource], number: Any, *, per_page: int = PAGE_SIZE
) -> Page:
    return Paginator(with_list_data(resources), per_page).get_page(number)


def tag_choices(council_id: str | None) -> list[tuple[str, str]]:
    """Tags used by resources the viewer can find, for the filter."""
    tags = (
        Tag.objects.filter(resources__in=visible_in_lists(council_id)).distinct().order_by("slug")
    )
    return [(tag.slug, tag.label) for tag in tags]


def local_resources(local_authority_id: str, limit: int = 5) -> list[Resource]:
    """A council's published local additions, newest first: the spoke page's "local
    resources". Kept stable for pahub.spokes."""
    return list(
        published_resources()
        .filter(local_authority_id=local_authority_id)
        .select_related("current_version", "local_authority")
        .order_by("-current_version__created_at", "title")[:limit]
    )


def council_named(council_id: str | None) -> LocalAuthority | None:
    return LocalAuthority.objects.filter(pk=council_id).first() if council_id else None


def councils_for_editor(user: User) -> QuerySet[LocalAuthority]:
    """The councils this person adds local additions for, as the council's own staff."""
    return LocalAuthority.objects.filter(pk__in=council_ids_for_editor(user)).order_by("name")


def versions_of(resource: Resource) -> QuerySet[ResourceVersion]:
    return resource.versions.select_related("author").order_by("-number")


def resources_for_editor(user: User) -> QuerySet[Resource]:
    """What this person may change: everything for site admins, else their councils'
    additions."""
    resources = Resource.objects.select_related("local_authority", "current_version")
    if is_site_admin(user):
        return resources.order_by("local_authority__name", "title")
    return resources.filter(local_authority_id__in=council_ids_for_editor(user)).order_by(
        "local_authority__name", "title"
    )
