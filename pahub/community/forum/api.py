"""API: the private zones' forum, for the signed-in person (browser session; send the CSRF
token in `X-CSRFToken` with a POST).

- `GET /community/zones`: the zones the person may see, with unread counts.
- `GET /community/zones/{slug}/threads`: a zone's threads, pinned first, then by last post.
- `GET /community/zones/{slug}/threads/{id}/posts`: a thread's posts the person may see.
- `POST /community/zones/{slug}/threads/{id}/posts`: reply (optionally quoting a post).
- `POST /community/zones/{slug}/read` and `.../threads/{id}/read`: mark read.

A zone the person may not see is 404, exactly as if it did not exist.
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.security import django_auth

from pahub.community.forum import permissions, queries, services
from pahub.community.models import Post, Thread, Zone
from pahub.community.permissions import access_zone, can_moderate_zone
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_ID, InputSchema

router = Router(tags=["community"])

ZoneSlug = Path(..., max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")


class ZoneOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="`pas`, `employers`, `area` or `group`")
    description: str
    unread_threads: int = Field(description="Threads with posts the person has not read")
    url: str


class ThreadOut(Schema):
    id: int
    title: str
    is_pinned: bool
    is_locked: bool
    reply_count: int
    last_post_at: datetime
    unread: bool
    url: str


class PostOut(Schema):
    id: int
    author_name: str
    is_yours: bool
    status: str = Field(description="`published`; your own or (for moderators) `held`/`hidden`")
    html: str = Field(description="The post, as safe HTML")
    text: str = Field(description="The post as written (Markdown)")
    quoted_id: int | None
    created_at: datetime
    edited_at: datetime | None
    hidden_reason: str = ""


class ForumPageQuery(InputSchema):
    page: int = Field(1, ge=1, le=100_000)


class ThreadPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ThreadOut]


class PostPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[PostOut]


class ReplyIn(InputSchema):
    multiline_fields = frozenset({"body"})

    body: str = Field(..., min_length=1, max_length=services.BODY_LIMIT)
    quoted_id: int | None = Field(None, ge=1, le=MAX_ID)


def zone_url(zone: Zone) -> str:
    return reverse("community:zone", args=[zone.slug])


def thread_out(thread: Thread) -> ThreadOut:
    return ThreadOut(
        id=thread.pk,
        title=thread.title,
        is_pinned=thread.is_pinned,
        is_locked=thread.locked_at is not None,
        reply_count=thread.reply_count,
        last_post_at=thread.last_post_at,
        unread=thread.is_unread,
        url=reverse("community:thread", args=[thread.zone.slug, thread.pk]),
    )


def post_out(post: Post, user) -> PostOut:
    mine = post.author_id is not None and post.author_id == user.pk
    return PostOut(
        id=post.pk,
        author_name=post.author_name,
        is_yours=mine,
        status=post.status,
        html=post.body_html,
        text=post.body,
        quoted_id=post.quoted_id,
        created_at=post.created_at,
        edited_at=post.edited_at,
        hidden_reason=post.hidden_reason if post.status == Post.Status.HIDDEN else "",
    )


def forum_error(error: services.ForumError) -> Status:
    field = "quoted_id" if error.field == "quoted" else error.field
    if error.status == 400:
        return Status(
            400, {"detail": error.message, "field": field, "errors": {field: [error.message]}}
        )
    return Status(error.status, {"detail": error.message})


@router.get(
    "/community/zones",
    response={200: list[ZoneOut]},
    auth=django_auth,
    summary="The zones you may see",
)
def zones_list(request: HttpRequest):
    return Status(
        200,
        [
            ZoneOut(
                slug=zone.slug,
                name=zone.name,
                kind=zone.kind,
                description=zone.description,
                unread_threads=zone.unread,
                url=zone_url(zone),
            )
            for zone in queries.zones_for_home(request.user)
        ],
    )


@router.get(
    "/community/zones/{zone_slug}/threads",
    response={200: ThreadPageOut, 400: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="A zone's threads",
    description=f"{queries.THREADS_PER_PAGE} a page, pinned first, then by last post.",
)
def zone_threads(request: HttpRequest, filters: Query[ForumPageQuery], zone_slug: str = ZoneSlug):
    zone = access_zone(request.user, zone_slug)
    page = queries.page_of(
        queries.threads_of_zone(zone, request.user), filters.page, queries.THREADS_PER_PAGE
    )
    for thread in page.object_list:
        thread.zone = zone
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [thread_out(thread) for thread in page.object_list],
        },
    )


@router.get(
    "/community/zones/{zone_slug}/threads/{thread_id}/posts",
    response={200: PostPageOut, 400: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="A thread's posts",
    description=f"{queries.POSTS_PER_PAGE} a page, oldest first. Reading does not mark read.",
)
def thread_posts(
    request: HttpRequest,
    filters: Query[ForumPageQuery],
    zone_slug: str = ZoneSlug,
    thread_id: int = Path(..., ge=1, le=MAX_ID),
):
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    moderator = can_moderate_zone(request.user, thread.zone)
    posts = queries.posts_of_thread(thread, request.user, moderator=moderator)
    page = queries.page_of(posts, filters.page, queries.POSTS_PER_PAGE)
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [post_out(post, request.user) for post in page.object_list],
        },
    )


@router.post(
    "/community/zones/{zone_slug}/threads/{thread_id}/posts",
    response={
        201: PostOut,
        400: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        429: ErrorOut,
    },
    auth=django_auth,
    summary="Reply in a thread",
    description="A post the moderators must check first comes back with status `held`. "
    "Posting too fast from a new account is 429; a closed thread is 409.",
)
def reply_create(
    request: HttpRequest,
    payload: ReplyIn,
    zone_slug: str = ZoneSlug,
    thread_id: int = Path(..., ge=1, le=MAX_ID),
):
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    try:
        quoted = None
        if payload.quoted_id is not None:
            try:
                quoted = permissions.access_post_to_quote(request.user, thread, payload.quoted_id)
            except Http404:
                raise services.ForumError(
                    "You can only quote a post from this thread", field="quoted"
                ) from None
        post = services.post_reply(
            thread=thread, author=request.user, body=payload.body, quoted=quoted
        )
    except services.ForumError as error:
        return forum_error(error)
    return Status(201, post_out(post, request.user))


@router.post(
    "/community/zones/{zone_slug}/read",
    response={204: None, 404: ErrorOut},
    auth=django_auth,
    summary="Mark everything in a zone read",
)
def zone_read(request: HttpRequest, zone_slug: str = ZoneSlug):
    zone = access_zone(request.user, zone_slug)
    services.zone_read_mark(user=request.user, zone=zone)
    return Status(204, None)


@router.post(
    "/community/zones/{zone_slug}/threads/{thread_id}/read",
    response={204: None, 404: ErrorOut},
    auth=django_auth,
    summary="Mark a thread read",
)
def thread_read(
    request: HttpRequest, zone_slug: str = ZoneSlug, thread_id: int = Path(..., ge=1, le=MAX_ID)
):
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    services.thread_read_mark(user=request.user, thread=thread)
    return Status(204, None)
