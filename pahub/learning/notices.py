"""The kinds of notice the learning zone sends (pahub/notifications/registry.py finds this
module). Each part of the learning zone adds its kinds here.

A cancelled event is required: people may have arranged travel, cover for their own support or
time off to go, so they must hear it is not happening.
"""

from pahub.notifications.registry import register_kind

GROUP = "Learning and training"
EVENTS_GROUP = "Courses and events"

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
EVENT_BOOKED = register_kind(
    "learning.event_booked",
    group=EVENTS_GROUP,
    label="You booked a place on a course or event",
)
EVENT_REMINDER = register_kind(
    "learning.event_reminder",
    group=EVENTS_GROUP,
    label="A reminder the day before a course or event you booked",
)
EVENT_CANCELLED = register_kind(
    "learning.event_cancelled",
    group=EVENTS_GROUP,
    label="A course or event you booked has been cancelled",
    required=True,
    reason="you may have arranged travel, cover or time off to go, so you must know it is "
    "not happening.",
)
