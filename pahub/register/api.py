"""API: a PA's own profile (GET/PUT /me/profile). The skills taxonomy is `taxonomy/api.py`.

`/me/profile` uses the browser session (`django_auth`), which checks Django's CSRF token on
PUT: send the `csrftoken` cookie's value in an `X-CSRFToken` header, as a page's own
JavaScript would. Requests without it get 403 "CSRF check Failed".
"""

from decimal import Decimal
from typing import Annotated, Any, Literal

from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from pahub.accounts.models import Role
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import InputSchema
from pahub.register.availability import SLOT_BY_KEY, keys_from_mask, mask_from_keys
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.profile.services import (
    ProfileInputError,
    areas_by_code,
    interests_by_name,
    languages_by_code,
    profile_update,
    skills_by_code,
)
from pahub.register.services import profile_get_or_create

router = Router(tags=["register"])

LanguageLevel = Literal["basic", "conversational", "fluent", "first"]


class LanguageIn(InputSchema):
    code: str = Field(description="A language code from the register, like `en` or `bfi` (BSL)")
    level: LanguageLevel


class LanguageOut(LanguageIn):
    name: str


class ProfileIn(InputSchema):
    """Fields left out are not changed. `hourly_rate` and `years_experience` may be null."""

    multiline_fields = frozenset(
        {"about_me", "what_matters", "experience_summary", "qualifications_summary"}
    )

    display_name: Annotated[str, Field(max_length=80)] | None = None
    about_me: Annotated[str, Field(max_length=2000)] | None = None
    what_matters: Annotated[str, Field(max_length=2000)] | None = None
    interests: list[str] | None = Field(None, description="Names from the shared list")
    other_interests: list[str] | None = Field(None, description="Up to 10, each ≤ 30 characters")
    skills: list[str] | None = Field(None, description="Codes from /taxonomy/skills")
    languages: list[LanguageIn] | None = None
    years_experience: int | None = Field(None, ge=0, le=70)
    experience_kinds: list[str] | None = None
    experience_summary: Annotated[str, Field(max_length=3000)] | None = None
    qualifications_summary: Annotated[str, Field(max_length=2000)] | None = None
    has_driving_licence: bool | None = None
    has_own_car: bool | None = None
    gender: Literal["", "woman", "man", "non_binary"] | None = Field(
        None, description='Only for jobs with an intimate-care requirement; "" = rather not say'
    )
    offers_driving: bool | None = Field(None, description="Needs has_driving_licence")
    availability: list[str] | None = Field(
        None, description="Slot keys, like `monday_morning` or `friday_sleep_in`"
    )
    travel_miles: int | None = Field(None, ge=1, le=100)
    hourly_rate: Decimal | None = Field(None, description="Pounds, at most 2 decimal places")
    work_wanted: Literal["regular", "cover", "both"] | None = None
    visibility: Literal["hidden", "local", "all"] | None = None
    visible_in: list[str] | None = Field(
        None, description="GSS codes of PA Hub areas; needed when visibility is `local`"
    )
    is_paused: bool | None = None


class ProfileOut(Schema):
    id: int
    display_name: str
    shown_name: str
    about_me: str
    what_matters: str
    interests: list[str]
    other_interests: list[str]
    skills: list[str]
    languages: list[LanguageOut]
    years_experience: int | None
    experience_kinds: list[str]
    experience_summary: str
    qualifications_summary: str
    has_driving_licence: bool
    has_own_car: bool
    gender: str
    offers_driving: bool
    availability: list[str]
    travel_miles: int
    hourly_rate: Decimal | None
    work_wanted: str
    visibility: str
    visible_in: list[str]
    is_paused: bool
    has_photo: bool
    district: str | None
    local_authority: str | None
    completed_steps: list[str]
    level: int
    level_name: str


NULLABLE = {"hourly_rate", "years_experience"}


def pa_user(request: HttpRequest) -> Any:
    user = request.auth
    if not user.has_role(Role.PA):
        raise HttpError(403, "Only Personal Assistants have a profile on PA Hub.")
    return user


