"""API: conversations and messages, for the people taking part in them.

Session authentication only (a browser, or an app signed in as the person): organisations'
API keys cannot read private conversations. Anyone not in a conversation gets 404, as on
the pages; a block gives 409; bad input 400. POSTs need the CSRF token in `X-CSRFToken`.
Opening a conversation (GET) marks it read, as opening the page does.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_OFFSET, InputSchema
from pahub.messaging import services
from pahub.messaging.models import Conversation, Message
from pahub.messaging.permissions import (
    Participant,
    access_conversation,
    conversations_for,
    listed_participant,
)
from pahub.messaging.queries import (
    BlockState,
    acting_for_label,
    author_label,
    block_state,
    employer_name,
    inbox_for,
    messages_of,
    other_side_contact,
    other_side_name,
    unread_summary,
)

router = Router(tags=["messaging"])

STATUS_FOR = {"invalid": 400, "blocked": 409, "state": 409, "forbidden": 403}


class JobRef(Schema):
    id: int
    title: str


class ConversationSummaryOut(Schema):
    id: int
    with_name: str = Field(description="The other side: the PA's or the employer's shown name")
    side: Literal["pa", "employer"] = Field(description="Which side you are on")
    acting_for: str | None = Field(description="The employer's name when you read on their behalf")
    job: JobRef | None
    unread: int
    last_message_at: datetime
    contact_shared: bool


class ConversationListOut(Schema):
    count: int
    unread_total: int
    items: list[ConversationSummaryOut]


class ListQuery(InputSchema):
    limit: int = Field(50, ge=1, le=100)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MessageOut(Schema):
    id: int
    author: str = Field(description='Who wrote it, e.g. "Sara (representative) for Amira"')
    author_role: Literal["employer", "representative", "staff", "pa", "hub"]
    created_at: datetime
    body: str | None = Field(description="Null when a moderator removed the message")
    hidden_by_moderator: bool
    mine: bool


class ContactDetailsOut(Schema):
    name: str
    email: str
    phone: str


class ContactOut(Schema):
    you_shared: bool
    they_shared: bool
    details: ContactDetailsOut | None = Field(
        description="The other side's details: only once both sides have shared"
    )


class BlockOut(Schema):
    by_your_side: bool
    by_other_side: bool


class ConversationOut(Schema):
    id: int
    with_name: str
    side: Literal["pa", "employer"]
    your_role: str = Field(description="The capacity you write in: pa, employer, ...")
    acting_for: str | None
    job: JobRef | None
    created_at: datetime
    last_message_at: datetime
    can_send: bool
    contact: ContactOut
    block: BlockOut
    messages: list[MessageOut]


class MessageIn(InputSchema):
    multiline_fields = frozenset({"body"})

    body: str


def job_ref(conversation: Conversation) -> JobRef | None:
    job = conversation.job
    return JobRef(id=job.pk, title=job.title) if job is not None else None


def contact_out(
    conversation: Conversation, participant: Participant, blocks: BlockState
) -> ContactOut:
    mine, theirs = (
        (conversation.pa_shared_contact_at, conversation.employer_shared_contact_at)
        if participant.is_pa
        else (conversation.employer_shared_contact_at, conversation.pa_shared_contact_at)
    )
    details = other_side_contact(conversation, participant, blocks)
    return ContactOut(
        you_shared=mine is not None,
        they_shared=theirs is not None,
        details=ContactDetailsOut(name=details.name, email=details.email, phone=details.phone)
        if details
        else None,
    )


def message_out(message: Message, conversation: Conversation, user) -> MessageOut:
    hidden = message.hidden_by_moderator_at is not None
    return MessageOut(
        id=message.pk,
        author=author_label(message, conversation),
        author_role=message.author_role,
        created_at=message.created_at,
        body=None if hidden else message.body,
        hidden_by_moderator=hidden,
        mine=message.author_id == user.pk,
    )


def error(exc: services.MessagingError):
    return Status(STATUS_FOR.get(exc.code, 400), {"detail": exc.message, "field": exc.field})


@router.get(
    "/conversations",
    response={200: ConversationListOut, 401: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Your conversations, newest first, with unread counts",
)
def conversation_list(request: HttpRequest, query: Query[ListQuery]):
    user = request.auth
    scope = conversations_for(user)
    conversations = inbox_for(user, scope)
    items = []
    for conversation in conversations[query.offset : query.offset + query.limit]:
        participant = listed_participant(user, conversation)
        acting_for = acting_for_label(conversation, participant)
        items.append(
            ConversationSummaryOut(
                id=conversation.pk,
                with_name=other_side_name(conversation, participant),
                side=participant.side,
                acting_for=employer_name(conversation.employer) if acting_for else None,
                job=job_ref(conversation),
                unread=conversation.unread,
                last_message_at=conversation.last_message_at,
                contact_shared=conversation.contact_shared,
            )
        )
    return Status(
        200,
        ConversationListOut(
            count=conversations.count(),
            unread_total=unread_summary(user, scope).count,
            items=items,
        ),
    )


def conversation_out(conversation: Conversation, participant: Participant) -> ConversationOut:
    blocks = block_state(conversation)
    mine = blocks.by_pa if participant.is_pa else blocks.by_employer
    acting_for = acting_for_label(conversation, participant)
    return ConversationOut(
        id=conversation.pk,
        with_name=other_side_name(conversation, participant),
        side=participant.side,
        your_role=participant.author_role,
        acting_for=employer_name(conversation.employer) if acting_for else None,
        job=job_ref(conversation),
        created_at=conversation.created_at,
        last_message_at=conversation.last_message_at,
        can_send=not blocks.blocked,
        contact=contact_out(conversation, participant, blocks),
        block=BlockOut(by_your_side=mine, by_other_side=blocks.blocked and not mine),
        messages=[
            message_out(message, conversation, participant.user)
            for message in messages_of(conversation)
        ],
    )


@router.get(
    "/conversations/{conversation_id}",
    response={200: ConversationOut, 401: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="One conversation with its messages, oldest first (marks it read)",
)
def conversation_detail(request: HttpRequest, conversation_id: int):
    conversation, participant = access_conversation(request.auth, conversation_id, audit_view=True)
    services.conversation_mark_read(conversation=conversation, user=request.auth)
    return Status(200, conversation_out(conversation, participant))


@router.post(
    "/conversations/{conversation_id}/messages",
    response={201: MessageOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 400: ErrorOut},
    auth=django_auth,
    summary="Send a message in a conversation you take part in",
)
def message_create(request: HttpRequest, conversation_id: int, payload: MessageIn):
    conversation, participant = access_conversation(request.auth, conversation_id)
    try:
        message = services.message_send(
            conversation=conversation, participant=participant, body=payload.body
        )
    except services.MessagingError as exc:
        return error(exc)
    return Status(201, message_out(message, conversation, request.auth))


@router.post(
    "/conversations/{conversation_id}/share-contact",
    response={200: ContactOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Agree to share your contact details; both sides see them once both agree",
)
def contact_share(request: HttpRequest, conversation_id: int):
    conversation, participant = access_conversation(request.auth, conversation_id)
    try:
        conversation = services.contact_share(conversation=conversation, participant=participant)
    except services.MessagingError as exc:
        return error(exc)
    # Reload with the names and people the answer shows.
    conversation, participant = access_conversation(request.auth, conversation_id)
    return Status(200, contact_out(conversation, participant, block_state(conversation)))
