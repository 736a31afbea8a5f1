"""The kinds of notice the learning zone sends (pahub/notifications/registry.py finds this
module). Each part of the learning zone adds its kinds here."""

from pahub.notifications.registry import register_kind

GROUP = "Learning and training"

CERTIFICATE = register_kind(
    "learning.certificate",
    group=GROUP,
    label="You completed a course and have a certificate",
)
CPD_REVIEW = register_kind(
    "learning.cpd_review",
    group=GROUP,
    label="Once a year: time to review your CPD log",
)
SUGGESTION = register_kind(
    "learning.suggestion",
    group=GROUP,
    label="Your employer suggested a module",
)