def profile_out(profile: PAProfile) -> ProfileOut:
    profile = PAProfile.objects.select_related("user__local_authority").get(pk=profile.pk)
    languages: list[ProfileLanguage] = list(profile.languages.select_related("language"))
    return ProfileOut(
        id=profile.pk,
        display_name=profile.display_name,
        shown_name=profile.shown_name,
        about_me=profile.about_me,
        what_matters=profile.what_matters,
        interests=[interest.name for interest in profile.interests.all()],
        other_interests=profile.other_interests,
        skills=[skill.code for skill in profile.skills.all()],
        languages=[
            LanguageOut(code=item.language.code, name=item.language.name, level=item.level)
            for item in languages
        ],
        years_experience=profile.years_experience,
        experience_kinds=profile.experience_kinds,
        experience_summary=profile.experience_summary,
        qualifications_summary=profile.qualifications_summary,
        has_driving_licence=profile.has_driving_licence,
        has_own_car=profile.has_own_car,
        gender=profile.gender,
        offers_driving=profile.offers_driving,
        availability=keys_from_mask(profile.availability),
        travel_miles=profile.travel_miles,
        hourly_rate=profile.hourly_rate,
        work_wanted=profile.work_wanted,
        visibility=profile.visibility,
        visible_in=[area.pk for area in profile.visible_in.all()],
        is_paused=profile.is_paused,
        has_photo=bool(profile.photo),
        district=profile.user.district_id,
        local_authority=(
            profile.user.local_authority.name if profile.user.local_authority_id else None
        ),
        completed_steps=profile.completed_steps,
        level=profile.level,
        level_name=LEVEL_NAMES[profile.level],
    )


def changes_from(payload: ProfileIn) -> dict[str, Any]:
    """The payload as `profile_update` changes; raises ProfileInputError naming a bad value."""
    given = payload.model_dump(exclude_unset=True)
    for name, value in given.items():
        if value is None and name not in NULLABLE:
            raise ProfileInputError(name, f"{name} cannot be null; leave it out to keep it")
    changes = {
        name: value
        for name, value in given.items()
        if name not in {"interests", "skills", "languages", "availability", "visible_in"}
    }
    if "interests" in given:
        changes["interests"] = interests_by_name(given["interests"])
    if "skills" in given:
        changes["skills"] = skills_by_code(given["skills"])
    if "languages" in given:
        changes["languages"] = languages_by_code(
            (item["code"], item["level"]) for item in given["languages"]
        )
    if "availability" in given:
        unknown = [key for key in given["availability"] if key not in SLOT_BY_KEY]
        if unknown:
            raise ProfileInputError(
                "availability",
                f"Unknown availability slot: {unknown[0]}. Use keys like monday_morning",
            )
        changes["availability"] = mask_from_keys(given["availability"])
    if "visible_in" in given:
        changes["visible_in"] = areas_by_code(given["visible_in"])
    return changes


@router.get(
    "/me/profile",
    response={200: ProfileOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="The signed-in PA's own profile",
)
def my_profile(request: HttpRequest):
    user = pa_user(request)
    profile = PAProfile.objects.filter(user=user).first()
    if profile is None:
        return Status(404, {"detail": "You have not started your profile yet."})
    return Status(200, profile_out(profile))


@router.put(
    "/me/profile",
    response={200: ProfileOut, 400: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Change the signed-in PA's own profile",
    description=(
        "Send only the fields to change. Session authentication: send the CSRF token in an "
        "`X-CSRFToken` header. Bad input gives 400 naming the field: a value that "
        "breaks a profile rule, of the wrong type or out of range."
    ),
)
def my_profile_update(request: HttpRequest, payload: ProfileIn):
    user = pa_user(request)
    try:
        # One transaction, so a first PUT that breaks a rule does not leave an empty profile.
        with transaction.atomic():
            changes = changes_from(payload)
            profile = profile_get_or_create(user=user)
            profile = profile_update(profile=profile, changes=changes, by=user)
    except ProfileInputError as error:
        return Status(400, {"detail": f"{error.field}: {error.message}"})
    return Status(200, profile_out(profile))
