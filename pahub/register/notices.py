"""The kinds of notice the register sends (pahub/notifications/registry.py finds this module)."""

from pahub.notifications.registry import register_kind

GROUP = "Your PA profile and checks"

VERIFICATION_RESULT = register_kind(
    "register.verification_result",
    group=GROUP,
    label="The result of a check on your evidence (verified, more needed or not accepted)",
)
EXPIRY_REMINDER = register_kind(
    "register.expiry_reminder",
    group=GROUP,
    label="Your DBS check or other evidence needs renewing soon",
)
