"""The kinds of notice messaging sends (pahub/notifications/registry.py finds this module)."""

from pahub.notifications.registry import register_kind

GROUP = "Messages"

NEW_MESSAGE = register_kind(
    "messaging.new_message",
    group=GROUP,
    label="New messages",
    hint=(
        "Emails say only how many messages are waiting, at most one every few minutes: "
        "never what was written or who wrote it."
    ),
)
REPORT_OUTCOME = register_kind(
    "messaging.report_outcome",
    group=GROUP,
    label="What happened to a message you reported",
)
