"""The employer side's home ("who are you acting for?") and the employer profile pages.

Every page under /employer/<employer_id>/ loads the employer through
`pahub.employers.permissions.access_employer_for_actor`: the employer themself, a
representative with an active grant, or staff (with two-factor) whose organisation has the
employer's recorded consent. Anyone else gets 404, so the pages do not reveal who uses PA Hub.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from pahub.accounts.models import Role, User
from pahub.accounts.permissions import is_organisation_staff, is_site_admin
from pahub.employers.forms import (
    PROFILE_STEP_BY_NAME,
    PROFILE_STEPS,
    StartProfileForm,
    add_service_error,
    profile_step_after,
)
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import (
    EmployerSide,
    access_employer_for_actor,
    employer_side_role,
    helping_organisation,
)
from pahub.employers.services import (
    EmployerInputError,
    employer_profile_create,
    employer_profile_update,
    employers_to_act_for,
)


@dataclass(frozen=True)
class Acting:
    """Who is acting for whom, for the pages' "acting for" line."""

    employer: User
    role: str
    organisation_name: str = ""

    @property
    def for_someone_else(self) -> bool:
        return self.role != EmployerSide.EMPLOYER


def acting_for_employer(request: HttpRequest, employer_id: int) -> Acting:
    """The employer a page acts for, with how; 404 (or 403 for staff without two-factor)
    for anyone else, from the one rule in `access_employer_for_actor`."""
    employer = access_employer_for_actor(request.user, employer_id)
    role = employer_side_role(request.user, employer)
    organisation_name = ""
    if role == EmployerSide.STAFF:
        organisation = helping_organisation(request.user, employer)
        organisation_name = organisation.name if organisation else ""
    return Acting(employer=employer, role=role, organisation_name=organisation_name)


def employer_profile_of(employer: User) -> EmployerProfile | None:
    try:
        return employer.employer_profile
    except EmployerProfile.DoesNotExist:
        return None


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    rows = employers_to_act_for(request.user)
    is_staff = is_organisation_staff(request.user) or is_site_admin(request.user)
    if not rows and not is_staff:
        raise PermissionDenied("These pages are for employers and people acting for them.")
    if len(rows) == 1 and rows[0].how == "yourself" and not is_staff:
        return redirect("employer:jobs", employer_id=request.user.pk)
    return render(request, "employers/profile/home.html", {"rows": rows, "is_staff": is_staff})


@login_required
@require_GET
def my_profile(request: HttpRequest) -> HttpResponse:
    """/employer/profile/: an employer's own profile; people acting for others choose first."""
    if request.user.has_role(Role.EMPLOYER):
        return redirect("employer:profile", employer_id=request.user.pk)
    return redirect("employer:home")


@login_required
@require_GET
def employer_overview(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = acting_for_employer(request, employer_id)
    return redirect("employer:jobs", employer_id=acting.employer.pk)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = acting_for_employer(request, employer_id)
    employer = acting.employer
    employer_profile = employer_profile_of(employer)
    if employer_profile is not None:
        if request.method == "POST":
            return redirect("employer:profile", employer_id=employer.pk)
        return render(
            request,
            "employers/profile/profile.html",
            {
                "acting": acting,
                "profile": employer_profile,
                "interests": [
                    *[interest.name for interest in employer_profile.interests.all()],
                    *employer_profile.other_interests,
                ],
            },
        )
    form = StartProfileForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            employer_profile_create(
                employer=employer,
                by=request.user,
                display_name=form.cleaned_data["display_name"],
                postcode=form.cleaned_data["postcode"],
            )
        except EmployerInputError as error:
            add_service_error(form, error)
        else:
            if request.POST.get("then") == "later":
                messages.success(request, "The employer profile has been saved.")
                return redirect("employer:profile", employer_id=employer.pk)
            return redirect("employer:profile_step", employer_id=employer.pk, step="what_matters")
    return render(request, "employers/profile/profile_start.html", {"acting": acting, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def profile_step(request: HttpRequest, employer_id: int, step: str) -> HttpResponse:
    acting = acting_for_employer(request, employer_id)
    profile_step = PROFILE_STEP_BY_NAME.get(step)
    if profile_step is None:
        raise Http404
    employer_profile = employer_profile_of(acting.employer)
    if employer_profile is None:
        return redirect("employer:profile", employer_id=acting.employer.pk)
    form = profile_step.form_class(
        request.POST if request.method == "POST" else None, profile=employer_profile
    )
    if request.method == "POST" and form.is_valid():
        try:
            employer_profile_update(
                profile=employer_profile, changes=form.changes(), by=request.user
            )
        except EmployerInputError as error:
            add_service_error(form, error)
        else:
            return redirect(after_saving(request, acting.employer, step))
    return render(
        request,
        profile_step.template,
        {
            "acting": acting,
            "form": form,
            "step": profile_step,
            "profile": employer_profile,
            "steps": PROFILE_STEPS,
        },
    )


def after_saving(request: HttpRequest, employer: User, step: str) -> str:
    following = profile_step_after(step)
    overview = reverse("employer:profile", kwargs={"employer_id": employer.pk})
    if request.POST.get("then") == "later" or following is None:
        messages.success(request, "The employer profile has been saved.")
        return overview
    return reverse(
        "employer:profile_step", kwargs={"employer_id": employer.pk, "step": following.name}
    )
