"""Every change to messaging, one function per action. Views, the API, other apps
(applications, invitations) and tasks call these; nobody writes messages themselves.

Each function is one transaction and records what a person did in the audit log, except
posting a message: the message is its own record.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from pahub.accounts.models import Organisation, User
from pahub.core import audit
from pahub.messaging.models import (
    Block,
    Conversation,
    Message,
    ReadMarker,
    Report,
)
from pahub.messaging.notices import NEW_MESSAGE, REPORT_OUTCOME
from pahub.messaging.permissions import (
    Participant,
    may_start_conversation,
    message_may_be_reported_by,
)
from pahub.messaging.queries import block_state, is_blocked_between
from pahub.notifications.registry import Channel
from pahub.notifications.services import notify, preference_set

MESSAGE_MAX_LENGTH = 5000
REPORT_REASON_MAX_LENGTH = 2000
MODERATOR_NOTE_MAX_LENGTH = 2000


class MessagingError(Exception):
    """A request that cannot be done, with words to show the person and where to show them.

    `code` lets the API choose its status: "blocked" and "state" are conflicts (409),
    "invalid" is bad input (400), "forbidden" is 403.
    """

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


BLOCKED_MESSAGE = "Messages can no longer be sent between you and this person."
FORMER_USER_MESSAGE = "This person has deleted their PA Hub account, so they cannot get messages."


def clean_body(body: str, *, field: str = "body", max_length: int = MESSAGE_MAX_LENGTH) -> str:
    """The same rule for forms and the API: something to say, and not too much of it."""
    body = (body or "").strip()
    if not body:
        raise MessagingError("Enter a message", field=field)
    if len(body) > max_length:
        raise MessagingError(
            f"Your message must be {max_length:,} characters or fewer (it is {len(body):,})",
            field=field,
        )
    return body


# Conversations and messages


def conversation_get_or_create(*, employer: User, pa: User, job=None) -> Conversation:
    """The one conversation between an employer and a PA about a job (or in general)."""
    try:
        with transaction.atomic():
            conversation, _ = Conversation.objects.get_or_create(employer=employer, pa=pa, job=job)
    except IntegrityError:
        # Two requests started the same conversation at once; the other one won.
        conversation = Conversation.objects.get(employer=employer, pa=pa, job=job)
    return conversation


@transaction.atomic
def message_post(
    *,
    conversation: Conversation,
    author: User | None,
    author_role: str,
    body: str,
    author_organisation=None,
) -> Message:
    """Add a message and move the conversation to the top of both sides' lists.

    A person's message is refused while either side has blocked the other, whoever calls
    this; PA Hub's own event lines ("Jordan withdrew their application") still go in.
    """
    if author_role != Message.AuthorRole.HUB and is_blocked_between(
        conversation.employer, conversation.pa
    ):
        raise MessagingError(BLOCKED_MESSAGE, field="body", code="blocked")
    if author_role != Message.AuthorRole.HUB and (
        conversation.employer.is_former or conversation.pa.is_former
    ):
        raise MessagingError(FORMER_USER_MESSAGE, field="body", code="former_user")
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation,
        author=author,
        author_role=author_role,
        author_organisation=author_organisation,
        body=body,
        created_at=now,
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    conversation.last_message_at = now
    if author is not None:
        # Writing in a conversation means having read it, up to and including one's own words.
        _mark_read(conversation=conversation, user=author, up_to=now)
    conversation_id = conversation.pk
    author_id = author.pk if author is not None else None
    # After commit, so a rolled-back message never tells anyone: the others get an in-app
    # notice now, and the task batches emails for this conversation's people, at most once
    # per interval.
    transaction.on_commit(lambda: _enqueue_notifications(conversation_id, author_id))
    return message


def _enqueue_notifications(conversation_id: int, author_id: int | None) -> None:
    from pahub.messaging.notifications import notice_new_message
    from pahub.messaging.tasks import send_message_notifications

    notice_new_message(conversation_id=conversation_id, author_id=author_id)
    send_message_notifications.enqueue(conversation_id=conversation_id)


def hub_event_post(*, conversation: Conversation, body: str) -> Message:
    """A line written by PA Hub itself, e.g. "Sam applied for Morning PA"."""
    return message_post(
        conversation=conversation, author=None, author_role=Message.AuthorRole.HUB, body=body
    )


def message_send(*, conversation: Conversation, participant: Participant, body: str) -> Message:
    """A participant writes in a conversation, in the capacity they take part in it."""
    body = clean_body(body)
    return message_post(
        conversation=conversation,
        author=participant.user,
        author_role=participant.author_role,
        author_organisation=participant.organisation,
        body=body,
    )


@transaction.atomic
def conversation_start(
    *,
    by: User,
    employer: User,
    pa: User,
    body: str,
    author_role: str,
    author_organisation: Organisation | None = None,
    job=None,
) -> tuple[Conversation, Message]:
    """The employer side writes to a PA: into their existing conversation if there is one.

    The caller has checked that `by` may see the PA's profile; this checks who may write
    and whether a block stands, so nothing is created when the answer is no.
    """
    body = clean_body(body)
    if not may_start_conversation(by, employer=employer, pa=pa):
        raise MessagingError("You cannot send a message to this person.", code="forbidden")
    if is_blocked_between(employer, pa):
        raise MessagingError(BLOCKED_MESSAGE, field="body", code="blocked")
    conversation = conversation_get_or_create(employer=employer, pa=pa, job=job)
    message = message_post(
        conversation=conversation,
        author=by,
        author_role=author_role,
        author_organisation=author_organisation,
        body=body,
    )
    audit.record(by, "conversation.started", conversation, employer=employer.pk)
    return conversation, message


def _mark_read(*, conversation: Conversation, user: User, up_to) -> None:
    updated = ReadMarker.objects.filter(
        conversation=conversation, user=user, read_up_to__lt=up_to
    ).update(read_up_to=up_to)
    if updated:
        return
    try:
        with transaction.atomic():
            ReadMarker.objects.get_or_create(
                conversation=conversation, user=user, defaults={"read_up_to": up_to}
            )
    except IntegrityError:
        # Opened in two tabs at once; the other request wrote the marker.
        pass


def conversation_mark_read(*, conversation: Conversation, user: User) -> None:
    """Opening a conversation reads it up to its newest message (not "now": a message
    committed a moment later must still count as unread)."""
    newest = conversation.messages.order_by("-created_at").values_list("created_at", flat=True)
    up_to = newest.first()
    if up_to is not None:
        _mark_read(conversation=conversation, user=user, up_to=up_to)


# Contact details


@transaction.atomic
def contact_share(*, conversation: Conversation, participant: Participant) -> Conversation:
    """One side agrees to share its contact details; they are shown once both have."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if block_state(conversation).blocked:
        raise MessagingError(BLOCKED_MESSAGE, code="blocked")
    field = "pa_shared_contact_at" if participant.is_pa else "employer_shared_contact_at"
    if getattr(conversation, field) is None:
        setattr(conversation, field, timezone.now())
        conversation.save(update_fields=[field])
        audit.record(
            participant.user,
            "conversation.contact_shared",
            conversation,
            side=participant.side,
            both_shared=conversation.contact_shared,
        )
    return conversation


