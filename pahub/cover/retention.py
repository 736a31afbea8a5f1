"""How long cover requests, bookings and hours are kept, and what holds a conversation
(the registry: pahub/core/retention.py)."""

from datetime import datetime

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from pahub.core import retention
from pahub.cover.models import Booking, CoverRequest, Timesheet
from pahub.messaging.models import Conversation

# A request nobody is still looking for cover on.
FINISHED = ~Q(status=CoverRequest.Status.OPEN)


def _finished_before(cutoff: datetime) -> QuerySet[CoverRequest]:
    """Finished requests whose last shift ended before `cutoff` (created, if no shift)."""
    return (
        CoverRequest.objects.filter(FINISHED)
        .alias(last_end=Coalesce(Max("slots__ends_at"), "created_at"))
        .filter(last_end__lt=cutoff)
    )


def _queried_hours() -> QuerySet[Timesheet]:
    return Timesheet.objects.filter(status=Timesheet.Status.QUERIED)


def contact_details_due(cutoff: datetime) -> QuerySet[CoverRequest]:
    queried = _queried_hours().filter(booking__slot__request=OuterRef("pk"))
    has_details = ~Q(address="") | ~Q(contact_phone="") | ~Q(note="")
    return _finished_before(cutoff).filter(has_details).exclude(Exists(queried))


def clear_contact_details(requests: QuerySet[CoverRequest]) -> int:
    return requests.update(address="", contact_phone="", note="")


def requests_due(cutoff: datetime) -> QuerySet[CoverRequest]:
    queried = _queried_hours().filter(booking__slot__request=OuterRef("pk"))
    return _finished_before(cutoff).exclude(Exists(queried))


KEPT_WHILE_QUERIED = "hours worked on it are queried and not yet agreed"

retention.rule(
    name="cover.contact_details",
    model=CoverRequest,
    what="The address, phone number and note on a cover request",
    default_days=90,
    after="after the last shift ended",
    action=retention.Action.ANONYMISE,
    outcome=(
        "The address, phone number and note are removed. The shifts, who covered them and "
        "the hours worked are kept."
    ),
    # Only the PA who covers a shift sees the address, and only to get there.
    why=(
        "The address and phone number are only needed to get to the shift. Three months "
        "leaves time to sort out a problem with a visit."
    ),
    due=contact_details_due,
    apply=clear_contact_details,
    kept_while=(KEPT_WHILE_QUERIED,),
)

retention.rule(
    name="cover.requests",
    model=CoverRequest,
    what="Cover requests, with their shifts, offers, bookings and the hours worked",
    default_days=6 * 365,
    after="after the last shift ended",
    action=retention.Action.DELETE,
    outcome="The cover request is deleted, with its shifts, offers, bookings and hours.",
    # Approved hours are a pay record: a claim for unpaid wages may be made for six years
    # (Limitation Act 1980), and HMRC asks for pay records for three years after the tax year.
    why=(
        "Hours worked are a record of pay. A PA can claim unpaid wages for up to six years, "
        "and employers must be able to show HMRC what they paid for three years after the "
        "tax year."
    ),
    due=requests_due,
    kept_while=(KEPT_WHILE_QUERIED,),
)


@retention.hold(
    "messaging.conversations",
    reason=(
        "the employer and the PA have a cover booking that has not ended yet, or hours "
        "worked between them are queried and not yet agreed"
    ),
)
def keep_conversations_about_bookings(conversations: QuerySet[Conversation]):
    """A conversation is part of a booking that is still to come or in dispute."""
    same_pair = Q(employer=OuterRef("employer"), pa=OuterRef("pa"))
    future = Booking.objects.filter(
        same_pair, status=Booking.Status.CONFIRMED, ends_at__gt=timezone.now()
    )
    disputed = Booking.objects.filter(same_pair, timesheet__status=Timesheet.Status.QUERIED)
    return conversations.exclude(Exists(future)).exclude(Exists(disputed))
