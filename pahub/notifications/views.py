"""The notification centre, preferences and unsubscribe pages under /notifications/.

Nothing is changed by a GET: a notice is marked read when it is opened through its POST
button, and the unsubscribe link's GET shows a confirmation with a button.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import User
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.notifications import services
from pahub.notifications.forms import PreferencesForm, initial_for
from pahub.notifications.queries import access_notice, notices_for, unread_count
from pahub.notifications.registry import UnknownKind, registry
from pahub.notifications.unsubscribe import DIGEST_SCOPE, BadToken, read_token

PAGE_SIZE = 25


@login_required
@require_GET
def centre(request: HttpRequest) -> HttpResponse:
    page = Paginator(notices_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/centre.html",
        {
            "page": page,
            "page_numbers": pagination_items(page),
            "unread": unread_count(request.user),
        },
    )


def safe_target(request: HttpRequest, url: str) -> str | None:
    """A notice's link, only if it stays on this site."""
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


@login_required
@require_POST
def open_notice(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = access_notice(request.user, notice_id)
    services.notice_mark_read(notice=notice)
    target = safe_target(request, notice.url)
    return redirect(target) if target else redirect("notifications:centre")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notices_mark_all_read(user=request.user)
    if count:
        messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    return redirect("notifications:centre")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            try:
                changed = services.preferences_set(user=user, choices=form.choices())
            except services.PreferenceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    "Your choices are saved." if changed else "Nothing changed: choices kept.",
                )
                return redirect("notifications:preferences")
    else:
        form = PreferencesForm(initial=initial_for(services.preferences_of(user)))
    groups = [
        (group, [(kind, None if kind.required else form[kind.field_name]) for kind in kinds])
        for group, kinds in registry.groups()
    ]
    return render(request, "notifications/preferences.html", {"form": form, "groups": groups})


@public_page
@csrf_exempt  # RFC 8058: mail providers POST the link with no cookie and no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = read_token(token)
        user = User.objects.get(pk=link.user_id, is_active=True)
        kind = None if link.scope == DIGEST_SCOPE else registry.get(link.scope)
    except (BadToken, User.DoesNotExist, UnknownKind):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    context = {"kind": kind, "digest": kind is None}
    if request.method == "GET":
        return render(request, "notifications/unsubscribe.html", context)
    result = services.unsubscribe(user=user, scope=link.scope)
    context.update(result=result)
    return render(request, "notifications/unsubscribed.html", context)
