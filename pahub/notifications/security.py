"""Security alerts: allauth's emails about changes to how someone signs in, also shown in
PA Hub's notification centre, through the same service as every other notice.

allauth sends these emails itself (`send_notification_mail`, with its own templates and the
client's address and browser). This adapter lives here, not in accounts, because accounts sits
below notifications; settings.ACCOUNT_ADAPTER names it.
"""

from typing import Any

from django.urls import reverse

from pahub.accounts.adapter import AccountAdapter
from pahub.notifications.notices import SECURITY_ALERT
from pahub.notifications.services import notify

# allauth's template prefix -> (what happened, where the person can check it).
SECURITY_EVENTS: dict[str, tuple[str, str]] = {
    "account/email/password_changed": ("Your password was changed", "account_change_password"),
    "account/email/password_set": (
        "A password was set for your account",
        "account_change_password",
    ),
    "account/email/password_reset": ("Your password was reset", "account_change_password"),
    "account/email/email_changed": ("Your email address was changed", "account_email"),
    "account/email/email_deleted": (
        "An email address was removed from your account",
        "account_email",
    ),
    "mfa/email/totp_activated": ("Two-factor sign-in was turned on", "mfa_index"),
    "mfa/email/totp_deactivated": ("Two-factor sign-in was turned off", "mfa_index"),
    "mfa/email/recovery_codes_generated": ("New recovery codes were made", "mfa_index"),
    "mfa/email/webauthn_added": ("A security key was added", "mfa_index"),
    "mfa/email/webauthn_removed": ("A security key was removed", "mfa_index"),
}
IF_NOT_YOU = (
    "If this was you, there is nothing to do. If it was not, change your password now and "
    "contact PA Hub's team."
)


def security_alert_notice(user, template_prefix: str) -> None:
    """The in-app half of a security alert (the email is allauth's own)."""
    title, url_name = SECURITY_EVENTS.get(
        template_prefix, ("A change was made to how you sign in", "account_change_password")
    )
    notify(user, SECURITY_ALERT.key, title=title, body=IF_NOT_YOU, url=reverse(url_name))


class SecurityAlertAccountAdapter(AccountAdapter):
    def send_notification_mail(
        self,
        template_prefix: str,
        user,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        super().send_notification_mail(template_prefix, user, context, email)
        security_alert_notice(user, template_prefix)
