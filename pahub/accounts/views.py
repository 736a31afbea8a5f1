"""The "my account" area: roles, details, data download, deletion and representatives."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from pahub.accounts import consents, services
from pahub.accounts.forms import DeleteAccountForm, DetailsForm, RepresentationRequestForm
from pahub.accounts.models import Role, StaffInvitation, User
from pahub.accounts.permissions import (
    access_own_consent,
    access_representation_for_either_side,
    access_representation_for_employer,
    has_two_factor,
    must_use_two_factor,
)
from pahub.accounts.queries import memberships_for, representations_for, user_data_export
from pahub.core import audit
from pahub.core.public import public_page


@login_required
def account_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/home.html",
        {
            "memberships": memberships_for(user),
            "representations": representations_for(user),
            "two_factor_on": has_two_factor(user),
            "two_factor_required": must_use_two_factor(user),
            "is_employer": user.has_role(Role.EMPLOYER),
            "is_representative": user.has_role(Role.REPRESENTATIVE),
            "consents": [
                {"consent": consent, "allows": consents.what_it_allows(consent)}
                for consent in consents.consents_for(user)
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def details_edit(request: HttpRequest) -> HttpResponse:
    user = request.user
    # A separate instance: validating a ModelForm writes onto its instance, and the
    # signed-in user must not change until the service saves.
    form = DetailsForm(
        request.POST or None,
        instance=User.objects.get(pk=user.pk),
        initial={"roles": sorted(user.role_set)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.user_update_details(
            user=user,
            by=user,
            full_name=data["full_name"],
            known_as=data["known_as"],
            phone=data["phone"],
            postcode=data["postcode"],
        )
        services.user_set_roles(user=user, roles=data["roles"], by=user)
        messages.success(request, "Your details have been saved.")
        return redirect("accounts:home")
    return render(request, "accounts/details_edit.html", {"form": form})


@login_required
def data_download(request: HttpRequest) -> HttpResponse:
    export = user_data_export(request.user)
    audit.record(request.user, "account.data_downloaded", request.user)
    response = HttpResponse(
        json.dumps(export, indent=2, ensure_ascii=False), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="pahub-my-data-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user, by=user)
        messages.success(request, "Your account and your personal data have been deleted.")
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def representation_request(request: HttpRequest) -> HttpResponse:
    form = RepresentationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.representation_request(
                representative=request.user,
                employer_email=form.cleaned_data["employer_email"],
                relationship=form.cleaned_data["relationship"],
            )
        except services.AccountError as error:
            form.add_error("employer_email", str(error))
        else:
            if not request.user.has_role(Role.REPRESENTATIVE):
                services.user_set_roles(
                    user=request.user,
                    roles=[*request.user.role_set, Role.REPRESENTATIVE],
                    by=request.user,
                )
            messages.success(
                request, "Request sent. You can act for them once they agree in their account."
            )
            return redirect("accounts:home")
    return render(request, "accounts/representation_request.html", {"form": form})


@login_required
@require_POST
def representation_answer(request: HttpRequest, representation_id: int) -> HttpResponse:
    representation = access_representation_for_employer(request.user, representation_id)
    decision = request.POST.get("decision")
    try:
        if decision == "agree":
            services.representation_grant(representation=representation, by=request.user)
            messages.success(
                request, f"{representation.representative.display_name} can now act for you."
            )
        elif decision == "decline":
            services.representation_decline(representation=representation, by=request.user)
            messages.success(request, "You declined the request.")
        else:
            messages.error(request, "Choose whether to agree to the request or decline it.")
    except services.AccountError as error:
        messages.error(request, str(error))
    return redirect("accounts:home")


@login_required
@require_POST
def representation_end(request: HttpRequest, representation_id: int) -> HttpResponse:
    representation = access_representation_for_either_side(request.user, representation_id)
    try:
        services.representation_end(representation=representation, by=request.user)
        messages.success(request, "The representative arrangement has ended.")
    except services.AccountError as error:
        messages.error(request, str(error))
    return redirect("accounts:home")


@login_required
@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    """Ask "are you sure?", then withdraw the agreement at once."""
    consent = access_own_consent(request.user, consent_id)
    if consent.withdrawn_at is not None:
        messages.info(request, f"You have already withdrawn {consent.organisation.name}'s help.")
        return redirect(reverse("accounts:home") + "#consents")
    if request.method == "POST":
        consents.consent_withdraw_by_person(consent=consent, by=request.user)
        messages.success(
            request,
            f"You have withdrawn your agreement. {consent.organisation.name}'s staff can no "
            "longer act for you.",
        )
        return redirect(reverse("accounts:home") + "#consents")
    return render(
        request,
        "accounts/consent_withdraw.html",
        {"consent": consent, "allows": consents.what_it_allows(consent)},
    )


def admin_login_through_allauth(request: HttpRequest, extra_context=None) -> HttpResponse:
    """Admins sign in through allauth, so lockout and two-factor apply to /admin/ too.

    Someone already signed in without admin rights is refused here; sending them to the
    sign-in page would bounce them straight back to /admin/ in a loop.
    """
    if request.user.is_authenticated:
        raise PermissionDenied("This page is for site administrators.")
    return redirect_to_login(request.GET.get("next", "/admin/"), login_url=reverse("account_login"))


@public_page
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Join an organisation's team. Signed-out people are asked to sign up or sign in first."""
    staff_invitation = get_object_or_404(
        StaffInvitation.objects.select_related("organisation"), token=token
    )
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.staff_invitation_accept(invitation=staff_invitation, user=request.user)
        except services.AccountError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"You have joined {staff_invitation.organisation.name}.")
            return redirect("staff:home")
    return render(request, "accounts/invitation.html", {"invitation": staff_invitation})
