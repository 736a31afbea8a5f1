"""What cover's emails say: who gets each one, its subject and its lines; and `send`, which
hands them to Django's mailer (itself a queue: the "default" mailer stores each message as a
task, so a slow mail server never slows anyone down).

`pahub.cover.tasks` loads the rows, asks for the messages and sends them; a wave sends its
alerts itself once committed (`services.alerts`), as part of the wave's own task.

Emails never carry the address: that is only on the booked PA's own booking page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from pahub.accounts.models import Representation, User
from pahub.cover.models import (
    Booking,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)
from pahub.cover.times import Span, describe_span
from pahub.employers.queries import employer_name


@dataclass(frozen=True)
class Email:
    to: User
    subject: str
    lines: list[str]

    @property
    def full_subject(self) -> str:
        return f"PA Hub: {self.subject}"

    @property
    def body(self) -> str:
        return "\n\n".join([f"Hello {self.to.display_name},", *self.lines, "PA Hub"]) + "\n"


def send(messages: list[Email]) -> None:
    for message in messages:
        send_mail(
            subject=message.full_subject,
            message=message.body,
            from_email=None,
            recipient_list=[message.to.email],
        )


def slot_words(slot: CoverSlot) -> str:
    """ "Fri 27 Nov, 08:00 to 11:00": emails use the short format as it is."""
    return describe_span(Span(slot.starts_at, slot.ends_at))


def _link(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def employer_side_people(employer: User) -> list[User]:
    """The employer and their active representatives: everyone who may confirm an offer."""
    representatives = User.objects.filter(
        represents__employer=employer, represents__status=Representation.Status.ACTIVE
    )
    return [employer, *representatives]


def cover_needed(request: CoverRequest, pas: list[User], *, from_pool: bool) -> list[Email]:
    """To every PA just alerted; the same alerts show on their cover page at once."""
    slots = "; ".join(slot_words(slot) for slot in request.slots.filter(status="open"))
    intro = (
        f"{employer_name(request.employer)}, whose relief pool you are in, needs cover."
        if from_pool
        else f"Someone near you in {request.district_id} needs cover and you look like a good match."
    )
    subject = "cover needed " + (
        "by someone you know" if from_pool else f"in {request.district_id}"
    )
    lines = [
        intro,
        f"When: {slots}.",
        f"Pay: £{request.hourly_pay} an hour.",
        f"See the details and offer to help: {_link('cover:pa_request', request_id=request.pk)}",
    ]
    return [Email(pa, subject, lines) for pa in pas]


def pool_invitation(member: ReliefPoolMember) -> list[Email]:
    return [
        Email(
            member.pa,
            "will you join a relief pool?",
            [
                f"{employer_name(member.employer)} would like you in their relief pool: the PAs "
                "they ask first when they need cover at short notice.",
                f"Say yes or no: {_link('cover:pools')}",
            ],
        )
    ]


def offer_received(offer: CoverOffer) -> list[Email]:
    request = offer.slot.request
    lines = [
        f"{offer.pa.display_name} has offered to cover {slot_words(offer.slot)}.",
        f"Confirm or wait for others: {_link('cover:request', request_id=request.pk)}",
    ]
    return [
        Email(person, "someone has offered to cover", lines)
        for person in employer_side_people(request.employer)
    ]


def booking_confirmed(booking: Booking, not_needed: list[CoverOffer]) -> list[Email]:
    """To the booked PA, the employer side, and every PA whose offer is no longer needed."""
    when = slot_words(booking.slot)
    emails = [
        Email(
            booking.pa,
            "you are booked",
            [
                f"You are booked to cover for {employer_name(booking.employer)}: {when}.",
                f"The address and phone number are on your booking: "
                f"{_link('cover:booking', booking_id=booking.pk)}",
            ],
        )
    ]
    emails += [
        Email(
            person,
            "cover confirmed",
            [
                f"{booking.pa.display_name} is booked for {when}.",
                f"Details: {_link('cover:request', request_id=booking.slot.request_id)}",
            ],
        )
        for person in employer_side_people(booking.employer)
    ]
    emails += [
        Email(
            offer.pa,
            "cover no longer needed",
            [f"Thank you for offering. Someone else is now covering {when}."],
        )
        for offer in not_needed
    ]
    return emails


def booking_cancelled(booking: Booking) -> list[Email]:
    """The other side hears; when the PA cancelled, the employer side hears the pool is asked."""
    when = slot_words(booking.slot)
    late = " This is less than 24 hours before the shift." if booking.late_cancellation else ""
    reason = f"The reason given: {booking.cancel_reason}"
    if booking.cancelled_by_id == booking.pa_id:
        lines = [
            f"{booking.pa.display_name} has cancelled {when}.{late}",
            reason,
            "We are asking your relief pool again straight away.",
        ]
        return [
            Email(person, "a PA has cancelled", lines)
            for person in employer_side_people(booking.employer)
        ]
    return [
        Email(
            booking.pa,
            "a booking was cancelled",
            [f"Your booking for {when} was cancelled.{late}", reason],
        )
    ]


def hours_submitted(timesheet: Timesheet) -> list[Email]:
    lines = [
        f"{timesheet.booking.pa.display_name} has recorded their hours for "
        f"{slot_words(timesheet.booking.slot)}.",
        f"Approve or query them: {_link('cover:timesheets')}",
    ]
    return [
        Email(person, "hours to approve", lines)
        for person in employer_side_people(timesheet.booking.employer)
    ]


def hours_decided(timesheet: Timesheet) -> list[Email]:
    if timesheet.status == Timesheet.Status.APPROVED:
        lines = ["Your hours were approved."]
    else:
        lines = [
            f"Your hours were queried: {timesheet.employer_note}",
            "Please check and record them again.",
        ]
    lines.append(_link("cover:booking", booking_id=timesheet.booking_id))
    return [Email(timesheet.booking.pa, "your hours", lines)]


def nobody_yet(request: CoverRequest, widening_to: str) -> list[Email]:
    """Before each widening, the employer hears that nobody has offered yet, and what next."""
    lines = [
        "Nobody has offered to cover yet.",
        f"We are now asking {widening_to}.",
        f"Follow it here: {_link('cover:request', request_id=request.pk)}",
    ]
    return [
        Email(person, "nobody has offered yet", lines)
        for person in employer_side_people(request.employer)
    ]
