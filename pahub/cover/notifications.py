"""Telling people about cover, from the task queue: alerts in waves, offers, bookings,
cancellations and hours. Pages only enqueue these (after commit), so a slow mail server never
slows anyone down; each task reloads what it needs, since things may have moved on.

Emails never carry the address: that is only on the booked PA's own booking page.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.urls import reverse

from pahub.accounts.models import User
from pahub.cover.models import Booking, CoverOffer, CoverRequest, CoverSlot, ReliefPoolMember
from pahub.cover.times import Span, describe_span
from pahub.employers.queries import employer_name


def _link(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def _email(to: User, subject: str, lines: list[str]) -> None:
    body = "\n\n".join([f"Hello {to.display_name},", *lines, "PA Hub"])
    send_mail(
        subject=f"PA Hub: {subject}",
        message=body + "\n",
        from_email=None,
        recipient_list=[to.email],
    )


def slot_words(slot: CoverSlot) -> str:
    return describe_span(Span(slot.starts_at, slot.ends_at))


def employer_side_people(employer: User) -> list[User]:
    """The employer and their active representatives: everyone who may confirm an offer."""
    from pahub.accounts.models import Representation

    representatives = User.objects.filter(
        represents__employer=employer, represents__status=Representation.Status.ACTIVE
    )
    return [employer, *representatives]


@task()
def send_next_wave(request_id: int) -> dict:
    from pahub.cover.waves import wave_send

    return wave_send(request_id=request_id)


def alert_pas(request: CoverRequest, pa_ids: list[int], *, from_pool: bool) -> None:
    """Email every PA just alerted; the same alerts show on their cover page at once."""
    slots = "; ".join(slot_words(slot) for slot in request.slots.filter(status="open"))
    intro = (
        f"{employer_name(request.employer)}, whose relief pool you are in, needs cover."
        if from_pool
        else f"Someone near you in {request.district_id} needs cover and you look like a good match."
    )
    for pa in User.objects.filter(pk__in=pa_ids):
        _email(
            pa,
            "cover needed " + ("by someone you know" if from_pool else f"in {request.district_id}"),
            [
                intro,
                f"When: {slots}.",
                f"Pay: £{request.hourly_pay} an hour.",
                f"See the details and offer to help: {_link('cover:pa_request', request_id=request.pk)}",
            ],
        )


@task()
def pool_invitation(member_id: int) -> None:
    member = ReliefPoolMember.objects.select_related("employer", "pa").filter(pk=member_id).first()
    if member is None or member.status != ReliefPoolMember.Status.INVITED:
        return
    _email(
        member.pa,
        "will you join a relief pool?",
        [
            f"{employer_name(member.employer)} would like you in their relief pool: the PAs "
            "they ask first when they need cover at short notice.",
            f"Say yes or no: {_link('cover:pools')}",
        ],
    )


@task()
def offer_received(offer_id: int) -> None:
    offer = CoverOffer.objects.select_related("slot__request__employer", "pa").get(pk=offer_id)
    request = offer.slot.request
    for person in employer_side_people(request.employer):
        _email(
            person,
            "someone has offered to cover",
            [
                f"{offer.pa.display_name} has offered to cover {slot_words(offer.slot)}.",
                f"Confirm or wait for others: {_link('cover:request', request_id=request.pk)}",
            ],
        )


@task()
def auto_confirm(offer_id: int) -> None:
    """Pool members are booked at once when the employer asked for that."""
    from pahub.cover.booking import BookingError, booking_confirm

    offer = CoverOffer.objects.select_related("slot").get(pk=offer_id)
    try:
        booking_confirm(offer=offer, by=None)
    except BookingError:
        offer_received.call(offer_id=offer_id)


def booking_confirmed(booking_id: int) -> None:
    """Queue the "you are booked" emails once the booking is committed."""
    transaction.on_commit(lambda: tell_booking_confirmed.enqueue(booking_id=booking_id))


@task()
def tell_booking_confirmed(booking_id: int) -> None:
    booking = Booking.objects.select_related("slot__request__employer", "pa").get(pk=booking_id)
    when = slot_words(booking.slot)
    _email(
        booking.pa,
        "you are booked",
        [
            f"You are booked to cover for {employer_name(booking.employer)}: {when}.",
            f"The address and phone number are on your booking: "
            f"{_link('cover:booking', booking_id=booking.pk)}",
        ],
    )
    for person in employer_side_people(booking.employer):
        _email(
            person,
            "cover confirmed",
            [
                f"{booking.pa.display_name} is booked for {when}.",
                f"Details: {_link('cover:request', request_id=booking.slot.request_id)}",
            ],
        )
    others = CoverOffer.objects.filter(
        slot=booking.slot, status=CoverOffer.Status.NOT_NEEDED
    ).select_related("pa")
    for offer in others:
        _email(
            offer.pa,
            "cover no longer needed",
            [f"Thank you for offering. Someone else is now covering {when}."],
        )


@task()
def booking_cancelled(booking_id: int) -> None:
    booking = Booking.objects.select_related("slot__request__employer", "pa", "cancelled_by").get(
        pk=booking_id
    )
    when = slot_words(booking.slot)
    late = " This is less than 24 hours before the shift." if booking.late_cancellation else ""
    reason = f"The reason given: {booking.cancel_reason}"
    if booking.cancelled_by_id == booking.pa_id:
        for person in employer_side_people(booking.employer):
            _email(
                person,
                "a PA has cancelled",
                [
                    f"{booking.pa.display_name} has cancelled {when}.{late}",
                    reason,
                    "We are asking your relief pool again straight away.",
                ],
            )
    else:
        _email(
            booking.pa,
            "a booking was cancelled",
            [f"Your booking for {when} was cancelled.{late}", reason],
        )


@task()
def reopened(request_id: int, cancelled_pa_id: int) -> dict:
    """A cancelled slot goes back to the relief pool first, then widens as before."""
    from pahub.cover.waves import wave_restart

    return wave_restart(request_id=request_id, cancelled_pa_id=cancelled_pa_id)


@task()
def hours_submitted(timesheet_id: int) -> None:
    from pahub.cover.models import Timesheet

    timesheet = Timesheet.objects.select_related("booking__employer", "booking__pa").get(
        pk=timesheet_id
    )
    for person in employer_side_people(timesheet.booking.employer):
        _email(
            person,
            "hours to approve",
            [
                f"{timesheet.booking.pa.display_name} has recorded their hours for "
                f"{slot_words(timesheet.booking.slot)}.",
                f"Approve or query them: {_link('cover:timesheets')}",
            ],
        )


@task()
def hours_decided(timesheet_id: int) -> None:
    from pahub.cover.models import Timesheet

    timesheet = Timesheet.objects.select_related("booking__pa").get(pk=timesheet_id)
    if timesheet.status == Timesheet.Status.APPROVED:
        lines = ["Your hours were approved."]
    else:
        lines = [
            f"Your hours were queried: {timesheet.employer_note}",
            "Please check and record them again.",
        ]
    lines.append(_link("cover:booking", booking_id=timesheet.booking_id))
    _email(timesheet.booking.pa, "your hours", lines)


@task()
def nobody_yet(request_id: int, widening_to: str) -> None:
    """Before each widening, the employer hears that nobody has offered yet, and what next."""
    request = CoverRequest.objects.select_related("employer").get(pk=request_id)
    for person in employer_side_people(request.employer):
        _email(
            person,
            "nobody has offered yet",
            [
                "Nobody has offered to cover yet.",
                f"We are now asking {widening_to}.",
                f"Follow it here: {_link('cover:request', request_id=request.pk)}",
            ],
        )
