"""The kinds of notice the learning zone sends (pahub/notifications/registry.py finds this
module). Each part of the learning zone adds its kinds here."""

from pahub.notifications.registry import register_kind

GROUP = "Learning"

SUGGESTION = register_kind(
    "learning.suggestion",
    group=GROUP,
    label="Your employer suggested a module",
)
