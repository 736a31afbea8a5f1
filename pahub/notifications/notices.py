"""The kinds of notice notifications itself sends (registry.py finds this module)."""

from pahub.notifications.registry import register_kind

SECURITY_ALERT = register_kind(
    "accounts.security_alert",
    group="Your account",
    label="A change to how you sign in (password, email address or two-factor)",
    required=True,
    reason="if someone else changed how you sign in, you need to know at once to stop them.",
)
