"""The moderation queue under /staff/moderation/: reported messages, for staff of the
organisations serving the employer's local authority (site admins see every report).

Every path starts /staff/, so StaffTwoFactorMiddleware has made sure the person has
two-factor authentication. A moderator sees a reported message with a little of the
conversation around it, never the whole conversation; each report page view is audited.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from pahub.accounts.staff_views import staff_required
from pahub.employers.queries import employer_name
from pahub.messaging import services
from pahub.messaging.forms import ResolveReportForm, add_service_error
from pahub.messaging.models import Message, Report
from pahub.messaging.permissions import (
    CONVERSATION_RELATED,
    access_report_for_moderator,
    participant_in,
    reports_user_may_moderate,
)
from pahub.messaging.queries import author_label, pa_name

# Messages shown either side of the reported one: enough to judge it, no more.
CONTEXT_MESSAGES = 3
DECIDED_SHOWN = 20


@dataclass(frozen=True)
class QueueRow:
    report: Report
    employer: str
    pa: str
    reporter_side: str


def queue_rows(reports) -> list[QueueRow]:
    rows = []
    for report in reports:
        conversation = report.message.conversation
        rows.append(
            QueueRow(
                report=report,
                employer=employer_name(conversation.employer),
                pa=pa_name(conversation.pa),
                reporter_side="the PA"
                if report.reporter_id == conversation.pa_id
                else "the employer's side",
            )
        )
    return rows


@staff_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    reports = reports_user_may_moderate(request.user).select_related(
        *(f"message__conversation__{name}" for name in CONVERSATION_RELATED)
    )
    open_reports = reports.filter(status=Report.Status.OPEN).order_by("created_at", "pk")
    decided = (
        reports.exclude(status=Report.Status.OPEN)
        .select_related("resolved_by")
        .order_by("-resolved_at", "-pk")[:DECIDED_SHOWN]
    )
    return render(
        request,
        "messaging/staff/queue.html",
        {"open_rows": queue_rows(open_reports), "decided_rows": queue_rows(decided)},
    )


@dataclass(frozen=True)
class ContextRow:
    message: Message
    author: str
    is_reported: bool
    hidden: bool


def surrounding_messages(message: Message) -> list[Message]:
    """The reported message with up to CONTEXT_MESSAGES either side of it, oldest first."""
    conversation_messages = Message.objects.filter(
        conversation_id=message.conversation_id
    ).select_related("author", "author_organisation")
    earlier = Q(created_at__lt=message.created_at) | Q(
        created_at=message.created_at, pk__lt=message.pk
    )
    later = Q(created_at__gt=message.created_at) | Q(
        created_at=message.created_at, pk__gt=message.pk
    )
    before = list(conversation_messages.filter(earlier).order_by("-created_at", "-pk"))[
        :CONTEXT_MESSAGES
    ]
    after = list(
        conversation_messages.filter(later).order_by("created_at", "pk")[:CONTEXT_MESSAGES]
    )
    return [*reversed(before), message, *after]


@staff_required
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report_for_moderator(request.user, report_id)
    message = report.message
    conversation = message.conversation
    form = ResolveReportForm(request.POST or None)
    if request.method == "POST":
        if report.status != Report.Status.OPEN:
            form.add_error(None, "This report has already been decided.")
        elif form.is_valid():
            try:
                settled = services.report_resolve(
                    report=report,
                    moderator=request.user,
                    outcome=form.cleaned_data["outcome"],
                    note=form.cleaned_data["note"],
                )
            except services.MessagingError as error:
                add_service_error(form, error)
            else:
                told = len(settled)
                messages.success(
                    request,
                    f"Report decided. We have emailed {told} "
                    f"{'person' if told == 1 else 'people'} who reported the message.",
                )
                return redirect("moderation:queue")
    context_rows = [
        ContextRow(
            message=item,
            author=author_label(item, conversation),
            is_reported=item.pk == message.pk,
            hidden=item.hidden_by_moderator_at is not None,
        )
        for item in surrounding_messages(message)
    ]
    reporter = participant_in(report.reporter, conversation)
    other_reports = (
        Report.objects.filter(message=message).exclude(pk=report.pk).order_by("created_at")
    )
    return render(
        request,
        "messaging/staff/report.html",
        {
            "report": report,
            "conversation": conversation,
            "employer_name": employer_name(conversation.employer),
            "pa_name": pa_name(conversation.pa),
            "reporter_side": (
                "the PA"
                if reporter is not None and reporter.is_pa
                else "the employer's side"
                if reporter is not None
                else "someone no longer in the conversation"
            ),
            "context_rows": context_rows,
            "other_reports": other_reports,
            "form": form,
        },
    )
