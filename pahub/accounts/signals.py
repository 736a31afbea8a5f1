"""Audit sign-ins, sign-outs, failed sign-ins and two-factor changes."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from pahub.core import audit


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs) -> None:
    audit.record(user, "auth.login", user)


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit.record(user, "auth.logout", user)


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Never store the password that was tried.
    audit.record(None, "auth.login_failed", email=credentials.get("email", ""))


@receiver(password_changed)
def audit_password_changed(sender, request, user, **kwargs) -> None:
    audit.record(user, "auth.password_changed", user)


@receiver(password_reset)
def audit_password_reset(sender, request, user, **kwargs) -> None:
    audit.record(user, "auth.password_reset", user)


@receiver(authenticator_added)
def audit_authenticator_added(sender, request, user, authenticator, **kwargs) -> None:
    audit.record(user, "auth.two_factor_added", user, type=authenticator.type)


@receiver(authenticator_removed)
def audit_authenticator_removed(sender, request, user, authenticator, **kwargs) -> None:
    audit.record(user, "auth.two_factor_removed", user, type=authenticator.type)
