"""The page an imported PA reaches from their invitation, /register/claim/<token>/."""

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from pahub.core.public import public_page
from pahub.register.claims import ClaimError, access_claim, claim_accept
from pahub.register.models import PAProfile


class ClaimForm(forms.Form):
    consent = forms.BooleanField(
        label="I agree that PA Hub keeps these details, and that the organisation that added "
        "them may help me keep my profile up to date",
        error_messages={"required": "Tick the box to agree, or ignore the email to say no"},
    )
    visibility = forms.ChoiceField(
        label="Who may see your profile?",
        choices=PAProfile.Visibility.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who may see your profile"},
    )
    password1 = forms.CharField(
        label="Choose a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password again"},
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are not the same")
        return cleaned


@public_page
@require_http_methods(["GET", "POST"])
def claim_profile(request: HttpRequest, token: str) -> HttpResponse:
    claim = access_claim(token)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = claim_accept(
                claim=claim,
                visibility=form.cleaned_data["visibility"],
                password=form.cleaned_data["password1"],
            )
        except ClaimError as error:
            form.add_error(error.field, error.message)
        else:
            login(request, profile.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Your profile is yours now. Add to it whenever you like.")
            return redirect("register:profile")
    return render(
        request,
        "register/claim.html",
        {"form": form, "claim": claim, "person": claim.profile.user},
    )
