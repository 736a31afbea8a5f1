"""How django-allauth creates PA Hub accounts."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest

from pahub.accounts.models import User
from pahub.accounts.services import place_user, user_set_roles
from pahub.core import audit


class AccountAdapter(DefaultAccountAdapter):
    # Plain English, saying what to do next.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": (
            "The email address or password is not right. Check them and try again."
        ),
        "email_taken": (
            "There is already an account with this email address. Sign in, or reset your "
            "password if you have forgotten it."
        ),
        "too_many_login_attempts": (
            "You have tried to sign in too many times. Wait 5 minutes, then try again, "
            "or reset your password."
        ),
        "incorrect_code": "The code is not right. Check your authenticator app and try again.",
        "incorrect_password": "The password is not right. Try again.",
    }

    def get_client_ip(self, request: HttpRequest) -> str:
        """Sign-in rate limits count per client: the same address the audit log records."""
        ip = audit.client_ip(request)
        if ip is None:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    @transaction.atomic
    def save_user(self, request: HttpRequest, user: User, form, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        user.full_name = form.cleaned_data["full_name"].strip()
        place_user(user, form.cleaned_data["postcode"])
        user.save()
        roles = [role for role in form.cleaned_data["roles"] if role != "staff"]
        audit.record(user, "account.created", user)
        user_set_roles(user=user, roles=roles, by=user)
        return user
