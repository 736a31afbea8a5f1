"""The kinds of notice support sends (pahub/notifications/registry.py finds this module).

A new safeguarding concern is required: an adult may be at risk, and the council's
safeguarding staff must hear at once. Its text never carries the details of the concern, which
are read only on PA Hub, after signing in with two-factor.
"""

from pahub.notifications.registry import register_kind

SAFEGUARDING_GROUP = "Safeguarding"

CONCERN_RAISED = register_kind(
    "support.concern_raised",
    group=SAFEGUARDING_GROUP,
    label="A safeguarding concern was raised in your council's area (safeguarding staff)",
    required=True,
    reason="an adult may be at risk, and your council's safeguarding staff must know at once.",
)
CONCERN_UPDATE = register_kind(
    "support.concern_update",
    group=SAFEGUARDING_GROUP,
    label="The council received, or is dealing with, a safeguarding concern you raised",
)
