"""API: module suggestions, under /api/v1/learning/suggestions.

Session authentication only. An employer (or someone acting for them, by the one rule in
`pahub.employers.permissions.access_employer_for_actor`) suggests a module to one of their
PAs; anyone may list the suggestions made to them and made for the employers they act for.
An employer one may not act for is 404; a PA who is not the employer's is 400 naming
`pa_id`, with the same words whether that PA exists or not. Writes need the CSRF token in
`X-CSRFToken`.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from pahub.accounts.models import User
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import InputSchema, RecordId
from pahub.employers.permissions import (
    access_employer_for_actor,
    employers_user_can_act_for,
    refuse_staff_without_two_factor,
)
from pahub.employers.queries import employer_name
from pahub.learning.models import Module, ModuleSuggestion
from pahub.learning.suggestions.permissions import NOT_FOR_YOU, is_pa
from pahub.learning.suggestions.queries import (
    LIST_LIMIT,
    module_path,
    pa_name,
    suggestions_made_for,
    suggestions_to,
    with_details,
)
from pahub.learning.suggestions.services import (
    NOT_SUGGESTABLE,
    NOT_THEIR_PA,
    SuggestionError,
    suggestion_create,
)

router = Router(tags=["learning"])

API_FIELDS = {"pa": "pa_id", "module": "module_id", "message": "message"}


class SuggestionIn(InputSchema):
    multiline_fields = frozenset({"message"})

    employer_id: RecordId | None = Field(
        None, description="The employer you act for; leave out to suggest as yourself"
    )
    pa_id: RecordId = Field(description="One of the employer's PAs")
    module_id: RecordId = Field(description="A current module of a published course")
    message: str = Field("", description="Up to 1,000 characters, shown to the PA")


class SuggestionOut(Schema):
    id: int
    employer_id: int
    employer_name: str
    pa_id: int
    pa_name: str
    module_id: int
    module_title: str
    course_title: str
    minutes: int | None
    url: str = Field(description="The module's page on PA Hub")
    message: str
    created_at: datetime
    dismissed: bool


class SuggestionsOut(Schema):
    received: list[SuggestionOut] = Field(description="Made to you, not dismissed, newest first")
    made: list[SuggestionOut] = Field(description="Made for employers you act for, newest first")


def suggestion_out(suggestion: ModuleSuggestion) -> SuggestionOut:
    module = suggestion.module
    version = module.current_version
    return SuggestionOut(
        id=suggestion.pk,
        employer_id=suggestion.employer_id,
        employer_name=employer_name(suggestion.employer),
        pa_id=suggestion.pa_id,
        pa_name=pa_name(suggestion.pa),
        module_id=module.pk,
        module_title=version.title if version else module.slug,
        course_title=module.course.title,
        minutes=version.minutes if version else None,
        url=module_path(module),
        message=suggestion.message,
        created_at=suggestion.created_at,
        dismissed=suggestion.dismissed_at is not None,
    )


def bad(field: str, message: str) -> Status:
    return Status(400, ErrorOut(detail=message, field=field))


@router.post(
    "/learning/suggestions",
    response={201: SuggestionOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Suggest a module to one of your PAs",
    description=(
        "Your PAs are those hired for one of the employer's filled jobs, and those with a "
        "confirmed cover booking for the employer in the last 12 months. The PA is told."
    ),
)
def suggestion_post(request: HttpRequest, payload: SuggestionIn):
    user: User = request.auth
    employer = access_employer_for_actor(user, payload.employer_id or user.pk)
    pa = User.objects.filter(pk=payload.pa_id).first()
    if pa is None:
        return bad("pa_id", NOT_THEIR_PA)
    module = Module.objects.filter(pk=payload.module_id).first()
    if module is None:
        return bad("module_id", NOT_SUGGESTABLE)
    try:
        suggestion = suggestion_create(
            employer=employer, pa=pa, module=module, message=payload.message, by=user
        )
    except SuggestionError as error:
        return bad(API_FIELDS[error.field], str(error))
    fresh = with_details(ModuleSuggestion.objects.filter(pk=suggestion.pk)).get()
    return Status(201, suggestion_out(fresh))


@router.get(
    "/learning/suggestions",
    response={200: SuggestionsOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Module suggestions made to you, and made for employers you act for",
)
def suggestion_list(request: HttpRequest):
    user: User = request.auth
    employers = list(employers_user_can_act_for(user))
    pa = is_pa(user)
    if not pa and not employers:
        refuse_staff_without_two_factor(user)
        raise PermissionDenied(NOT_FOR_YOU)
    received = suggestions_to(user)[:LIST_LIMIT] if pa else []
    made = suggestions_made_for(employers)[:LIST_LIMIT] if employers else []
    return Status(
        200,
        SuggestionsOut(
            received=[suggestion_out(s) for s in received],
            made=[suggestion_out(s) for s in made],
        ),
    )
