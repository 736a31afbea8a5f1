"""API: your notifications and your choices, under /api/v1/notifications.

Session authentication only (a browser, or an app signed in as the person): an organisation's
API key has no notifications of its own. Another person's notice is 404, as on the pages; a
choice that is not allowed (turning a required kind down, an unknown kind or channel) is 400
with the kind in `field` (`core.api_errors`). Writes need the CSRF token in `X-CSRFToken`.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_OFFSET, InputSchema
from pahub.notifications import services
from pahub.notifications.models import Notice
from pahub.notifications.queries import access_notice, notices_for, unread_count
from pahub.notifications.registry import Channel, UnknownKind, registry

router = Router(tags=["notifications"])


class NoticeListQuery(InputSchema):
    limit: int = Field(25, ge=1, le=100)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class NoticeOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str = Field(description="A path on PA Hub, or empty")
    created_at: datetime
    read: bool


class NoticeListOut(Schema):
    count: int
    unread: int
    items: list[NoticeOut]


class MarkedOut(Schema):
    marked: int


class PreferenceOut(Schema):
    kind: str
    group: str
    label: str
    channel: str
    required: bool
    reason: str = Field(description="Why a required kind cannot be turned off; else empty")
    channels: list[str] = Field(description="The channels you may choose for this kind")


class PreferencesOut(Schema):
    items: list[PreferenceOut]


class PreferencesIn(InputSchema):
    choices: dict[str, str] = Field(
        description='Kind to channel, e.g. {"cover.alert": "in_app"}; channels: '
        + ", ".join(Channel.values)
    )


def notice_out(notice: Notice) -> NoticeOut:
    return NoticeOut(
        id=notice.pk,
        kind=notice.kind,
        title=notice.title,
        body=notice.body,
        url=notice.url,
        created_at=notice.created_at,
        read=notice.read_at is not None,
    )


def preferences_out(user) -> PreferencesOut:
    chosen = services.preferences_of(user)
    return PreferencesOut(
        items=[
            PreferenceOut(
                kind=kind.key,
                group=kind.group,
                label=kind.label,
                channel=chosen[kind.key],
                required=kind.required,
                reason=kind.reason,
                channels=[channel for channel in Channel.values if kind.allows(channel)],
            )
            for kind in registry
        ]
    )


@router.get(
    "/notifications",
    response={200: NoticeListOut, 401: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Your notifications, newest first",
)
def notice_list(request: HttpRequest, query: Query[NoticeListQuery]):
    notices = notices_for(request.auth)
    items = [notice_out(notice) for notice in notices[query.offset : query.offset + query.limit]]
    return Status(
        200, NoticeListOut(count=notices.count(), unread=unread_count(request.auth), items=items)
    )


@router.post(
    "/notifications/read-all",
    response={200: MarkedOut, 401: ErrorOut},
    auth=django_auth,
    summary="Mark all your notifications read",
)
def notice_read_all(request: HttpRequest):
    return Status(200, MarkedOut(marked=services.notices_mark_all_read(user=request.auth)))


@router.post(
    "/notifications/{notice_id}/read",
    response={200: NoticeOut, 401: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Mark one of your notifications read",
)
def notice_read(request: HttpRequest, notice_id: int):
    notice = access_notice(request.auth, notice_id)
    services.notice_mark_read(notice=notice)
    return Status(200, notice_out(notice))


@router.get(
    "/notifications/preferences",
    response={200: PreferencesOut, 401: ErrorOut},
    auth=django_auth,
    summary="How you hear about each kind of notification",
)
def preferences_get(request: HttpRequest):
    return Status(200, preferences_out(request.auth))


@router.put(
    "/notifications/preferences",
    response={200: PreferencesOut, 401: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Change how you hear about some kinds (others are kept)",
)
def preferences_put(request: HttpRequest, payload: PreferencesIn):
    for key, channel in payload.choices.items():
        try:
            kind = registry.get(key)
        except UnknownKind:
            return Status(400, ErrorOut(detail=f"There is no kind called {key}.", field=key))
        if channel not in Channel.values:
            return Status(
                400,
                ErrorOut(detail=f"Choose one of: {', '.join(Channel.values)}.", field=kind.key),
            )
    try:
        services.preferences_set(user=request.auth, choices=payload.choices)
    except services.PreferenceError as exc:
        return Status(400, ErrorOut(detail=exc.message, field=exc.kind))
    return Status(200, preferences_out(request.auth))
