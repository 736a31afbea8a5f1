"""Reporting a post, the moderators' queue and their actions, and people's own view of
moderation about them. Moderators are chosen by `can_moderate_zone`; anyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.community.moderation import permissions, queries, services
from pahub.community.moderation.actions import POST_ACTIONS, available_actions, perform
from pahub.community.moderation.forms import ReasonForm, ReportForm, add_service_error
from pahub.community.permissions import is_suspended


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, post_id: int) -> HttpResponse:
    post = permissions.access_post_for_reporter(request.user, post_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                post=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except services.ModerationError as error:
            add_service_error(form, error)
        else:
            return redirect("community:moderation:report_sent", post_id=post.pk)
    return render(request, "community/moderation/report.html", {"post": post, "form": form})


@login_required
@require_GET
def report_sent(request: HttpRequest, post_id: int) -> HttpResponse:
    post = permissions.access_post_for_reporter(request.user, post_id)
    return render(request, "community/moderation/report_sent.html", {"post": post})


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    permissions.require_moderator(request.user)
    return render(
        request,
        "community/moderation/queue.html",
        {
            "posts": list(queries.queue_posts(request.user)),
            "suspensions": list(queries.current_suspensions(request.user)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_review(request: HttpRequest, post_id: int) -> HttpResponse:
    """One post in context, its open reports, and the actions that fit its state."""
    post = permissions.access_post_for_moderator(request.user, post_id)
    reports = list(queries.reports_of(post))
    actions = available_actions(post, open_report_count=len(reports))
    forms = {action.key: action.form() for action in actions}
    failed = None
    if request.method == "POST":
        chosen = POST_ACTIONS.get(request.POST.get("action", ""))
        if chosen is None or chosen.key not in forms:
            messages.error(request, "That action no longer applies to this post.")
            return redirect("community:moderation:post", post_id=post.pk)
        form = forms[chosen.key] = chosen.form(request.POST)
        if form.is_valid():
            try:
                perform(
                    action=chosen.key,
                    post=post,
                    moderator=request.user,
                    reason=form.cleaned_data["reason"],
                    days=form.cleaned_data.get("days"),
                )
            except services.ModerationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, chosen.done)
                return redirect("community:moderation:queue")
        failed = form
    return render(
        request,
        "community/moderation/post.html",
        {
            "post": post,
            "reports": reports,
            "action_forms": [(action, forms[action.key]) for action in actions],
            "history": list(queries.history_of(post)),
            "suspended": post.author is not None and is_suspended(post.author, post.thread.zone),
            # The page's error summary shows the one form that was sent.
            "form": failed,
        },
    )


@login_required
@require_POST
def suspension_lift(request: HttpRequest, suspension_id: int) -> HttpResponse:
    suspension = permissions.access_suspension_for_moderator(request.user, suspension_id)
    form = ReasonForm(request.POST, label="Note", help_text="", required=False)
    if form.is_valid():
        try:
            services.suspension_lift(
                suspension=suspension, moderator=request.user, reason=form.cleaned_data["reason"]
            )
        except services.ModerationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Suspension lifted. They can post in the zone again.")
    else:
        messages.error(request, form.errors["reason"][0])
    return redirect("community:moderation:queue")


@login_required
@require_GET
def suspension(request: HttpRequest, suspension_id: int) -> HttpResponse:
    suspension = permissions.access_suspension_for_person(request.user, suspension_id)
    now = timezone.now()
    return render(
        request,
        "community/moderation/suspension.html",
        {
            "suspension": suspension,
            "in_force": suspension.lifted_at is None and suspension.ends_at > now,
        },
    )


@login_required
@require_GET
def about_you(request: HttpRequest) -> HttpResponse:
    """Moderation about the person: their held and hidden posts with why, warnings and
    suspensions. Never who the moderator was."""
    return render(
        request,
        "community/moderation/about_you.html",
        {
            "posts": list(queries.posts_waiting(request.user)),
            "actions": list(queries.moderation_about(request.user)),
            "suspensions": list(queries.suspensions_of(request.user)),
            "now": timezone.now(),
        },
    )
