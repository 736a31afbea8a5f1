"""The kinds of notice support sends (pahub/notifications/registry.py finds this module).

A new safeguarding concern is required: an adult may be at risk, and the council's
safeguarding staff must hear at once. Its text never carries the details of the concern, which
are read only on PA Hub, after signing in with two-factor.

A reply from the organisation helping someone is required: a person who asked for help with a
problem at work must not miss the answer because they turned a setting off long ago.
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

HELP_GROUP = "Asking for help"

HELP_REQUEST_ARRIVED = register_kind(
    "support.help_request_arrived",
    group=HELP_GROUP,
    label="For staff: someone in your organisation's areas asked for help",
)
HELP_PICKED_UP = register_kind(
    "support.help_picked_up",
    group=HELP_GROUP,
    label="Someone picked up your request for help",
)
HELP_REPLY = register_kind(
    "support.help_reply",
    group=HELP_GROUP,
    label="A new message about a request for help",
    required=True,
    reason="someone is waiting for an answer about a problem or a question they asked.",
)
HELP_CALL = register_kind(
    "support.help_call",
    group=HELP_GROUP,
    label="A phone call about your request for help was proposed or answered",
)
HELP_CLOSED = register_kind(
    "support.help_closed",
    group=HELP_GROUP,
    label="Your request for help was closed",
)
