"""API: endorsements and private feedback, under /api/v1/community/. Signed-in people only
(browser session; the CSRF token in `X-CSRFToken` for writes). Everything is answered from
the same permissions and services as the pages.

- `GET /community/endorsements`: the PA's own endorsements.
- `POST /community/endorsements`: a PA asks one of their employers (404 for anyone else).
- `POST /community/endorsements/{id}/visibility`: the PA shows or hides a written one.
- `GET /community/endorsements/requests`: requests waiting for the employers you write for.
- `POST /community/endorsements/{id}/write`: the employer (or representative) writes it.
- `POST /community/feedback`: private feedback about someone you worked with, for staff.
  Nothing here ever returns feedback: the person it is about never sees it.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.security import django_auth

from pahub.community.models import Endorsement, Feedback
from pahub.community.models.trust import (
    ENDORSEMENT_MAX_LENGTH,
    FEEDBACK_MAX_LENGTH,
    REQUEST_MESSAGE_MAX_LENGTH,
)
from pahub.community.trust import permissions, queries, services
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_ID, InputSchema, RecordId

router = Router(tags=["community endorsements and feedback"])

CategoryKey = Literal[tuple(Feedback.Category.values)]  # type: ignore[valid-type]


class EndorsementOut(Schema):
    id: int
    pa: str
    by: str = Field(description='Who it is asked of, as a profile shows it: "Amira, NE1"')
    status: str = Field(description="`requested`, `written`, `declined` or `withdrawn`")
    request_message: str
    text: str
    shown: bool = Field(description="Whether the PA's profile shows it")
    requested_at: datetime
    written_at: datetime | None


class EndorsementRequestIn(InputSchema):
    multiline_fields = frozenset({"message"})

    employer_id: RecordId
    message: str = Field("", max_length=REQUEST_MESSAGE_MAX_LENGTH)


class VisibilityIn(InputSchema):
    shown: bool


class EndorsementWriteIn(InputSchema):
    multiline_fields = frozenset({"text"})

    text: str = Field(..., min_length=1, max_length=ENDORSEMENT_MAX_LENGTH)


class FeedbackIn(InputSchema):
    multiline_fields = frozenset({"text"})

    about_id: RecordId
    category: CategoryKey
    text: str = Field(..., min_length=1, max_length=FEEDBACK_MAX_LENGTH)


class FeedbackSentOut(Schema):
    id: int
    detail: str


def endorsement_out(endorsement: Endorsement) -> EndorsementOut:
    return EndorsementOut(
        id=endorsement.pk,
        pa=services.first_name(endorsement.pa),
        by=queries.endorser_label(endorsement),
        status=endorsement.status,
        request_message=endorsement.request_message,
        text=endorsement.text,
        shown=endorsement.shown,
        requested_at=endorsement.requested_at,
        written_at=endorsement.written_at,
    )


def input_error(error: services.TrustInputError) -> Status:
    return Status(
        400,
        {
            "detail": f"{error.field}: {error.message}",
            "field": error.field,
            "errors": {error.field: [error.message]},
        },
    )


def with_details(endorsement: Endorsement) -> Endorsement:
    return Endorsement.objects.select_related("pa", *queries.WITH_EMPLOYER).get(pk=endorsement.pk)


@router.get(
    "/community/endorsements",
    response={200: list[EndorsementOut], 403: ErrorOut},
    auth=django_auth,
    summary="Your endorsements (PA)",
)
def endorsement_list(request: HttpRequest):
    if not permissions.may_ask_for_endorsements(request.user):
        return Status(403, {"detail": "Only Personal Assistants have endorsements."})
    endorsements = queries.endorsements_of_pa(request.user)
    for endorsement in endorsements:
        endorsement.pa = request.user
    return Status(200, [endorsement_out(endorsement) for endorsement in endorsements])


@router.post(
    "/community/endorsements",
    response={201: EndorsementOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Ask an employer for an endorsement (PA)",
    description="Only someone who hired you or booked you on PA Hub (else 404). Asking the "
    "same person again before they answer is 409.",
)
def endorsement_request(request: HttpRequest, payload: EndorsementRequestIn):
    employer = permissions.access_employer_for_request(request.user, payload.employer_id)
    try:
        endorsement = services.endorsement_request(
            pa=request.user, employer=employer, message=payload.message
        )
    except services.TrustInputError as error:
        return input_error(error)
    except services.TrustError as error:
        return Status(error.status, {"detail": error.message})
    return Status(201, endorsement_out(with_details(endorsement)))


@router.post(
    "/community/endorsements/{endorsement_id}/visibility",
    response={200: EndorsementOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Show or hide a written endorsement on your profile (PA)",
)
def endorsement_visibility(
    request: HttpRequest,
    payload: VisibilityIn,
    endorsement_id: int = Path(..., ge=1, le=MAX_ID),
):
    endorsement = permissions.access_endorsement_for_pa(request.user, endorsement_id)
    try:
        endorsement = services.endorsement_set_shown(
            endorsement=endorsement, shown=payload.shown, by=request.user
        )
    except services.TrustError as error:
        return Status(error.status, {"detail": error.message})
    return Status(200, endorsement_out(with_details(endorsement)))


@router.get(
    "/community/endorsements/requests",
    response={200: list[EndorsementOut]},
    auth=django_auth,
    summary="Requests waiting for you (employer or representative)",
)
def endorsement_requests(request: HttpRequest):
    return Status(
        200,
        [endorsement_out(endorsement) for endorsement in queries.pending_requests(request.user)],
    )


@router.post(
    "/community/endorsements/{endorsement_id}/write",
    response={200: EndorsementOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Write the endorsement a PA asked for (employer or representative)",
    description=f"Plain text, up to {ENDORSEMENT_MAX_LENGTH} characters. It stays hidden "
    "until the PA chooses to show it. A request already answered is 409.",
)
def endorsement_write(
    request: HttpRequest,
    payload: EndorsementWriteIn,
    endorsement_id: int = Path(..., ge=1, le=MAX_ID),
):
    endorsement = permissions.access_endorsement_for_writer(request.user, endorsement_id)
    try:
        endorsement = services.endorsement_write(
            endorsement=endorsement, text=payload.text, by=request.user
        )
    except services.TrustInputError as error:
        return input_error(error)
    except services.TrustError as error:
        return Status(error.status, {"detail": error.message})
    return Status(200, endorsement_out(with_details(endorsement)))


@router.post(
    "/community/feedback",
    response={201: FeedbackSentOut, 400: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Send private feedback to staff about someone you worked with",
    description="Only about a PA you hired or booked, or an employer who hired or booked "
    "you (else 404). Read only by staff serving their area; never shown to them.",
)
def feedback_send(request: HttpRequest, payload: FeedbackIn):
    person, about_role = permissions.access_person_for_feedback(request.user, payload.about_id)
    try:
        feedback = services.feedback_send(
            sender=request.user,
            about=person,
            about_role=about_role,
            category=payload.category,
            text=payload.text,
        )
    except services.TrustInputError as error:
        return input_error(error)
    return Status(
        201,
        FeedbackSentOut(id=feedback.pk, detail="Your feedback has gone to staff of the area."),
    )
