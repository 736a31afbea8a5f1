"""API: my CPD log, under /api/v1/learning/cpd. PAs only (403 for anyone else); another
person's entry is 404. Session authentication; writes need the CSRF token in `X-CSRFToken`.
Evidence files are uploaded on the pages only; the API says whether an entry has one."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from pahub.core.api_errors import ErrorOut, InputError
from pahub.core.forms import FieldInputError
from pahub.core.schemas import InputSchema, RecordId
from pahub.learning.cpd import queries, services
from pahub.learning.cpd.permissions import access_own_cpd_entry
from pahub.learning.models import CPDEntry
from pahub.learning.plans.permissions import check_pa

router = Router(tags=["learning"])


class CPDEntryOut(Schema):
    id: int
    title: str
    provider: str
    learned_on: date
    hours: Decimal
    what_i_learned: str
    has_evidence_file: bool
    module_completion_id: int | None


class CPDListOut(Schema):
    year: int | None
    total_hours: Decimal
    items: list[CPDEntryOut]


class CPDListQuery(InputSchema):
    year: int | None = Field(None, ge=1900, le=2200, description="Only this year's entries")


class CPDEntryIn(InputSchema):
    multiline_fields = frozenset({"what_i_learned"})

    title: Annotated[str, Field(min_length=1, max_length=200)]
    provider: Annotated[str, Field(max_length=200)] = ""
    learned_on: date
    hours: Decimal = Field(description="More than 0, at most 100, 2 decimal places at most")
    what_i_learned: Annotated[str, Field(min_length=1, max_length=5000)]


class CPDEntryPatch(InputSchema):
    """Fields left out are not changed."""

    multiline_fields = frozenset({"what_i_learned"})

    title: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    provider: Annotated[str, Field(max_length=200)] | None = None
    learned_on: date | None = None
    hours: Decimal | None = None
    what_i_learned: Annotated[str, Field(min_length=1, max_length=5000)] | None = None


def entry_out(entry: CPDEntry) -> CPDEntryOut:
    return CPDEntryOut(
        id=entry.pk,
        title=entry.title,
        provider=entry.provider,
        learned_on=entry.learned_on,
        hours=entry.hours,
        what_i_learned=entry.what_i_learned,
        has_evidence_file=bool(entry.evidence_file),
        module_completion_id=entry.module_completion_id,
    )


@router.get(
    "/learning/cpd",
    response={200: CPDListOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Your CPD log, newest first, with the total hours",
)
def cpd_list(request: HttpRequest, query: Query[CPDListQuery]):
    check_pa(request.auth)
    entries = (
        queries.cpd_entries_in(request.auth, query.year)
        if query.year
        else queries.cpd_entries_of(request.auth)
    )
    entries = list(entries)
    return Status(
        200,
        CPDListOut(
            year=query.year,
            total_hours=queries.total_hours(entries),
            items=[entry_out(entry) for entry in entries],
        ),
    )


@router.post(
    "/learning/cpd",
    response={201: CPDEntryOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Log a piece of learning",
)
def cpd_create(request: HttpRequest, payload: CPDEntryIn):
    check_pa(request.auth)
    try:
        entry = services.cpd_entry_add(user=request.auth, **payload.model_dump())
    except FieldInputError as error:
        raise InputError(error.field, error.message) from None
    return Status(201, entry_out(entry))


@router.patch(
    "/learning/cpd/{entry_id}",
    response={200: CPDEntryOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Change one of your CPD entries",
)
def cpd_update(request: HttpRequest, entry_id: RecordId, payload: CPDEntryPatch):
    check_pa(request.auth)
    entry = access_own_cpd_entry(request.auth, entry_id)
    changes = payload.model_dump(exclude_unset=True)
    for name, value in changes.items():
        if value is None:
            raise InputError(name, f"{name} cannot be null; leave it out to keep it")
    try:
        entry = services.cpd_entry_change(entry=entry, by=request.auth, **changes)
    except FieldInputError as error:
        raise InputError(error.field, error.message) from None
    return Status(200, entry_out(entry))


@router.delete(
    "/learning/cpd/{entry_id}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Delete one of your CPD entries",
)
def cpd_delete(request: HttpRequest, entry_id: RecordId):
    check_pa(request.auth)
    entry = access_own_cpd_entry(request.auth, entry_id)
    services.cpd_entry_delete(entry=entry, by=request.auth)
    return Status(204, None)
