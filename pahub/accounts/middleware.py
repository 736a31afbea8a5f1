"""Staff and site admins cannot reach a staff page until they have set up two-factor."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from pahub.accounts.permissions import has_two_factor, must_use_two_factor

PROTECTED_PREFIXES = ("/staff/", "/admin/")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.needs_setup(request):
            messages.warning(
                request,
                "Staff must set up two-factor authentication before using staff pages. "
                "Set it up now with an authenticator app.",
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.path})}")
        return self.get_response(request)

    @staticmethod
    def needs_setup(request: HttpRequest) -> bool:
        user = request.user
        return (
            request.path.startswith(PROTECTED_PREFIXES)
            and user.is_authenticated
            and must_use_two_factor(user)
            and not has_two_factor(user)
        )