@transaction.atomic
def contact_withdraw(*, conversation: Conversation, participant: Participant) -> Conversation:
    """Take back an offer to share, while the other side has not yet shared theirs.

    Once both have shared, each has seen the other's details; they cannot be unseen, so
    there is nothing left to withdraw.
    """
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if conversation.contact_shared:
        raise MessagingError(
            "You have both shared your contact details, so they cannot be taken back.",
            code="state",
        )
    field = "pa_shared_contact_at" if participant.is_pa else "employer_shared_contact_at"
    if getattr(conversation, field) is not None:
        setattr(conversation, field, None)
        conversation.save(update_fields=[field])
        audit.record(
            participant.user,
            "conversation.contact_withdrawn",
            conversation,
            side=participant.side,
        )
    return conversation


# Blocking


def _block_pair(conversation: Conversation, participant: Participant) -> tuple[User, User]:
    """Who blocks whom: the PA blocks the employer; anyone on the employer side blocks the
    PA on the employer's behalf (the audit log says who pressed the button)."""
    if participant.is_pa:
        return conversation.pa, conversation.employer
    return conversation.employer, conversation.pa


@transaction.atomic
def block_create(*, conversation: Conversation, participant: Participant) -> Block:
    blocker, blocked = _block_pair(conversation, participant)
    block, created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    if created:
        audit.record(
            participant.user,
            "conversation.blocked",
            conversation,
            blocker=blocker.pk,
            blocked=blocked.pk,
        )
    return block


