"""API: requests for help, under /api/v1/support/.

- `GET /support/requests` and `POST /support/requests`: the signed-in person's own requests,
  and asking for help (browser session; the CSRF token in `X-CSRFToken`). Nobody serving the
  person's area is 409, with the national services to turn to in `detail`.
- `GET /support/requests/{id}` and `POST /support/requests/{id}/messages`: the private thread,
  for the person and the staff of the organisation helping (or, while it waits, of those
  serving the area); anyone else gets 404.
- `GET /support/queue` and `POST /support/requests/{id}/pick-up`: staff of a support agency
  or user-led organisation. Someone else picked it up first is 409.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.security import django_auth

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_ID, InputSchema
from pahub.support.help import permissions, queries, services
from pahub.support.help.national import NATIONAL_ROUTES
from pahub.support.help.views import NOT_A_HELPER, NOT_AN_ASKER, may_ask
from pahub.support.models import HelpRequest

router = Router(tags=["support"])

TopicKey = Literal[tuple(HelpRequest.Topic.values)]  # type: ignore[valid-type]
ContactKey = Literal[tuple(HelpRequest.ContactBy.values)]  # type: ignore[valid-type]


class HelpMessageOut(Schema):
    author: str
    from_adviser: bool
    body: str
    created_at: datetime


class HelpRequestOut(Schema):
    id: int
    topic: str = Field(description="contract, problem, employing or using")
    topic_label: str
    need: str
    contact_by: str
    status: str = Field(description="waiting, helping or closed")
    area: str
    organisation: str | None = Field(description="Who is helping, once picked up")
    adviser: str | None
    outcome: str
    outcome_note: str
    created_at: datetime
    closed_at: datetime | None


class HelpThreadOut(HelpRequestOut):
    messages: list[HelpMessageOut]


class HelpIn(InputSchema):
    multiline_fields = frozenset({"need"})

    topic: TopicKey
    need: str = Field(..., min_length=1, max_length=services.NEED_LIMIT)
    contact_by: ContactKey = HelpRequest.ContactBy.MESSAGES.value
    phone: str = Field("", max_length=30)
    call_times: str = Field("", max_length=300)


class HelpMessageIn(InputSchema):
    multiline_fields = frozenset({"body"})

    body: str = Field(..., min_length=1, max_length=services.MESSAGE_LIMIT)


class PickUpIn(InputSchema):
    organisation_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Needed only if you work for more than one"
    )


def request_out(help_request: HelpRequest) -> HelpRequestOut:
    return HelpRequestOut(
        id=help_request.pk,
        topic=help_request.topic,
        topic_label=help_request.get_topic_display(),
        need=help_request.need,
        contact_by=help_request.contact_by,
        status=help_request.status,
        area=help_request.area.name,
        organisation=help_request.organisation.name if help_request.organisation else None,
        adviser=help_request.adviser.display_name if help_request.adviser else None,
        outcome=help_request.outcome,
        outcome_note=help_request.outcome_note,
        created_at=help_request.created_at,
        closed_at=help_request.closed_at,
    )


def thread_out(help_request: HelpRequest) -> HelpThreadOut:
    return HelpThreadOut(
        **request_out(help_request).model_dump(),
        messages=[
            HelpMessageOut(
                author=message.author.display_name if message.author else "Former user",
                from_adviser=message.from_adviser,
                body=message.body,
                created_at=message.created_at,
            )
            for message in queries.thread_of(help_request)
        ],
    )


def input_error(error: services.HelpInputError) -> Status:
    errors = {name: [message] for name, message in error.problems.items()}
    return Status(
        400, {"detail": f"{error.field}: {error.message}", "field": error.field, "errors": errors}
    )


@router.get(
    "/support/requests",
    response={200: list[HelpRequestOut]},
    auth=django_auth,
    summary="Your requests for help",
)
def my_requests(request: HttpRequest):
    return [request_out(help_request) for help_request in queries.my_help_requests(request.user)]


@router.post(
    "/support/requests",
    response={201: HelpThreadOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Ask for help",
    description="Goes to the support organisations serving your area. 409 when none does.",
)
def ask(request: HttpRequest, payload: HelpIn):
    if not may_ask(request.user):
        return Status(403, {"detail": NOT_AN_ASKER})
    values = services.HelpInput(
        topic=payload.topic,
        need=payload.need,
        contact_by=payload.contact_by,
        phone=payload.phone,
        call_times=payload.call_times,
    )
    try:
        help_request = services.help_request_create(person=request.user, values=values)
    except services.HelpInputError as error:
        return input_error(error)
    except services.NoHelpInArea as error:
        routes = "; ".join(f"{route.name}, {route.url}" for route in NATIONAL_ROUTES)
        return Status(409, {"detail": f"{error.message} National services: {routes}."})
    return Status(201, thread_out(queries.help_request_with_details(help_request.pk).get()))


@router.get(
    "/support/requests/{help_request_id}",
    response={200: HelpThreadOut, 404: ErrorOut},
    auth=django_auth,
    summary="A request for help and its private thread",
)
def request_detail(request: HttpRequest, help_request_id: int = Path(..., ge=1, le=MAX_ID)):
    return thread_out(permissions.access_help_request(request.user, help_request_id))


@router.post(
    "/support/requests/{help_request_id}/messages",
    response={201: HelpThreadOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Reply in the thread",
    description="The person, or staff of the organisation helping. A closed request is 409.",
)
def reply(
    request: HttpRequest,
    payload: HelpMessageIn,
    help_request_id: int = Path(..., ge=1, le=MAX_ID),
):
    help_request = permissions.access_help_request(request.user, help_request_id)
    try:
        services.help_message_add(help_request=help_request, author=request.user, body=payload.body)
    except services.HelpInputError as error:
        return input_error(error)
    except services.HelpError as error:
        return Status(error.status, {"detail": error.message})
    return Status(201, thread_out(help_request))


@router.get(
    "/support/queue",
    response={200: list[HelpRequestOut], 403: ErrorOut},
    auth=django_auth,
    summary="Open requests for help in your organisations' areas (staff)",
    description="Waiting requests first, then those your organisations are helping with.",
)
def queue(request: HttpRequest):
    organisations = permissions.helper_organisations(request.user)
    if not organisations.exists():
        return Status(403, {"detail": NOT_A_HELPER})
    open_requests, _closed = queries.queue_for(organisations)
    return [request_out(help_request) for help_request in open_requests]


@router.post(
    "/support/requests/{help_request_id}/pick-up",
    response={200: HelpRequestOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Pick up a waiting request for your organisation (staff)",
    description="Someone else picked it up first is 409.",
)
def pick_up(
    request: HttpRequest,
    payload: PickUpIn,
    help_request_id: int = Path(..., ge=1, le=MAX_ID),
):
    help_request = permissions.access_help_request_for_pick_up(request.user, help_request_id)
    organisations = permissions.helper_organisations(request.user).filter(
        local_authorities=help_request.area_id
    )
    if payload.organisation_id is not None:
        organisations = organisations.filter(pk=payload.organisation_id)
    choices = list(organisations[:2])
    if len(choices) != 1:
        return Status(
            400,
            {
                "detail": "organisation_id: Choose one of your organisations serving this area",
                "field": "organisation_id",
                "errors": {
                    "organisation_id": ["Choose one of your organisations serving this area"]
                },
            },
        )
    try:
        help_request = services.help_request_pick_up(
            help_request=help_request, organisation=choices[0], by=request.user
        )
    except services.HelpError as error:
        return Status(error.status, {"detail": error.message})
    return request_out(queries.help_request_with_details(help_request.pk).get())
