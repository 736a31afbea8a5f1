"""How long the learning zone keeps what is not part of someone's learning record (the
registry: pahub/core/retention.py).

Completions, certificates, the plan and the CPD log are the person's record of learning: they
stay while the account does (deleting the account deletes them). What goes on a clock is the
working-out: failed quiz attempts, and bookings for events long over.
"""

from datetime import datetime

from django.db.models import QuerySet

from pahub.core import retention
from pahub.learning.models import EventBooking, QuizAttempt


def failed_attempts_due(cutoff: datetime) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(created_at__lt=cutoff, passed=False)


def past_bookings_due(cutoff: datetime) -> QuerySet[EventBooking]:
    return EventBooking.objects.filter(event__ends_at__lt=cutoff)


retention.rule(
    name="learning.failed_quiz_attempts",
    model=QuizAttempt,
    what="Learning: quiz attempts you did not pass",
    default_days=365,
    after="after the attempt",
    action=retention.Action.DELETE,
    outcome="The attempt is deleted. Modules you passed, and your certificates, are kept.",
    why=(
        "A quiz you did not pass only helps you try again soon. After a year it says nothing "
        "about what you know, so we do not keep it."
    ),
    due=failed_attempts_due,
)

retention.rule(
    name="learning.event_bookings",
    model=EventBooking,
    what="Learning: your bookings on courses and events",
    default_days=730,
    after="after the event ended",
    action=retention.Action.DELETE,
    outcome=(
        "The booking is deleted. Anything you logged in your CPD log about the event is kept."
    ),
    why=(
        "The organiser may need to know who came, for funding or a certificate, for up to two "
        "years. After that the booking is no longer needed; your CPD log is your record."
    ),
    due=past_bookings_due,
)
