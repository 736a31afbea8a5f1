"""Anyone who must use two-factor cannot use PA Hub until they have set it up.

Two-factor is a property of the staff session, not of a URL prefix: staff, site admins and
`is_staff` accounts without it are sent to set it up (pages) or refused with 403 JSON (the
API) on every view, except

- public views, marked `@public_page` or, in the API, declared `auth=None`
  (`pahub.core.public`);
- signing in and out, email and password, the two-factor set-up itself and "your
  account", listed by URL name below.

Checked in `process_view`, so a new page is closed until someone marks it public on
purpose. Requests with an organisation API key and no session are not a person's session:
the API's own authentication deals with them.
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from pahub.accounts.permissions import has_two_factor, must_use_two_factor
from pahub.core.public import is_public

# allauth's pages (by URL name) that someone needs to reach two-factor set-up, or to leave.
SET_UP_URL_NAMES = frozenset(
    {
        "account_login",
        "account_logout",
        "account_inactive",
        "account_signup",
        "account_reauthenticate",
        "account_email",
        "account_email_verification_sent",
        "account_confirm_email",  # allauth will not activate TOTP on an unverified email
        "account_change_password",
        "account_set_password",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_confirm_login_code",
        "mfa_index",
        "mfa_authenticate",
        "mfa_reauthenticate",
        "mfa_activate_totp",
        "accounts:home",  # "your account", which says two-factor is needed and links to it
    }
)

API_PREFIX = "/api/"
API_REFUSAL = "Set up two-factor authentication before using PA Hub as staff."


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        if not self.needs_setup(request, view_func):
            return None
        if request.path.startswith(API_PREFIX):
            # The same shape as the API's other errors: {"detail": ...}.
            return JsonResponse({"detail": API_REFUSAL}, status=403)
        messages.warning(
            request,
            "Staff must set up two-factor authentication before using staff pages. "
            "Set it up now with an authenticator app.",
        )
        return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.path})}")

    @staticmethod
    def needs_setup(request: HttpRequest, view_func: Callable) -> bool:
        # Cheapest first: public views and the set-up pages cost no query.
        if is_public(view_func, request):
            return False
        match = request.resolver_match
        if match is not None and match.view_name in SET_UP_URL_NAMES:
            return False
        user = request.user
        return user.is_authenticated and must_use_two_factor(user) and not has_two_factor(user)
