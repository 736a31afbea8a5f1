"""Reads for messaging: blocks, inbox rows with unread counts, names and "who wrote this"
labels, and contact details once both sides agreed. Writes live in services.py.

Unread means: written by the other side (or by PA Hub itself) after the reader's read
marker, and not hidden by a moderator. What a representative writes for an employer is not
"unread" for the employer: it is their own side talking.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from pahub.accounts.models import User
from pahub.core.sql_shapes import CompiledShape, compile_shape, shape_cache, stand_ins
from pahub.employers.queries import employer_name
from pahub.messaging.models import Block, Conversation, Message, ReadMarker
from pahub.messaging.permissions import (
    CONVERSATION_RELATED,
    Participant,
    conversations_for,
    conversations_of,
    employer_ids_user_acts_for,
)
from pahub.register.queries import pa_name

# Before any message on PA Hub: "never read" compares as earlier than every message.
NEVER = datetime(2000, 1, 1, tzinfo=UTC)

# What each side has not written itself.
FROM_EMPLOYER_SIDE_OR_HUB = ~Q(author_role=Message.AuthorRole.PA)
FROM_PA_OR_HUB = Q(author_role__in=[Message.AuthorRole.PA, Message.AuthorRole.HUB])


def is_blocked_between(employer: User, pa: User) -> bool:
    """True when either side has blocked the other.

    A block is symmetric in effect: no new messages, conversations, invitations or
    applications between the two, whoever pressed the button.
    """
    return Block.objects.filter(
        Q(blocker=employer, blocked=pa) | Q(blocker=pa, blocked=employer)
    ).exists()


@dataclass(frozen=True)
class BlockState:
    by_employer: bool
    by_pa: bool

    @property
    def blocked(self) -> bool:
        return self.by_employer or self.by_pa


def block_state(conversation: Conversation) -> BlockState:
    """Who, if anyone, has blocked whom between this conversation's employer and PA."""
    blockers = set(
        Block.objects.filter(
            Q(blocker_id=conversation.employer_id, blocked_id=conversation.pa_id)
            | Q(blocker_id=conversation.pa_id, blocked_id=conversation.employer_id)
        ).values_list("blocker_id", flat=True)
    )
    return BlockState(
        by_employer=conversation.employer_id in blockers, by_pa=conversation.pa_id in blockers
    )


# Unread counts


def _unread_messages(*, as_pa: bool) -> QuerySet[Message]:
    """Messages of the outer conversation the user has not read, seen from one side."""
    return Message.objects.filter(
        FROM_EMPLOYER_SIDE_OR_HUB if as_pa else FROM_PA_OR_HUB,
        conversation=OuterRef("pk"),
        created_at__gt=OuterRef("read_up_to"),
        hidden_by_moderator_at__isnull=True,
    ).order_by()


def _per_side(user_id: int, aggregate, output_field) -> Case:
    """One subquery per side; which applies depends on whether the user is this
    conversation's PA."""

    def column(as_pa: bool) -> Subquery:
        return Subquery(
            _unread_messages(as_pa=as_pa)
            .values("conversation")
            .annotate(value=aggregate)
            .values("value"),
            output_field=output_field,
        )

    return Case(
        When(pa_id=user_id, then=column(True)), default=column(False), output_field=output_field
    )


def _with_read_up_to(conversations: QuerySet[Conversation], user_id: int) -> QuerySet[Conversation]:
    """Annotate `read_up_to`: when this reader last read each conversation (else NEVER)."""
    marker = ReadMarker.objects.filter(conversation=OuterRef("pk"), user_id=user_id).values(
        "read_up_to"
    )[:1]
    return conversations.annotate(read_up_to=Coalesce(Subquery(marker), Value(NEVER)))


def _unread_count(user_id: int) -> Coalesce:
    return Coalesce(_per_side(user_id, Count("pk"), IntegerField()), 0)


def with_unread(conversations: QuerySet[Conversation], user: User) -> QuerySet[Conversation]:
    """Annotate `unread` (a count) and `newest_unread_at` for this reader, in the same query."""
    return _with_read_up_to(conversations, user.pk).annotate(
        unread=_unread_count(user.pk),
        newest_unread_at=_per_side(user.pk, Max("created_at"), DateTimeField()),
    )


