"""API: the PA register for organisations' systems and staff, under /api/v1/register/pas.

Two ways in: an organisation's API key (results scoped to the organisation's local
authorities) or a signed-in member of staff with two-factor set up (scoped like the staff
register search). Contact details and postcodes are never returned.
"""

from math import ceil
from typing import Literal

import numpy as np
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import SessionAuth

from pahub.accounts.api import organisation_key_auth
from pahub.accounts.models import ApiKey, User
from pahub.accounts.permissions import is_organisation_staff, is_site_admin
from pahub.core import audit
from pahub.core.api_errors import ErrorOut, InputError
from pahub.core.schemas import InputSchema
from pahub.places.postcodes import InvalidPostcode, normalise_outcode
from pahub.register.availability import SLOT_BY_KEY, keys_from_mask, mask_from_keys
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile
from pahub.register.permissions import profiles_in_areas, staff_search_areas
from pahub.register.search import (
    RegisterFilters,
    organisation_areas,
    profiles_in_order,
    register_profile_ids,
    with_listing_data,
)
from pahub.taxonomy.models import Language, Skill

router = Router(tags=["register"])

MAX_PAGE_SIZE = 100


class StaffSessionAuth(SessionAuth):
    """A browser session of organisation staff (or a site admin) with two-factor set up."""

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = super().authenticate(request, key)
        if user is None:
            return None
        if not (is_organisation_staff(user) or is_site_admin(user)):
            raise HttpError(403, "The register is for organisation staff.")
        return user


register_auth = [*organisation_key_auth, StaffSessionAuth()]


class RegisterQuery(InputSchema):
    name: str = Field("", max_length=100, description="Part of the name (display or full)")
    district: str = Field("", max_length=8, description="Postcode district, like NE6")
    local_authority: str = Field("", max_length=9, description="GSS code, like E08000021")
    min_level: int | None = Field(None, ge=0, le=4, description="At least this level (0 to 4)")
    skill: str = Field("", max_length=60, description="A skill code from the taxonomy")
    language: str = Field("", max_length=20, description="A language code")
    available: list[str] = Field(
        default_factory=list,
        description=(
            "Slot keys like monday_morning, repeated or comma-separated; free in every one"
        ),
    )
    evidence: (
        Literal["dbs_verified", "dbs_expiring", "dbs_lapsed", "awaiting", "needs_more"] | None
    ) = None
    status: Literal["looking", "paused", "hidden"] | None = None
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=MAX_PAGE_SIZE)


class PAOut(Schema):
    id: int
    display_name: str
    district: str | None
    local_authority: str | None
    level: int
    level_name: str
    skills: list[str]
    languages: list[str]
    availability: list[str]
    work_wanted: str
    is_paused: bool
    verified_evidence: list[str]


class PAPage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    results: list[PAOut]


def filters_from(query: RegisterQuery) -> RegisterFilters:
    """Turn query parameters into filters; anything unknown is a 400, never an empty list
    that looks like an answer."""
    available = [key for item in query.available for key in item.split(",") if key]
    district = ""
    if query.district.strip():
        try:
            district = normalise_outcode(query.district)
        except InvalidPostcode as error:
            raise InputError("district", error.message) from error
    unknown_slots = [key for key in available if key not in SLOT_BY_KEY]
    if unknown_slots:
        raise InputError("available", f"unknown slot {unknown_slots[0]!r}")
    if query.skill and not Skill.objects.filter(code=query.skill).exists():
        raise InputError("skill", f"unknown skill code {query.skill!r}")
    if query.language and not Language.objects.filter(code=query.language).exists():
        raise InputError("language", f"unknown language code {query.language!r}")
    return RegisterFilters(
        name=query.name.strip(),
        district=district,
        local_authority=query.local_authority.strip().upper(),
        min_level=query.min_level or None,
        skill=query.skill,
        language=query.language,
        availability_mask=mask_from_keys(available),
        evidence=query.evidence or "",
        status=query.status or "",
    )


def search_areas(request: HttpRequest) -> set[str] | None:
    """The local authorities the caller may search (None: every PA): an API key's
    organisation's, or the signed-in staff member's."""
    if isinstance(request.auth, ApiKey):
        return organisation_areas(request.auth.organisation)
    return staff_search_areas(request.auth)


def scoped_profiles(request: HttpRequest):
    return profiles_in_areas(search_areas(request))


def pa_out(profile: PAProfile) -> PAOut:
    user = profile.user
    return PAOut(
        id=profile.pk,
        display_name=profile.shown_name,
        district=user.district_id,
        local_authority=user.local_authority.name if user.local_authority_id else None,
        level=profile.level,
        level_name=LEVEL_NAMES[profile.level],
        skills=[skill.code for skill in profile.skills.all()],
        languages=[item.language.code for item in profile.languages.all()],
        availability=keys_from_mask(profile.availability),
        work_wanted=profile.work_wanted,
        is_paused=profile.is_paused,
        verified_evidence=sorted({item.kind for item in profile.counting_evidence}),
    )


@router.get(
    "/register/pas",
    response={200: PAPage, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=register_auth,
    summary="Search the PA register",
)
def register_list(request: HttpRequest, query: Query[RegisterQuery]):
    filters = filters_from(query)
    areas = search_areas(request)
    found = register_profile_ids(areas, filters)
    count = len(found) if isinstance(found, np.ndarray) else found.count()
    start = (query.page - 1) * query.page_size
    ids = [int(pk) for pk in found[start : start + query.page_size]]
    page = profiles_in_order(
        ids,
        today=timezone.localdate(),
        for_api=True,
        among=profiles_in_areas(areas, among_ids=ids),
    )
    return PAPage(
        count=count,
        page=query.page,
        page_size=query.page_size,
        pages=ceil(count / query.page_size) if count else 0,
        results=[pa_out(profile) for profile in page],
    )


@router.get(
    "/register/pas/{profile_id}",
    response={200: PAOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=register_auth,
    summary="One PA on the register",
)
def register_detail(request: HttpRequest, profile_id: int):
    profile = get_object_or_404(
        with_listing_data(scoped_profiles(request), for_api=True), pk=profile_id
    )
    if isinstance(request.auth, ApiKey):
        audit.record(
            None,
            "record.viewed",
            profile,
            organisation=request.auth.organisation.name,
            api_key=request.auth.name,
        )
    else:
        audit.record_view(request.auth, profile)
    return pa_out(profile)
