"""API: an organisation's imports and their progress, for its staff, under /api/v1/imports/."""

from datetime import datetime

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.security import django_auth

from pahub.accounts.imports.permissions import access_import_run, import_runs_for
from pahub.core.api_errors import ErrorOut
from pahub.core.imports.models import ImportRun
from pahub.core.schemas import InputSchema

router = Router(tags=["imports"])


class ImportOut(Schema):
    id: int
    organisation: str
    kind: str
    file_name: str
    status: str
    total_rows: int
    processed: int = Field(description="Rows checked or imported so far")
    created: int
    updated: int
    duplicate: int
    refused: int
    next_row: int = Field(description="The first row not yet imported: a resume starts here")
    created_at: datetime
    finished_at: datetime | None

    @staticmethod
    def resolve_organisation(run: ImportRun) -> str:
        return run.organisation.name

    @staticmethod
    def resolve_next_row(run: ImportRun) -> int:
        return run.cursor


class ImportPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ImportOut]


class ImportListQuery(InputSchema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=100)


@router.get(
    "/imports/",
    response={200: ImportPage, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    url_name="import_list",
)
def list_imports(request: HttpRequest, query: Query[ImportListQuery]):
    """The imports of the organisations you work for, newest first."""
    paginator = Paginator(import_runs_for(request.user), query.page_size)
    page = paginator.get_page(query.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "results": list(page.object_list),
    }


@router.get(
    "/imports/{run_id}/",
    response={200: ImportOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    url_name="import_detail",
)
def import_detail(request: HttpRequest, run_id: int):
    """One import's status, counts and progress (the progress page polls this)."""
    return access_import_run(request.user, run_id)
