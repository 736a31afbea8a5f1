"""The kinds of notice cover sends (pahub/notifications/registry.py finds this module).

Booking confirmations and cancellations, and "nobody has offered yet", are required: each can
leave a disabled person without support at short notice if it is missed, so they are always
emailed straight away as well as shown on PA Hub.
"""

from pahub.notifications.registry import register_kind

GROUP = "Cover"

register_kind(
    "cover.alert",
    group=GROUP,
    label="Someone near you, or whose relief pool you are in, needs cover",
    hint="Cover is often needed within hours, so email straight away is best.",
)
register_kind(
    "cover.pool_invitation",
    group=GROUP,
    label="Invitations to join an employer's relief pool",
)
register_kind(
    "cover.offer_received",
    group=GROUP,
    label="A PA has offered to cover a shift you asked for",
)
register_kind(
    "cover.offer_not_needed",
    group=GROUP,
    label="Your offer to cover is no longer needed",
)
register_kind(
    "cover.booking_confirmed",
    group=GROUP,
    label="A cover booking is confirmed",
    required=True,
    reason="everyone must know for certain who is covering a shift, so nobody is left "
    "without support.",
)
register_kind(
    "cover.booking_cancelled",
    group=GROUP,
    label="A cover booking is cancelled",
    required=True,
    reason="a cancelled shift can leave someone without support, so both sides must hear at once.",
)
register_kind(
    "cover.nobody_yet",
    group=GROUP,
    label="Nobody has offered to cover yet",
    required=True,
    reason="you may need to make other arrangements for your support in time.",
)
register_kind(
    "cover.hours_submitted",
    group=GROUP,
    label="A PA has recorded hours for you to approve",
)
register_kind(
    "cover.hours_decided",
    group=GROUP,
    label="Your hours were approved or queried",
)
