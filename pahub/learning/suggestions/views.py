"""Module suggestions, under /learning/suggestions/: an employer suggests a module to one of
their PAs; the PA reads the suggestions made to them and dismisses them.

The employer side loads the employer through the one rule,
`pahub.employers.permissions.access_employer_for_actor` (404 for anyone else, as every
employer page), and offers only the employer's own PAs.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import User
from pahub.employers.permissions import (
    employers_user_can_act_for,
    refuse_staff_without_two_factor,
)
from pahub.employers.queries import employer_name
from pahub.employers.views import acting_for_employer
from pahub.learning.suggestions.forms import SuggestionForm
from pahub.learning.suggestions.permissions import (
    NOT_FOR_YOU,
    access_suggestion_for_pa,
    is_pa,
)
from pahub.learning.suggestions.queries import (
    LIST_LIMIT,
    module_path,
    pa_name,
    pas_of_employer,
    suggestable_modules,
    suggestions_made_for,
    suggestions_to,
)
from pahub.learning.suggestions.services import (
    SuggestionError,
    suggestion_create,
    suggestion_dismiss,
)


def employers_of(request: HttpRequest) -> list[User]:
    return list(
        employers_user_can_act_for(request.user)
        .select_related("employer_profile")
        .order_by("full_name", "pk")
    )


def row(suggestion) -> dict:
    module = suggestion.module
    version = module.current_version
    return {
        "suggestion": suggestion,
        "module_title": version.title if version else module.slug,
        "minutes": version.minutes if version else None,
        "course_title": module.course.title,
        "module_path": module_path(module),
        "employer_name": employer_name(suggestion.employer),
        "pa_name": pa_name(suggestion.pa),
    }


@login_required
@require_GET
def suggestion_list(request: HttpRequest) -> HttpResponse:
    """A PA's suggestions received; the suggestions made by (or for) employers one acts for."""
    employers = employers_of(request)
    pa = is_pa(request.user)
    if not pa and not employers:
        refuse_staff_without_two_factor(request.user)
        raise PermissionDenied(NOT_FOR_YOU)
    received = [row(s) for s in suggestions_to(request.user)[:LIST_LIMIT]] if pa else []
    made = [row(s) for s in suggestions_made_for(employers)[:LIST_LIMIT]] if employers else []
    return render(
        request,
        "learning/suggestions/list.html",
        {
            "is_pa": pa,
            "acts_for_employers": bool(employers),
            "several_employers": len(employers) > 1,
            "received": received,
            "made": made,
            "limit": LIST_LIMIT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def suggestion_new(request: HttpRequest, employer_id: int | None = None) -> HttpResponse:
    """Suggest a module. Without an employer in the address: the employer themself (or
    whoever acts for one employer only) goes straight to the form; people acting for several
    choose whom for first."""
    if employer_id is None:
        employers = employers_of(request)
        if not employers:
            refuse_staff_without_two_factor(request.user)
            raise PermissionDenied("Only employers, and people acting for them, suggest modules.")
        if len(employers) > 1:
            return render(
                request,
                "learning/suggestions/choose_employer.html",
                {"employers": [(employer, employer_name(employer)) for employer in employers]},
            )
        employer_id = employers[0].pk
    # The employer side's one way to load whom a page acts for (as the job builder does).
    acting = acting_for_employer(request, employer_id)
    pas = list(pas_of_employer(acting.employer))
    modules = list(suggestable_modules())
    form = SuggestionForm(
        request.POST if request.method == "POST" else None, pas=pas, modules=modules
    )
    if request.method == "POST" and form.is_valid():
        try:
            suggestion = suggestion_create(
                employer=acting.employer,
                pa=form.cleaned_data["pa"],
                module=form.cleaned_data["module"],
                message=form.cleaned_data["message"],
                by=request.user,
            )
        except SuggestionError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(
                request,
                f"We told {pa_name(suggestion.pa)} about your suggestion.",
            )
            return redirect("learning:suggestions:list")
    return render(
        request,
        "learning/suggestions/new.html",
        {
            "acting": acting,
            "employer_name": employer_name(acting.employer),
            "form": form,
            "pas": pas,
            "modules": modules,
        },
    )


@login_required
@require_POST
def suggestion_dismiss_view(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    suggestion = access_suggestion_for_pa(request.user, suggestion_id)
    suggestion_dismiss(suggestion=suggestion, by=request.user)
    messages.success(request, "Suggestion dismissed.")
    return redirect(reverse("learning:suggestions:list"))
