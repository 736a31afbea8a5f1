"""The PA's equality monitoring pages: why we ask, the questions, decline, change, delete.

For the PA alone (signed in, PA role); nobody else has a page that shows the answers.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from pahub.core.forms import FieldInputError
from pahub.register.equality import services
from pahub.register.equality.forms import BackgroundForm, QuestionsForm
from pahub.register.equality.models import PREFER_NOT_TO_SAY, EqualityMonitoring
from pahub.register.models import PAProfile
from pahub.register.profile.views import own_profile, pa_required


def needs_background(monitoring: EqualityMonitoring) -> bool:
    return monitoring.ethnic_group not in ("", PREFER_NOT_TO_SAY)


@pa_required
@require_http_methods(["GET"])
def equality_overview(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    monitoring = services.answers_for_owner(profile)
    return render(
        request, "register/equality/overview.html", {"profile": profile, "monitoring": monitoring}
    )


@pa_required
@require_http_methods(["GET", "POST"])
def equality_questions(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    monitoring = services.answers_for_owner(profile)
    form = QuestionsForm(request.POST if request.method == "POST" else None, monitoring=monitoring)
    if request.method == "POST" and form.is_valid():
        try:
            monitoring = services.equality_save_answers(
                profile=profile, answers=form.answers(), by=request.user
            )
        except FieldInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            # Asked again only when the group is new (a changed group clears the background).
            if needs_background(monitoring) and not monitoring.ethnicity:
                return redirect("register:equality_background")
            messages.success(request, "Thank you. Your answers have been saved.")
            return redirect("register:equality")
    return render(request, "register/equality/questions.html", {"form": form})


@pa_required
@require_http_methods(["GET", "POST"])
def equality_background(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    monitoring = services.answers_for_owner(profile)
    if monitoring is None or not needs_background(monitoring):
        return redirect("register:equality_questions")
    form = BackgroundForm(request.POST if request.method == "POST" else None, monitoring=monitoring)
    if request.method == "POST" and form.is_valid():
        try:
            services.equality_save_ethnicity(
                profile=profile, ethnicity=form.cleaned_data["ethnicity"], by=request.user
            )
        except FieldInputError as error:
            form.add_error("ethnicity", error.message)
        else:
            messages.success(request, "Thank you. Your answers have been saved.")
            return redirect("register:equality")
    return render(request, "register/equality/background.html", {"form": form})


@pa_required
@require_POST
def equality_decline(request: HttpRequest) -> HttpResponse:
    profile: PAProfile = own_profile(request)
    services.equality_decline(profile=profile, by=request.user)
    messages.success(
        request, "We will not ask you these questions again. You can answer them at any time."
    )
    return redirect("register:equality")


@pa_required
@require_http_methods(["GET", "POST"])
def equality_delete(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    if request.method == "POST":
        if services.equality_delete(profile=profile, by=request.user):
            messages.success(request, "Your equality monitoring answers have been deleted.")
        return redirect("register:equality")
    monitoring = services.answers_for_owner(profile)
    if monitoring is None:
        return redirect("register:equality")
    return render(request, "register/equality/delete.html", {"monitoring": monitoring})
