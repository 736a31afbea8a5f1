"""Staff pages under /staff/employers/: find an employer in your areas, and record (or
withdraw) their agreement that your organisation may act for them on PA Hub.

Every path starts /staff/, so StaffTwoFactorMiddleware has made sure the person has
two-factor authentication before any view here runs.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import User
from pahub.accounts.staff_views import staff_required
from pahub.core import audit
from pahub.employers.forms import EmployerSearchForm, HelpConsentForm, add_service_error
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import can_act_for_employer
from pahub.employers.queries import employer_consents
from pahub.employers.services import (
    EmployerInputError,
    employer_search,
    employers_in_staff_areas,
    help_consent_record,
    help_consent_withdraw,
    organisations_serving_employer,
)


def access_employer_for_staff(request: HttpRequest, employer_id: int) -> User:
    """An employer in this staff member's areas; 404 for anyone else."""
    employers = employers_in_staff_areas(request.user).select_related(
        "employer_profile__district", "employer_profile__local_authority", "local_authority"
    )
    return get_object_or_404(employers, pk=employer_id)


@staff_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = EmployerSearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        results = employer_search(request.user, form.cleaned_data["q"])
    helped = (
        employer_consents()
        .filter(withdrawn_at__isnull=True, organisation__memberships__user=request.user)
        .select_related("person", "organisation", "person__employer_profile")
        .order_by("person__full_name")
    )
    return render(
        request,
        "employers/staff/search.html",
        {"form": form, "results": results, "helped": list(helped)},
    )


def employer_context(request: HttpRequest, employer: User, **extra) -> dict:
    profile = EmployerProfile.objects.filter(user=employer).first()
    consents = list(
        employer_consents().filter(person=employer).select_related("organisation", "recorded_by")
    )
    my_organisation_ids = set(request.user.memberships.values_list("organisation_id", flat=True))
    serving = organisations_serving_employer(request.user, employer)
    with_consent = {c.organisation_id for c in consents if c.withdrawn_at is None}
    return {
        "employer": employer,
        "profile": profile,
        "consents": consents,
        "my_organisation_ids": my_organisation_ids,
        "can_record": any(org.pk not in with_consent for org in serving),
        "can_act": can_act_for_employer(request.user, employer),
        **extra,
    }


@staff_required
@require_GET
def employer_detail(request: HttpRequest, employer_id: int) -> HttpResponse:
    employer = access_employer_for_staff(request, employer_id)
    # The page shows contact details and access needs (special-category data).
    audit.record_view(request.user, employer)
    return render(request, "employers/staff/employer.html", employer_context(request, employer))


@staff_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, employer_id: int) -> HttpResponse:
    employer = access_employer_for_staff(request, employer_id)
    consents = employer_consents().filter(person=employer, withdrawn_at__isnull=True)
    with_consent = set(consents.values_list("organisation_id", flat=True))
    organisations = [
        organisation
        for organisation in organisations_serving_employer(request.user, employer)
        if organisation.pk not in with_consent
    ]
    if not organisations:
        raise Http404
    form = HelpConsentForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            help_consent_record(
                employer=employer,
                organisation=organisation,
                by=request.user,
                how_given=form.cleaned_data["how_given"],
            )
        except EmployerInputError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Recorded: {employer.full_name} agreed that {organisation.name} may act for "
                "them on PA Hub.",
            )
            return redirect("staff_employers:employer", employer_id=employer.pk)
    return render(
        request,
        "employers/staff/consent.html",
        {"employer": employer, "form": form, "organisations": organisations},
    )


@staff_required
@require_POST
def consent_withdraw(request: HttpRequest, employer_id: int, consent_id: int) -> HttpResponse:
    employer = access_employer_for_staff(request, employer_id)
    consent = get_object_or_404(
        employer_consents().select_related("organisation"),
        pk=consent_id,
        person=employer,
        organisation__memberships__user=request.user,
    )
    help_consent_withdraw(consent=consent, by=request.user)
    messages.success(
        request, f"{consent.organisation.name} can no longer act for {employer.full_name}."
    )
    return redirect("staff_employers:employer", employer_id=employer.pk)
