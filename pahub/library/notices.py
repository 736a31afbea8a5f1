"""The kinds of notice the library sends (pahub/notifications/registry.py finds this module)."""

from pahub.notifications.registry import register_kind

REVIEW_DUE = register_kind(
    "library.review_due",
    group="Library",
    label="Guidance or a template you look after is due for review",
)
