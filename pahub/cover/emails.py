"""What cover tells people: who hears each thing, its kind of notice, subject, lines and link;
and `send`, which hands them to the notification service (`pahub.notifications`), so each
person gets the in-app notice and, by their choice for that kind, the email now or in their
daily digest. The kinds are declared in `pahub/cover/notices.py`.

`pahub.cover.tasks` loads the rows, asks for the messages and sends them; a wave sends its
alerts itself once committed (`services.alerts`), as part of the wave's own task.

Emails never carry the address: that is only on the booked PA's own booking page.
"""

from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
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
from pahub.notifications.services import notify_many


@dataclass(frozen=True)
class Email:
    to: User
    kind: str  # a kind from pahub/cover/notices.py
    subject: str
    lines: list[str]
    path: str = ""  # where the in-app notice leads, on PA Hub

    @property
    def title(self) -> str:
        return self.subject[:1].upper() + self.subject[1:]

    @property
    def full_subject(self) -> str:
        return f"PA Hub: {self.subject}"

    @property
    def body(self) -> str:
        return "\n\n".join([f"Hello {self.to.display_name},", *self.lines, "PA Hub"]) + "\n"


def send(messages: list[Email]) -> None:
    """One call to the notification service per kind and wording, however many people hear
    (a cover wave tells up to dozens of PAs the same thing in a fixed number of queries)."""
    ordered = sorted(messages, key=_same_words)
    for _, group in groupby(ordered, key=_same_words):
        _send_batch(list(group))


def _send_batch(group: list[Email]) -> None:
    by_person = {message.to.pk: message for message in group}
    first = group[0]
    notify_many(
        [message.to for message in group],
        first.kind,
        title=first.title,
        body=first.lines[0],
        url=first.path,
        email_for=lambda person: (by_person[person.pk].full_subject, by_person[person.pk].body),
    )


def _same_words(message: Email) -> tuple:
    """Messages that differ only in who they greet are told in one batch."""
    return (message.kind, message.subject, tuple(message.lines), message.path)


def slot_words(slot: CoverSlot) -> str:
    """ "Fri 27 Nov, 08:00 to 11:00": emails use the short format as it is."""
    return describe_span(Span(slot.starts_at, slot.ends_at))


def _path(name: str, **kwargs) -> str:
    return reverse(name, kwargs=kwargs)


def _link(name: str, **kwargs) -> str:
    return settings.SITE_URL + _path(name, **kwargs)


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
    path = _path("cover:pa_request", request_id=request.pk)
    return [Email(pa, "cover.alert", subject, lines, path) for pa in pas]


def pool_invitation(member: ReliefPoolMember) -> list[Email]:
    return [
        Email(
            member.pa,
            "cover.pool_invitation",
            "will you join a relief pool?",
            [
                f"{employer_name(member.employer)} would like you in their relief pool: the PAs "
                "they ask first when they need cover at short notice.",
                f"Say yes or no: {_link('cover:pools')}",
            ],
            _path("cover:pools"),
        )
    ]


def offer_received(offer: CoverOffer) -> list[Email]:
    request = offer.slot.request
    lines = [
        f"{offer.pa.display_name} has offered to cover {slot_words(offer.slot)}.",
        f"Confirm or wait for others: {_link('cover:request', request_id=request.pk)}",
    ]
    return [
        Email(
            person,
            "cover.offer_received",
            "someone has offered to cover",
            lines,
            _path("cover:request", request_id=request.pk),
        )
        for person in employer_side_people(request.employer)
    ]


def booking_confirmed(booking: Booking, not_needed: list[CoverOffer]) -> list[Email]:
    """To the booked PA, the employer side, and every PA whose offer is no longer needed."""
    when = slot_words(booking.slot)
    emails = [
        Email(
            booking.pa,
            "cover.booking_confirmed",
            "you are booked",
            [
                f"You are booked to cover for {employer_name(booking.employer)}: {when}.",
                f"The address and phone number are on your booking: "
                f"{_link('cover:booking', booking_id=booking.pk)}",
            ],
            _path("cover:booking", booking_id=booking.pk),
        )
    ]
    emails += [
        Email(
            person,
            "cover.booking_confirmed",
            "cover confirmed",
            [
                f"{booking.pa.display_name} is booked for {when}.",
                f"Details: {_link('cover:request', request_id=booking.slot.request_id)}",
            ],
            _path("cover:request", request_id=booking.slot.request_id),
        )
        for person in employer_side_people(booking.employer)
    ]
    emails += [
        Email(
            offer.pa,
            "cover.offer_not_needed",
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
            Email(
                person,
                "cover.booking_cancelled",
                "a PA has cancelled",
                lines,
                _path("cover:request", request_id=booking.slot.request_id),
            )
            for person in employer_side_people(booking.employer)
        ]
    return [
        Email(
            booking.pa,
            "cover.booking_cancelled",
            "a booking was cancelled",
            [f"Your booking for {when} was cancelled.{late}", reason],
            _path("cover:booking", booking_id=booking.pk),
        )
    ]


def hours_submitted(timesheet: Timesheet) -> list[Email]:
    lines = [
        f"{timesheet.booking.pa.display_name} has recorded their hours for "
        f"{slot_words(timesheet.booking.slot)}.",
        f"Approve or query them: {_link('cover:timesheets')}",
    ]
    return [
        Email(person, "cover.hours_submitted", "hours to approve", lines, _path("cover:timesheets"))
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
    path = _path("cover:booking", booking_id=timesheet.booking_id)
    return [Email(timesheet.booking.pa, "cover.hours_decided", "your hours", lines, path)]


def nobody_yet(request: CoverRequest, widening_to: str) -> list[Email]:
    """Before each widening, the employer hears that nobody has offered yet, and what next."""
    lines = [
        "Nobody has offered to cover yet.",
        f"We are now asking {widening_to}.",
        f"Follow it here: {_link('cover:request', request_id=request.pk)}",
    ]
    return [
        Email(
            person,
            "cover.nobody_yet",
            "nobody has offered yet",
            lines,
            _path("cover:request", request_id=request.pk),
        )
        for person in employer_side_people(request.employer)
    ]
