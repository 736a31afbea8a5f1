"""API: insights, under /api/v1/insights/, mirroring the pages.

- `GET /insights/`: the dashboards a commissioner may read, and when figures were refreshed.
- `GET /insights/{slug}/?area=&from=&to=`: one dashboard's tables for a scope, suppressed as
  on the pages: a cell is a number, `{"suppressed": "fewer than 5"}` (or `"hidden"`), or null
  when the figure is not available. `area` is `all` (the default), one of their local
  authorities' GSS codes, or `region:<name>`; `from` and `to` are ISO dates (default: the last
  twelve months).

A browser session of a council's commissioner (two-factor set up), like the pages: the same
`access_scope`. Anyone else gets 403; an area that is not theirs, 404; bad dates, 400.
"""

from datetime import date, datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth

from pahub.core.api_errors import ErrorOut, InputError
from pahub.core.schemas import InputSchema
from pahub.insights import reading
from pahub.insights.permissions import access_insights, access_scope
from pahub.insights.suppression import Cell, SuppressedTable

router = Router(tags=["insights"])


class ScopeQuery(InputSchema):
    area: str = Field("all", max_length=80, description="`all`, a GSS code or `region:<name>`")
    start: date | None = Field(None, alias="from", description="First day, ISO 8601")
    end: date | None = Field(None, alias="to", description="Last day, ISO 8601")


class DashboardOut(Schema):
    slug: str
    title: str
    summary: str


class DashboardListOut(Schema):
    dashboards: list[DashboardOut]
    last_refreshed: datetime | None


class SuppressedOut(Schema):
    suppressed: str = Field(description='Why the figure is not given: "fewer than 5" or "hidden"')


class RowOut(Schema):
    label: str
    cells: list[int | SuppressedOut | None]


class TableOut(Schema):
    key: str
    title: str
    definition: str
    row_heading: str
    columns: list[str]
    unit: str
    suppression_rule: str
    notes: list[str]
    rows: list[RowOut]


class ScopeOut(Schema):
    label: str
    local_authorities: list[str]
    start: date = Field(alias="from")
    end: date = Field(alias="to")


class DashboardDetailOut(Schema):
    slug: str
    title: str
    summary: str
    scope: ScopeOut
    last_refreshed: datetime | None
    tables: list[TableOut]


def cell_out(cell: Cell) -> int | dict | None:
    if cell.shown:
        return cell.value
    if cell.suppressed:
        return {"suppressed": cell.marker}
    return None


def table_out(suppressed: SuppressedTable) -> dict:
    table = suppressed.table
    return {
        "key": table.key,
        "title": table.title,
        "definition": table.definition,
        "row_heading": table.row_heading,
        "columns": list(suppressed.columns),
        "unit": table.unit,
        "suppression_rule": suppressed.rule,
        "notes": list(table.notes),
        "rows": [
            {"label": row.label, "cells": [cell_out(cell) for cell in row.cells]}
            for row in suppressed.rows
        ],
    }


@router.get(
    "/insights/",
    response={200: DashboardListOut},
    auth=django_auth,
    summary="The insights dashboards (a council's commissioners)",
)
def dashboard_list(request: HttpRequest):
    access_insights(request.user)
    return Status(
        200,
        {
            "dashboards": [
                {"slug": d.slug, "title": d.title, "summary": d.summary}
                for d in reading.all_dashboards()
            ],
            "last_refreshed": reading.last_refreshed(),
        },
    )


@router.get(
    "/insights/{slug}/",
    response={200: DashboardDetailOut, 400: ErrorOut, 404: ErrorOut},
    by_alias=True,
    auth=django_auth,
    summary="One dashboard's tables for an area and dates, small numbers hidden",
)
def dashboard_detail(
    request: HttpRequest,
    query: Query[ScopeQuery],
    slug: str = Path(..., max_length=50, pattern=r"^[-a-z0-9_]+$"),
):
    default_start, default_end = reading.default_period(timezone.localdate())
    start, end = query.start or default_start, query.end or default_end
    area = query.area
    if start > end:
        raise InputError("to", "The date to must be the same as or after the date from")
    scope = access_scope(request.user, area, start, end)
    board = reading.access_dashboard(slug)
    return Status(
        200,
        {
            "slug": board.slug,
            "title": board.title,
            "summary": board.summary,
            "scope": {
                "label": scope.label,
                "local_authorities": sorted(scope.local_authority_ids),
                "from": scope.start,
                "to": scope.end,
            },
            "last_refreshed": reading.last_refreshed(),
            "tables": [table_out(s) for s in reading.suppressed_tables(board, scope)],
        },
    )
