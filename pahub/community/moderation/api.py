"""API: the community moderators' queue and their actions, under
/api/v1/community/moderation/ (browser session; the CSRF token in `X-CSRFToken`).

- `GET /community/moderation/queue`: held posts and posts with open reports in the zones the
  person moderates. Someone who moderates no zone gets 404, as on the page.
- `POST /community/moderation/posts/{id}/actions`: hide, keep, publish (`release`), restore,
  warn or suspend, through the same services as the page. A post in a zone the person does
  not moderate is 404; an action the post's state no longer allows is 409.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.security import django_auth

from pahub.community.models import ModerationAction
from pahub.community.moderation import permissions, queries
from pahub.community.moderation.actions import perform
from pahub.community.moderation.services import (
    REASON_MAX_LENGTH,
    SUSPENSION_MAX_DAYS,
    ModerationError,
)
from pahub.core.api_errors import ErrorOut, error_body
from pahub.core.schemas import MAX_ID, InputSchema

router = Router(tags=["community moderation"])

ActionKey = Literal[tuple(ModerationAction.Action.values)]  # type: ignore[valid-type]


class QueuePostOut(Schema):
    id: int
    zone: str
    thread: str
    author_name: str
    text: str
    status: str = Field(description="`published`, `held` or `hidden`")
    held_reason: str
    open_reports: int
    posted_at: datetime


class ActionIn(InputSchema):
    multiline_fields = frozenset({"reason"})

    action: ActionKey = Field(description="hide, keep, release, restore, warn or suspend")
    reason: str = Field("", max_length=REASON_MAX_LENGTH)
    days: int | None = Field(None, ge=1, le=SUSPENSION_MAX_DAYS, description="For suspend")


class ActionOut(Schema):
    post_id: int
    status: str
    action: str


@router.get(
    "/community/moderation/queue",
    response={200: list[QueuePostOut], 404: ErrorOut},
    auth=django_auth,
    summary="Posts waiting for a moderator",
)
def queue(request: HttpRequest):
    permissions.require_moderator(request.user)
    return Status(
        200,
        [
            QueuePostOut(
                id=post.pk,
                zone=post.thread.zone.name,
                thread=post.thread.title,
                author_name=post.author_name,
                text=post.body,
                status=post.status,
                held_reason=post.held_reason,
                open_reports=post.open_report_count,
                posted_at=post.created_at,
            )
            for post in queries.queue_posts(request.user)
        ],
    )


@router.post(
    "/community/moderation/posts/{post_id}/actions",
    response={200: ActionOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Act on a held or reported post",
)
def act(request: HttpRequest, payload: ActionIn, post_id: int = Path(..., ge=1, le=MAX_ID)):
    post = permissions.access_post_for_moderator(request.user, post_id)
    if payload.action == ModerationAction.Action.LIFT:
        return Status(
            400,
            error_body("Lift a suspension from the moderators' page.", field="action"),
        )
    try:
        perform(
            action=payload.action,
            post=post,
            moderator=request.user,
            reason=payload.reason,
            days=payload.days,
        )
    except ModerationError as error:
        return Status(error.status, error_body(error.message, field=error.field))
    post.refresh_from_db(fields=["status"])
    return Status(200, ActionOut(post_id=post.pk, status=post.status, action=payload.action))