def inbox_for(
    user: User, conversations: QuerySet[Conversation] | None = None
) -> QuerySet[Conversation]:
    """The user's conversations, newest first, with everything a row shows: names, job,
    unread count. The query count does not grow with the number of conversations."""
    if conversations is None:
        conversations = conversations_for(user)
    return with_unread(conversations.select_related(*CONVERSATION_RELATED), user).order_by(
        "-last_message_at", "-pk"
    )


@dataclass(frozen=True)
class UnreadSummary:
    count: int
    newest_at: datetime | None


def unread_summary(
    user: User, conversations: QuerySet[Conversation] | None = None
) -> UnreadSummary:
    """How many unread messages the user has in all, and when the newest arrived."""
    if conversations is None:
        conversations = conversations_for(user)
    totals = with_unread(conversations, user).aggregate(
        count=Sum("unread"), newest_at=Max("newest_unread_at")
    )
    return UnreadSummary(count=totals["count"] or 0, newest_at=totals["newest_at"])


def unread_message_count(user: User) -> int:
    """`unread_summary(user).count` alone: the header's number on every page.

    Building this query's subqueries took far longer than running it (some 4 ms of Python a
    page against a tenth of a millisecond in the database), so its SQL is built once per
    shape (how many employers the user acts for) and run with the user's own ids."""
    if not user.is_authenticated:
        return 0
    employer_ids = sorted(employer_ids_user_acts_for(user))
    shape = _unread_count_shape(len(employer_ids))
    row = shape.fetchone(
        [user.pk, *employer_ids], wrap="SELECT SUM(unread) FROM ({}) AS unread_rows"
    )
    return int(row[0] or 0) if row else 0


@shape_cache
def _unread_count_shape(employer_count: int) -> CompiledShape:
    user_id, *employer_ids = stand_ins(1 + employer_count)
    conversations = conversations_of(user_id, employer_ids)
    counts = (
        _with_read_up_to(conversations, user_id)
        .annotate(unread=_unread_count(user_id))
        .order_by()
        .values("unread")
    )
    return compile_shape(counts, [user_id, *employer_ids])


# Names and labels


def other_side_name(conversation: Conversation, participant: Participant) -> str:
    if participant.is_pa:
        return employer_name(conversation.employer)
    return pa_name(conversation.pa)


def acting_for_label(conversation: Conversation, participant: Participant) -> str:
    """ "for Amira" when someone reads an employer's conversation on their behalf."""
    if participant.is_employer_side and participant.user.pk != conversation.employer_id:
        return f"for {employer_name(conversation.employer)}"
    return ""


def author_label(message: Message, conversation: Conversation) -> str:
    """Who wrote a message, in the capacity they wrote it: every message says so."""
    role = message.author_role
    author = message.author
    if role == Message.AuthorRole.HUB:
        return "PA Hub"
    if role == Message.AuthorRole.PA:
        return pa_name(conversation.pa)
    employer = employer_name(conversation.employer)
    if role == Message.AuthorRole.EMPLOYER:
        return employer
    name = author.display_name if author is not None else "Someone who has left PA Hub"
    if role == Message.AuthorRole.REPRESENTATIVE:
        return f"{name} (representative) for {employer}"
    organisation = message.author_organisation
    staff_of = f"{organisation.name} staff" if organisation is not None else "staff"
    return f"{name}, {staff_of}, for {employer}"


def messages_of(conversation: Conversation) -> QuerySet[Message]:
    """Every message, oldest first, with what its label needs."""
    return conversation.messages.select_related("author", "author_organisation").order_by(
        "created_at", "pk"
    )


# Contact details


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str
    phone: str


def contact_details_visible(conversation: Conversation, blocks: BlockState) -> bool:
    """Only when both sides have shared, and nobody has blocked the other since."""
    return conversation.contact_shared and not blocks.blocked


def other_side_contact(
    conversation: Conversation, participant: Participant, blocks: BlockState
) -> ContactDetails | None:
    """The other side's contact details, or None until both sides have agreed.

    The employer side shares the employer account's own details (not a representative's or
    staff member's); the PA shares theirs.
    """
    if not contact_details_visible(conversation, blocks):
        return None
    person = conversation.employer if participant.is_pa else conversation.pa
    return ContactDetails(name=person.full_name, email=person.email, phone=person.phone)
