"""API: safeguarding concerns, under /api/v1/concerns/.

- `POST /concerns/`: a signed-in person raises a concern (browser session; the CSRF token in
  `X-CSRFToken`), with the same rules and messages as the page. `about` is `<kind>:<id>`
  (post, message, booking, profile); something the person may not see is treated as no
  context, and then `area` (a council's GSS code) is needed. Too many in an hour is 429.
- `GET /concerns/` and `GET /concerns/{id}`: a council's safeguarding staff, and site
  administrators, read the concerns in their areas; each read of one concern is audited.
  Anyone else gets 404.
"""

from datetime import datetime

from django.http import Http404, HttpRequest, QueryDict
from ninja import Field, Path, Router, Schema, Status
from ninja.security import django_auth

from pahub.core.api_errors import ErrorOut
from pahub.core.audit import client_ip
from pahub.core.forms import yes_no
from pahub.core.schemas import MAX_ID, InputSchema
from pahub.support.concerns import permissions, services
from pahub.support.concerns.about import resolve_about
from pahub.support.concerns.forms import ConcernForm
from pahub.support.models import Concern

router = Router(tags=["safeguarding concerns"])


class ConcernIn(InputSchema):
    multiline_fields = frozenset({"what_happened"})

    about: str = Field("", max_length=40, description="What it is about, like `booking:12`")
    area: str = Field("", max_length=9, description="A council's GSS code, when not `about`")
    who: str = Field(..., max_length=500, description="Who is at risk, and who it is about")
    what_happened: str = Field(..., max_length=5000)
    in_danger: bool
    may_contact: bool
    contact_details: str = Field("", max_length=200)
    anonymous: bool = True


class ConcernRaisedOut(Schema):
    id: int
    reference: str
    area: str
    status: str
    advice: str = Field(description="What to do now; says to call 999 when someone is in danger")


class ConcernOut(Schema):
    id: int
    reference: str
    area: str
    area_code: str
    created_at: datetime
    in_danger: bool
    status: str
    handled_by: str | None


class ConcernDetailOut(ConcernOut):
    raised_by: str | None
    who: str
    what_happened: str
    about_kind: str
    may_contact: bool
    contact_details: str
    anonymous: bool
    outcome: str


def concern_out(concern: Concern) -> dict:
    return {
        "id": concern.pk,
        "reference": concern.reference,
        "area": concern.area.name,
        "area_code": concern.area_id,
        "created_at": concern.created_at,
        "in_danger": concern.in_danger,
        "status": concern.status,
        "handled_by": concern.handled_by.display_name if concern.handled_by else None,
    }


def form_data(body: ConcernIn) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update(
        {
            "area": body.area,
            "who": body.who,
            "what_happened": body.what_happened,
            "in_danger": yes_no(body.in_danger),
            "may_contact": yes_no(body.may_contact),
            "contact_details": body.contact_details,
            "anonymous": yes_no(body.anonymous),
        }
    )
    return data


@router.post(
    "/concerns/",
    response={201: ConcernRaisedOut, 400: ErrorOut, 429: ErrorOut},
    auth=django_auth,
    summary="Raise a safeguarding concern",
)
def concern_create(request: HttpRequest, body: ConcernIn):
    about = resolve_about(request.user, body.about)
    area = about.area if about is not None else None
    form = ConcernForm(form_data(body), user=request.user, area_known=area is not None)
    if not form.is_valid():
        errors = {name: list(messages) for name, messages in form.errors.items()}
        first = next(iter(errors))
        return Status(
            400, {"detail": f"{first}: {errors[first][0]}", "field": first, "errors": errors}
        )
    try:
        concern = services.concern_raise(
            raiser=request.user,
            values=form.values(area),
            about=about,
            client_ip=client_ip(request),
        )
    except services.ConcernError as error:
        return Status(429, {"detail": error.message})
    advice = (
        "If someone is in danger now, call 999."
        if not concern.in_danger
        else "Someone is in danger: call 999 now. Do not wait for the council to read this."
    )
    return Status(
        201,
        {
            "id": concern.pk,
            "reference": concern.reference,
            "area": concern.area.name,
            "status": concern.status,
            "advice": advice,
        },
    )


@router.get(
    "/concerns/",
    response={200: list[ConcernOut], 404: ErrorOut},
    auth=django_auth,
    summary="Safeguarding concerns in your council's areas (safeguarding staff)",
)
def concern_list(request: HttpRequest):
    if not permissions.handles_safeguarding(request.user):
        raise Http404
    concerns = permissions.concerns_for_staff(request.user).select_related("area", "handled_by")
    return Status(200, [concern_out(concern) for concern in concerns[:200]])


@router.get(
    "/concerns/{concern_id}",
    response={200: ConcernDetailOut, 404: ErrorOut},
    auth=django_auth,
    summary="One safeguarding concern (safeguarding staff); each read is audited",
)
def concern_detail(request: HttpRequest, concern_id: int = Path(..., ge=1, le=MAX_ID)):
    concern = permissions.access_concern_for_staff(request.user, concern_id)
    return Status(
        200,
        {
            **concern_out(concern),
            "raised_by": concern.raiser.email if concern.raiser else None,
            "who": concern.who,
            "what_happened": concern.what_happened,
            "about_kind": concern.about_kind,
            "may_contact": concern.may_contact,
            "contact_details": concern.contact_details,
            "anonymous": concern.anonymous,
            "outcome": concern.outcome,
        },
    )
