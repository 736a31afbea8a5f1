"""The kinds of notice support sends (pahub/notifications/registry.py finds this module).

A reply from the organisation helping someone is required: a person who asked for help with a
problem at work must not miss the answer because they turned a setting off long ago.
"""

from pahub.notifications.registry import register_kind

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
