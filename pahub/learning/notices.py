"""The kinds of notice the learning zone sends (pahub/notifications/registry.py finds this
module)."""

from pahub.notifications.registry import register_kind

GROUP = "Learning"

CERTIFICATE = register_kind(
    "learning.certificate",
    group=GROUP,
    label="You completed a course and have a certificate",
)
