"""Messaging pages under /messages/: the inbox, a conversation, starting one, contact
sharing, blocking and reporting.

Views are thin: load through `pahub.messaging.permissions` (404 for anyone not in the
conversation), call a service, render. Nothing here writes a row itself.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import User
from pahub.core.pagination import pagination_items
from pahub.employers.permissions import EmployerSide, employer_side_role, helping_organisation
from pahub.messaging import services
from pahub.messaging.forms import (
    NotificationPreferenceForm,
    ReplyForm,
    ReportForm,
    StartConversationForm,
    add_service_error,
)
from pahub.messaging.models import Conversation, Message
from pahub.messaging.notices import NEW_MESSAGE
from pahub.messaging.permissions import (
    Participant,
    access_conversation,
    access_job_to_talk_about,
    access_message_in_conversation,
    conversations_for,
    employer_ids_user_acts_for,
    listed_participant,
    message_may_be_reported_by,
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
    pa_name,
    unread_summary,
)
from pahub.notifications.registry import Channel
from pahub.notifications.services import channel_for
from pahub.register.permissions import access_profile_for_viewer

INBOX_PAGE_SIZE = 25


# The inbox


@dataclass(frozen=True)
class InboxRow:
    conversation: Conversation
    other_name: str
    acting_for: str
    unread: int


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    conversations = conversations_for(user)
    page = Paginator(inbox_for(user, conversations), INBOX_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = []
    for conversation in page:
        participant = listed_participant(user, conversation)
        rows.append(
            InboxRow(
                conversation=conversation,
                other_name=other_side_name(conversation, participant),
                acting_for=acting_for_label(conversation, participant),
                unread=conversation.unread,
            )
        )
    preference = NotificationPreferenceForm(
        initial={"emails_enabled": channel_for(user, NEW_MESSAGE.key) == Channel.EMAIL}
    )
    return render(
        request,
        "messaging/inbox.html",
        {
            "page": page,
            "rows": rows,
            "page_numbers": pagination_items(page),
            "total_unread": unread_summary(user, conversations).count,
            "preference_form": preference,
        },
    )


@login_required
@require_POST
def notification_preference(request: HttpRequest) -> HttpResponse:
    form = NotificationPreferenceForm(request.POST)
    form.is_valid()  # a checkbox: absent means off, so it is always valid
    enabled = form.cleaned_data.get("emails_enabled", False)
    services.notification_preference_set(user=request.user, emails_enabled=enabled)
    if enabled:
        messages.success(request, "We will email you when you have new messages.")
    else:
        messages.success(request, "We will not email you about new messages.")
    return redirect("messaging:inbox")


# One conversation


@dataclass(frozen=True)
class MessageRow:
    message: Message
    author: str
    created_at: datetime
    hidden: bool
    is_mine: bool
    may_report: bool


def message_rows(conversation: Conversation, participant: Participant) -> list[MessageRow]:
    return [
        MessageRow(
            message=message,
            author=author_label(message, conversation),
            created_at=message.created_at,
            hidden=message.hidden_by_moderator_at is not None,
            is_mine=message.author_id == participant.user.pk,
            may_report=message_may_be_reported_by(participant, message),
        )
        for message in messages_of(conversation)
    ]


def conversation_context(
    conversation: Conversation, participant: Participant, blocks: BlockState
) -> dict:
    """What the conversation page shows besides its messages: names, blocks and sharing."""
    mine, theirs = (
        (conversation.pa_shared_contact_at, conversation.employer_shared_contact_at)
        if participant.is_pa
        else (conversation.employer_shared_contact_at, conversation.pa_shared_contact_at)
    )
    blocked_by_my_side = blocks.by_pa if participant.is_pa else blocks.by_employer
    return {
        "conversation": conversation,
        "participant": participant,
        "other_name": other_side_name(conversation, participant),
        "employer_name": employer_name(conversation.employer),
        "pa_name": pa_name(conversation.pa),
        "acting_for": acting_for_label(conversation, participant),
        "blocks": blocks,
        "blocked_by_my_side": blocked_by_my_side,
        "blocked_by_other_side": blocks.blocked and not blocked_by_my_side,
        "i_shared": mine is not None,
        "they_shared": theirs is not None,
        "contact": other_side_contact(conversation, participant, blocks),
    }


@login_required
@require_http_methods(["GET", "POST"])
def conversation_detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation, participant = access_conversation(
        request.user, conversation_id, audit_view=request.method == "GET"
    )
    blocks = block_state(conversation)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if blocks.blocked:
            form.add_error(None, services.BLOCKED_MESSAGE)
        elif form.is_valid():
            try:
                services.message_send(
                    conversation=conversation,
                    participant=participant,
                    body=form.cleaned_data["body"],
                )
            except services.MessagingError as error:
                add_service_error(form, error)
            else:
                messages.success(request, "Message sent.")
                return redirect(
                    reverse("messaging:conversation", args=[conversation.pk]) + "#latest"
                )
    rows = message_rows(conversation, participant)
    if request.method == "GET":
        services.conversation_mark_read(conversation=conversation, user=request.user)
    return render(
        request,
        "messaging/conversation.html",
        {
            **conversation_context(conversation, participant, blocks),
            "rows": rows,
            "form": form,
        },
    )


# Starting a conversation


def employers_to_write_for(user: User) -> list[tuple[int, str]]:
    """The employers this user may write for, as (id, name) choices."""
    ids = employer_ids_user_acts_for(user)
    employers = User.objects.filter(pk__in=ids).select_related("employer_profile")
    return sorted(((e.pk, employer_name(e)) for e in employers), key=lambda item: item[1])


@login_required
@require_http_methods(["GET", "POST"])
def conversation_new(request: HttpRequest) -> HttpResponse:
    """Write to a PA whose profile you may see: /messages/new/?pa=<profile id>&employer=<id>
    (and &job=<id> to talk about one job). A POST may carry the same fields in its body."""
    params = request.POST if request.method == "POST" else request.GET
    profile_id = parse_id(params.get("pa"))
    if profile_id is None:
        raise Http404
    profile = access_profile_for_viewer(request.user, profile_id)
    employers = employers_to_write_for(request.user)
    if not employers:
        raise PermissionDenied("Only employers, and people acting for them, can start a message.")
    employer_id = parse_id(params.get("employer"))
    if employer_id is not None:
        # Asked for one employer: it must be one this user acts for.
        employers = [choice for choice in employers if choice[0] == employer_id]
        if not employers:
            raise Http404
    job = None
    job_id = parse_id(params.get("job"))
    if job_id is not None:
        job = access_job_to_talk_about(request.user, job_id)
        employers = [choice for choice in employers if choice[0] == job.employer_id]
        if not employers:
            raise Http404
    pa = profile.user
    if len(employers) == 1:
        existing = Conversation.objects.filter(employer_id=employers[0][0], pa=pa, job=job).first()
        if request.method == "GET" and existing is not None:
            return redirect("messaging:conversation", conversation_id=existing.pk)
    form = StartConversationForm(
        request.POST if request.method == "POST" else None, employers=employers
    )
    if request.method == "POST" and form.is_valid():
        employer = get_object_or_404(User, pk=form.employer_id())
        try:
            conversation, _ = services.conversation_start(
                by=request.user,
                employer=employer,
                pa=pa,
                job=job,
                body=form.cleaned_data["body"],
                **author_capacity(request.user, employer),
            )
        except services.MessagingError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Message sent to {pa_name(pa)}.")
            return redirect("messaging:conversation", conversation_id=conversation.pk)
    return render(
        request,
        "messaging/new.html",
        {
            "form": form,
            "profile": profile,
            "pa_name": pa_name(pa),
            "job": job,
            "employer_id": employer_id,
            "single_employer": employers[0][1] if len(employers) == 1 else "",
        },
    )


def author_capacity(user: User, employer: User) -> dict:
    """In what capacity `user` writes for `employer`: the role, and the organisation for
    staff."""
    role = employer_side_role(user, employer)
    if role is None:
        raise Http404
    organisation = helping_organisation(user, employer) if role == EmployerSide.STAFF else None
    return {"author_role": role, "author_organisation": organisation}


def parse_id(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value)


# Contact details


@login_required
@require_POST
def contact_share(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation, participant = access_conversation(request.user, conversation_id)
    try:
        conversation = services.contact_share(conversation=conversation, participant=participant)
    except services.MessagingError as error:
        messages.error(request, error.message)
    else:
        other = other_side_name(conversation, participant)
        if conversation.contact_shared:
            messages.success(request, f"You and {other} can now see each other's contact details.")
        else:
            messages.success(
                request,
                f"You have offered to share your contact details. {other} will see them once "
                "they share theirs.",
            )
    return redirect(reverse("messaging:conversation", args=[conversation.pk]) + "#contact")


@login_required
@require_POST
def contact_withdraw(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation, participant = access_conversation(request.user, conversation_id)
    try:
        services.contact_withdraw(conversation=conversation, participant=participant)
    except services.MessagingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "You have taken back your offer to share contact details.")
    return redirect(reverse("messaging:conversation", args=[conversation.pk]) + "#contact")


# Blocking


@login_required
@require_http_methods(["GET", "POST"])
def block(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation, participant = access_conversation(request.user, conversation_id)
    if request.method == "POST":
        services.block_create(conversation=conversation, participant=participant)
        messages.success(
            request,
            f"You have blocked {other_side_name(conversation, participant)}. "
            "Neither of you can send messages to the other.",
        )
        return redirect("messaging:conversation", conversation_id=conversation.pk)
    return render(
        request,
        "messaging/block.html",
        {
            "conversation": conversation,
            "participant": participant,
            "other_name": other_side_name(conversation, participant),
            "employer_name": employer_name(conversation.employer),
            "acting_for": acting_for_label(conversation, participant),
        },
    )


@login_required
@require_POST
def unblock(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation, participant = access_conversation(request.user, conversation_id)
    try:
        services.block_remove(conversation=conversation, participant=participant)
    except services.MessagingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"You have unblocked {other_side_name(conversation, participant)}."
        )
    return redirect("messaging:conversation", conversation_id=conversation.pk)


# Reporting


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, conversation_id: int, message_id: int) -> HttpResponse:
    conversation, participant = access_conversation(request.user, conversation_id)
    message = access_message_in_conversation(conversation, message_id)
    if not message_may_be_reported_by(participant, message):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                message=message,
                participant=participant,
                reason=form.cleaned_data["reason"],
            )
        except services.MessagingError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                "Thank you for reporting this message. A moderator will look at it and email "
                "you what they decided.",
            )
            return redirect("messaging:conversation", conversation_id=conversation.pk)
    return render(
        request,
        "messaging/report.html",
        {
            "conversation": conversation,
            "participant": participant,
            "message": message,
            "author": author_label(message, conversation),
            "other_name": other_side_name(conversation, participant),
            "form": form,
        },
    )
