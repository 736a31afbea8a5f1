"""The profile builder (PAs only), its preview, and a PA's profile as others see it."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Role
from pahub.register import photos, search
from pahub.register.models import PAProfile
from pahub.register.permissions import access_profile_for_viewer
from pahub.register.profile.forms import VISIBILITY_LABELS
from pahub.register.profile.sections import profile_sections
from pahub.register.profile.services import (
    ProfileInputError,
    profile_card_context,
    profile_set_paused,
    profile_update_step,
)
from pahub.register.profile.steps import BUILDER_STEPS, STEP_BY_NAME, step_after
from pahub.register.queries import REQUIRED_PROFILE_STEPS, own_profile_or_blank
from pahub.register.services import profile_get_or_create


def pa_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (or sent to sign in) and holding the PA role (or refused with a 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_role(Role.PA):
            raise PermissionDenied("The profile builder is for Personal Assistants.")
        return view(request, *args, **kwargs)

    return wrapped


def own_profile(request: HttpRequest) -> PAProfile:
    """The signed-in PA's profile, with what the card shows. A GET reads a blank, unsaved
    one if they have none yet; the first POST makes the row (no GET changes data)."""
    profile = own_profile_or_blank(request.user)
    if profile.pk is None and request.method == "POST":
        profile_get_or_create(user=request.user)
        profile = own_profile_or_blank(request.user)
    return profile


@pa_required
@require_GET
def profile_overview(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    done = set(profile.completed_steps)
    sections: dict[str, list[dict]] = {}
    for step in BUILDER_STEPS:
        sections.setdefault(step.section, []).append(
            {
                "step": step,
                "done": step.name in done,
                "needed_for_entry": step.name in REQUIRED_PROFILE_STEPS,
            }
        )
    return render(
        request,
        "register/profile/overview.html",
        {
            "profile": profile,
            "sections": sections,
            "completed_count": len(done & set(STEP_BY_NAME)),
            "step_count": len(BUILDER_STEPS),
            "visibility_label": VISIBILITY_LABELS[profile.visibility],
            # The level, what was verified, by whom and when, and what is still needed.
            "badge": search.badge_for(profile),
            # What apps above the register add (completed courses), as the PA sees it.
            "profile_sections": profile_sections(profile, request.user),
        },
    )


@pa_required
@require_http_methods(["GET", "POST"])
def profile_step(request: HttpRequest, step: str) -> HttpResponse:
    builder_step = STEP_BY_NAME.get(step)
    if builder_step is None:
        raise Http404
    profile = own_profile(request)
    form = builder_step.form_class(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        profile=profile,
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile_update_step(profile=profile, step=step, data=form.changes(), by=request.user)
        except ProfileInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            for warning in form.warnings():
                messages.warning(request, warning)
            return redirect(after_saving(request, step))
    return render(
        request,
        builder_step.template,
        {"form": form, "step": builder_step, "profile": profile},
    )


def after_saving(request: HttpRequest, step: str) -> str:
    """ "Save and continue" walks the steps; "Save and come back later" goes to the overview."""
    following = step_after(step)
    if request.POST.get("then") == "later" or following is None:
        if following is None:
            messages.success(request, "Your profile has been saved.")
        else:
            messages.success(request, "Your answers have been saved. You can come back any time.")
        return reverse("register:profile")
    return reverse("register:profile_step", kwargs={"step": following.name})


@pa_required
@require_POST
def profile_pause(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    paused = request.POST.get("paused") == "yes"
    profile_set_paused(profile=profile, paused=paused, by=request.user)
    if paused:
        messages.success(request, "Your profile is paused. Employers cannot see it for now.")
    else:
        messages.success(request, "Your profile is back: employers you chose can see it again.")
    return redirect("register:profile")


@pa_required
@require_GET
def profile_preview(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    context = profile_card_context(profile)
    # No viewer: the sections as an employer allowed to see the profile sees them.
    context["profile_sections"] = profile_sections(profile, None)
    return render(request, "register/profile/preview.html", context)


@login_required
@require_GET
def profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = access_profile_for_viewer(request.user, profile_id)
    context = profile_card_context(profile)
    context["is_own_profile"] = profile.user_id == request.user.pk
    context["profile_sections"] = profile_sections(profile, request.user)
    return render(request, "register/profile/detail.html", context)


@login_required
@require_GET
def profile_photo(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = photos.access_photo_for_viewer(request.user, profile_id)
    return photos.photo_response(profile)