@transaction.atomic
def block_remove(*, conversation: Conversation, participant: Participant) -> None:
    """Only the side that blocked may unblock; a block by the other side stays."""
    blocker, blocked = _block_pair(conversation, participant)
    deleted, _ = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    if not deleted:
        raise MessagingError("There is no block of yours to remove.", code="state")
    audit.record(
        participant.user,
        "conversation.unblocked",
        conversation,
        blocker=blocker.pk,
        blocked=blocked.pk,
    )


# Reports and moderation


@transaction.atomic
def report_create(
    *,
    message: Message,
    participant: Participant,
    reason: str,
) -> Report:
    """A participant reports a message to the moderators of the employer's area."""
    reason = clean_body(reason, field="reason", max_length=REPORT_REASON_MAX_LENGTH)
    if not message_may_be_reported_by(participant, message):
        raise MessagingError("You cannot report this message.", code="forbidden")
    if Report.objects.filter(
        message=message, reporter=participant.user, status=Report.Status.OPEN
    ).exists():
        raise MessagingError(
            "You have already reported this message. A moderator will look at it.",
            field="reason",
            code="state",
        )
    report = Report.objects.create(message=message, reporter=participant.user, reason=reason)
    audit.record(participant.user, "message.reported", report)
    return report


class Outcome:
    NO_ACTION = Report.Status.NO_ACTION
    HIDE = Report.Status.MESSAGE_HIDDEN
    CHOICES = [
        (NO_ACTION, "No action: the message can stay"),
        (HIDE, "Hide the message from the conversation"),
    ]


@transaction.atomic
def report_resolve(
    *,
    report: Report,
    moderator: User,
    outcome: str,
    note: str,
) -> list[Report]:
    """Decide a report. Hiding a message settles every open report of it; each reporter is
    told the outcome by email (never the moderator's note, which is for staff)."""
    note = clean_body(note, field="note", max_length=MODERATOR_NOTE_MAX_LENGTH)
    if outcome not in {Outcome.NO_ACTION, Outcome.HIDE}:
        raise MessagingError("Choose what to do about the message", field="outcome")
    report = Report.objects.select_for_update().select_related("message").get(pk=report.pk)
    if report.status != Report.Status.OPEN:
        raise MessagingError("This report has already been decided.", code="state")
    now = timezone.now()
    settled = Report.objects.filter(pk=report.pk)
    if outcome == Outcome.HIDE:
        Message.objects.filter(pk=report.message_id, hidden_by_moderator_at__isnull=True).update(
            hidden_by_moderator_at=now
        )
        settled = Report.objects.filter(
            Q(pk=report.pk) | Q(message_id=report.message_id, status=Report.Status.OPEN)
        )
    settled_reports = list(settled.select_related("reporter"))
    settled.update(status=outcome, resolved_by=moderator, resolved_at=now, moderator_note=note)
    audit.record(
        moderator,
        "message.report_resolved",
        report,
        outcome=outcome,
        message=report.message_id,
        reports_settled=len(settled_reports),
    )
    for settled_report in settled_reports:
        _tell_reporter(settled_report.reporter, outcome, settled_report.created_at)
    return settled_reports


def _tell_reporter(reporter: User, outcome: str, reported_at) -> None:
    from django.urls import reverse

    if outcome == Outcome.HIDE:
        what = "A moderator has looked at it and removed it from the conversation."
    else:
        what = (
            "A moderator has looked at it and decided that it does not break the rules, so it "
            "stays in the conversation. You can still block the other person at any time."
        )
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}The message you reported"
    body = (
        f"Hello {reporter.display_name},\n\n"
        f"Thank you for reporting a message on {reported_at:%-d %B %Y}. {what}\n\n"
        f"Your messages:\n{settings.SITE_URL}{reverse('messaging:inbox')}\n\n"
        "If you are worried about someone's safety, contact your local support organisation "
        "or, in an emergency, call 999."
    )
    notify(
        reporter,
        REPORT_OUTCOME.key,
        title="A moderator looked at the message you reported",
        body=what,
        url=reverse("messaging:inbox"),
        email=(subject, body),
    )


# Preferences


def notification_preference_set(*, user: User, emails_enabled: bool) -> str:
    """The messages page's checkbox: new messages by email straight away, or in PA Hub only.
    The choice itself lives with every other in the notification service."""
    channel = Channel.EMAIL if emails_enabled else Channel.IN_APP
    preference_set(user=user, kind_key=NEW_MESSAGE.key, channel=channel)
    return channel
