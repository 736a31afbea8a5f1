"""Saved searches, /jobs/saved-searches/: save, list, alerts on or off, delete, and the
signed link in each digest email that turns alerts off without signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from pahub.accounts.models import Role, User
from pahub.core.public import public_page
from pahub.jobs.models import SavedSearch
from pahub.jobs.saved_searches.forms import SavedSearchForm
from pahub.jobs.saved_searches.services import (
    SavedSearchError,
    access_own_saved_search,
    alerts_off_by_link,
    default_name,
    employers_for_talent_searches,
    run_url,
    saved_search_create,
    saved_search_delete,
    saved_search_set_alerts,
    saved_searches_of,
    searches_for_token,
)
from pahub.jobs.vacancies.forms import querydict_to_query


@login_required
@require_http_methods(["GET", "POST"])
def saved_searches(request: HttpRequest) -> HttpResponse:
    """GET lists the person's saved searches; POST saves one (`jobs:saved_search_create`)."""
    if request.method == "POST":
        return save_search(request)
    searches = list(saved_searches_of(request.user))
    return render(
        request,
        "jobs/saved_searches/list.html",
        {
            "rows": [(search, run_url(search)) for search in searches],
            "is_pa": request.user.has_role(Role.PA),
        },
    )


def may_save(user: User, kind: str, employers: list[tuple[int, str]]) -> bool:
    if kind == SavedSearch.Kind.JOBS:
        return user.has_role(Role.PA)
    if kind == SavedSearch.Kind.TALENT:
        return bool(employers)
    return True  # an unknown kind is a form error, shown on the page


def save_search(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    employers = (
        employers_for_talent_searches(request.user) if kind == SavedSearch.Kind.TALENT else []
    )
    if not may_save(request.user, kind, employers):
        raise PermissionDenied("You cannot save this kind of search.")
    form = SavedSearchForm(request.POST, employers=employers)
    if form.is_valid():
        chosen = form.cleaned_data["employer"]
        employer = User.objects.filter(pk=chosen).first() if chosen else None
        query = form.stored_query()
        try:
            search = saved_search_create(
                user=request.user,
                kind=form.cleaned_data["kind"],
                query=query,
                name=form.cleaned_data["name"],
                employer=employer,
            )
        except SavedSearchError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                f"Search saved as “{search.name}”. We will email you once a day when there are "
                "new results.",
            )
            return redirect("jobs:saved_searches")
    elif "confirm" not in request.POST and set(form.errors) == {"employer"}:
        # Arriving from a search page: ask which employer, without showing an error yet.
        form = SavedSearchForm(initial=request.POST.dict(), employers=employers)
    query = querydict_to_query(QueryDict(request.POST.get("query", "")))
    suggested = default_name(kind, query) if kind in SavedSearch.Kind.values else ""
    return render(
        request,
        "jobs/saved_searches/save.html",
        {"form": form, "suggested_name": suggested},
    )


@login_required
@require_POST
def alerts(request: HttpRequest, search_id: int) -> HttpResponse:
    search = access_own_saved_search(request.user, search_id)
    enabled = request.POST.get("alerts") == "on"
    saved_search_set_alerts(search=search, enabled=enabled, by=request.user)
    if enabled:
        messages.success(request, f"Email alerts are on for “{search.name}”.")
    else:
        messages.success(request, f"Email alerts are off for “{search.name}”.")
    return redirect("jobs:saved_searches")


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, search_id: int) -> HttpResponse:
    search = access_own_saved_search(request.user, search_id)
    if request.method == "POST":
        name = search.name
        saved_search_delete(search=search, by=request.user)
        messages.success(request, f"“{name}” has been deleted.")
        return redirect("jobs:saved_searches")
    return render(request, "jobs/saved_searches/delete.html", {"search": search})


# Mail programs' own "Unsubscribe" buttons post here without a CSRF token (RFC 8058); the
# signed token in the address is what authorises the change.
@public_page
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button (link checkers in mail systems open links, so a GET changes
    nothing); POST turns the alerts off."""
    if request.method == "POST":
        done = alerts_off_by_link(token=token)
        return render(
            request, "jobs/saved_searches/unsubscribed.html", {"unsubscribe": done, "done": True}
        )
    return render(
        request,
        "jobs/saved_searches/unsubscribed.html",
        {"unsubscribe": searches_for_token(token), "done": False, "token": token},
    )
