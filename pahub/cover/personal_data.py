"""Cover's part of a person's data: an employer's requests, a PA's offers, both sides'
bookings and the hours worked on them, relief pools and calendar feeds.

On deletion, shifts still to come are cancelled through the one cancellation path
(`services.bookings`), which emails the other side as any cancellation does; open requests
are withdrawn. Bookings and hours that happened stay, because the other person relies on
them (a PA is owed for approved hours and can still download them), without the deleted
person's address, phone or notes.
"""

from typing import Any

from django.db.models import Q
from django.utils import timezone

from pahub.core.hours_and_pay import hours_to_hundredths, pay_for_hours
from pahub.core.personal_data import Fate, Step, register
from pahub.cover.exports import hours_worked_on
from pahub.cover.models import (
    Booking,
    CalendarFeed,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    ReliefPoolMember,
    Timesheet,
)
from pahub.cover.presenters import slot_words
from pahub.cover.services import booking_cancel, cover_request_cancel, offer_withdraw
from pahub.employers.queries import employer_name
from pahub.register.queries import pa_name

PA_LEFT = "The PA deleted their PA Hub account."
EMPLOYER_LEFT = "The employer deleted their PA Hub account."
REMOVED = "Removed when the employer deleted their PA Hub account."


def iso(value) -> str | None:
    return value.isoformat() if value else None


def request_export(request: CoverRequest) -> dict[str, Any]:
    return {
        "status": request.status,
        "created_at": iso(request.created_at),
        "shifts": [slot_words(slot) for slot in request.slots.all()],
        "address": request.address,
        "contact_phone": request.contact_phone,
        "note": request.note,
        "hourly_pay": str(request.hourly_pay),
        "required_gender": request.required_gender,
        "gender_reason": request.gender_reason,
    }


def booking_export(booking: Booking, user) -> dict[str, Any]:
    return {
        "shift": slot_words(booking),
        "status": booking.status,
        # The other side, by the name they show: never their contact details.
        "with": employer_name(booking.employer)
        if booking.pa_id == user.pk
        else pa_name(booking.pa),
        "confirmed_at": iso(booking.confirmed_at),
        "cancelled_at": iso(booking.cancelled_at),
        "cancel_reason": booking.cancel_reason,
    }


def hours_export(timesheet: Timesheet) -> dict[str, Any]:
    booking = timesheet.booking
    hours = hours_worked_on(timesheet)
    pay = booking.slot.request.hourly_pay
    return {
        "employer": employer_name(booking.employer),
        "pa": pa_name(booking.pa),
        "started_at": iso(timesheet.started_at),
        "ended_at": iso(timesheet.ended_at),
        "break_minutes": timesheet.break_minutes,
        "hours": str(hours_to_hundredths(hours)),
        "hourly_pay": str(pay),
        "amount": str(pay_for_hours(hours, pay)),
        "status": timesheet.status,
        "note": timesheet.note,
        "employer_note": timesheet.employer_note,
        "decided_at": iso(timesheet.decided_at),
    }


def export_cover(user) -> dict[str, Any] | None:
    either_side = Q(pa=user) | Q(employer=user)
    bookings = Booking.objects.filter(either_side).select_related(
        "pa__pa_profile", "employer__employer_profile", "slot"
    )
    timesheets = Timesheet.objects.filter(
        Q(booking__pa=user) | Q(booking__employer=user)
    ).select_related(
        "booking__pa__pa_profile", "booking__employer__employer_profile", "booking__slot__request"
    )
    exported = {
        "cover_requests": [
            request_export(r)
            for r in CoverRequest.objects.filter(employer=user).prefetch_related("slots")
        ],
        "offers": [
            {"shift": slot_words(o.slot), "status": o.status, "message": o.message}
            for o in CoverOffer.objects.filter(pa=user).select_related("slot")
        ],
        "bookings": [booking_export(b, user) for b in bookings],
        "hours_worked": [hours_export(t) for t in timesheets],
        "relief_pools": [
            {
                "employer": employer_name(m.employer),
                "pa": pa_name(m.pa),
                "status": m.status,
                "invited_at": iso(m.invited_at),
            }
            for m in ReliefPoolMember.objects.filter(either_side).select_related(
                "employer__employer_profile", "pa__pa_profile"
            )
        ],
        "calendar_feeds": [
            {"created_at": iso(f.created_at), "stopped_at": iso(f.revoked_at)}
            for f in CalendarFeed.objects.filter(user=user)
        ],
    }
    return exported if any(exported.values()) else None


def end_what_was_to_come(user) -> None:
    now = timezone.now()
    # A PA's shift goes back to the employer's relief pool, as when a PA cancels.
    for booking in Booking.objects.filter(
        pa=user, status=Booking.Status.CONFIRMED, starts_at__gt=now
    ):
        booking_cancel(booking=booking, by=user, reason=PA_LEFT)
    # An employer's requests still to come are withdrawn: each booked PA is told, nothing
    # re-opens, and shifts already worked keep their bookings and hours.
    live = CoverRequest.objects.filter(
        employer=user,
        status__in=[CoverRequest.Status.OPEN, CoverRequest.Status.COVERED],
        slots__ends_at__gt=now,
    ).distinct()
    for request in live:
        cover_request_cancel(request=request, by=user, reason=EMPLOYER_LEFT)
    for offer in CoverOffer.objects.filter(pa=user, status=CoverOffer.Status.OFFERED):
        offer_withdraw(offer=offer, by=user)


def remove_their_words(user) -> None:
    CoverRequest.objects.filter(employer=user).update(note="", address="", contact_phone="")
    CoverRequest.objects.filter(employer=user).exclude(gender_reason="").update(
        gender_reason=REMOVED
    )
    CoverOffer.objects.filter(pa=user).update(message="")
    Timesheet.objects.filter(booking__pa=user).update(note="")
    Timesheet.objects.filter(booking__employer=user).update(employer_note="")
    CoverAlert.objects.filter(pa=user).delete()
    ReliefPoolMember.objects.filter(Q(pa=user) | Q(employer=user)).delete()
    CalendarFeed.objects.filter(user=user).delete()


register(
    "cover",
    models={
        "cover.CoverRequest": Fate.KEPT_ANONYMISED,
        "cover.CoverSlot": Fate.KEPT,
        "cover.CoverAlert": Fate.DELETED,
        "cover.CoverOffer": Fate.KEPT_ANONYMISED,
        "cover.Booking": Fate.KEPT_ANONYMISED,
        "cover.Timesheet": Fate.KEPT_ANONYMISED,
        "cover.ReliefPoolMember": Fate.DELETED,
        "cover.CalendarFeed": Fate.DELETED,
    },
    export=export_cover,
    erase={Step.COMMITMENTS: end_what_was_to_come, Step.RECORDS: remove_their_words},
)
