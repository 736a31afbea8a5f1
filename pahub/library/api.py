"""API: the library, under /api/v1/library/, mirroring the pages.

- `GET /library/resources`: search with the page's filters (q, kind, audience, tag), paged;
  the shared core, and the signed-in person's own council's local additions.
- `GET /library/resources/{slug}`: one resource, its text as Markdown (a template with its
  blanks, like the page) and as HTML, its sources and version.

Both are public, like the pages, and call the same query, presenter and `access_*` helper.
"""

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import InputSchema
from pahub.library import presenters, queries
from pahub.library.models import Audience, Kind, Resource
from pahub.library.permissions import access_resource_for_viewer

router = Router(tags=["library"])
MAX_PER_PAGE = 100
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

KindKey = Literal[Kind.GUIDANCE, Kind.TEMPLATE]
AudienceKey = Literal[Audience.PA, Audience.EMPLOYER, Audience.REPRESENTATIVE, Audience.STAFF]


class LibraryQuery(InputSchema):
    q: str = Field("", max_length=100, description="Words to look for, like car insurance")
    kind: KindKey | None = None  # type: ignore[valid-type]
    audience: AudienceKey | None = None  # type: ignore[valid-type]
    tag: str = Field("", max_length=60, pattern=r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$")
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


class SourceOut(Schema):
    title: str
    url: str


class ResourceSummaryOut(Schema):
    slug: str
    title: str
    kind: str
    summary: str
    audience: list[str]
    tags: list[str]
    local_to: str | None = Field(None, description="The council, for a local addition")
    last_reviewed: date
    version: int
    url: str


class ResourcePageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ResourceSummaryOut]


class ResourceOut(ResourceSummaryOut):
    markdown: str = Field(description="The text; a template's fields as labelled blanks")
    html: str
    sources: list[SourceOut]
    published_at: datetime
    change_note: str


def summary_out(resource: Resource) -> dict:
    return {
        "slug": resource.slug,
        "title": resource.title,
        "kind": resource.kind,
        "summary": resource.summary,
        "audience": sorted(row.audience for row in resource.audiences.all()),
        "tags": [tag.slug for tag in resource.tags.all()],
        "local_to": resource.local_authority.name if resource.local_authority_id else None,
        "last_reviewed": resource.last_reviewed,
        "version": resource.current_version.number,
        "url": f"/library/{resource.slug}/",
    }


@router.get(
    "/library/resources",
    response={200: ResourcePageOut, 400: ErrorOut},
    auth=None,
    summary="Search the library",
)
def library_search(request: HttpRequest, filters: Query[LibraryQuery]):
    council_id = queries.viewer_council_id(request.user)
    resources = queries.search_resources(
        queries.LibraryFilters(
            text=filters.q.strip(),
            kind=filters.kind or "",
            audience=filters.audience or "",
            tag=filters.tag,
        ),
        council_id=council_id,
    )
    page = queries.page_of_resources(resources, filters.page, per_page=filters.per_page)
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [summary_out(resource) for resource in page.object_list],
        },
    )


@router.get(
    "/library/resources/{slug}",
    response={200: ResourceOut, 400: ErrorOut, 404: ErrorOut},
    auth=None,
    summary="One guidance page or template",
)
def library_resource(
    request: HttpRequest, slug: str = Path(..., max_length=120, pattern=SLUG_PATTERN)
):
    resource = access_resource_for_viewer(request.user, slug)
    return Status(
        200,
        {
            **summary_out(resource),
            "markdown": presenters.shown_text(resource.kind, resource.body),
            "html": presenters.resource_html(resource),
            "sources": resource.sources,
            "published_at": resource.current_version.created_at,
            "change_note": resource.current_version.change_note,
        },
    )
