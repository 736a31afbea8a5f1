"""Bookings: confirming an offer (through the race-safe `booking.book_offer`), the relief pool's
automatic confirmation, and cancelling."""

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.cover.booking import BookingError, book_offer, booking_is_late_cancellation
from pahub.cover.errors import CoverError
from pahub.cover.models import Booking, CoverOffer, CoverRequest, CoverSlot
from pahub.cover.services.after_commit import enqueue_after_commit


def booking_confirm(*, offer: CoverOffer, by: User | None) -> Booking:
    """Turn an offer into the slot's booking, or raise a BookingError saying why not; everyone
    concerned is emailed once it has committed.

    `by` is whoever confirmed (the employer side), or None when the request auto-confirms
    its relief pool. Callers check that `by` may act for the employer.
    """
    booking = book_offer(offer=offer, by=by)
    enqueue_after_commit("tell_booking_confirmed", booking_id=booking.pk)
    return booking


def offer_auto_confirm(*, offer_id: int) -> Booking | None:
    """Book a relief pool member at once, as the employer asked; if the slot has gone (or the
    PA was booked elsewhere), the employer side hears about the offer instead."""
    offer = CoverOffer.objects.select_related("slot").get(pk=offer_id)
    try:
        return booking_confirm(offer=offer, by=None)
    except BookingError:
        enqueue_after_commit("offer_received", offer_id=offer_id)
        return None


@transaction.atomic
def booking_cancel(*, booking: Booking, by: User, reason: str) -> Booking:
    """Either side cancels; the slot re-opens and the relief pool is asked again."""
    if booking.status != Booking.Status.CONFIRMED:
        raise CoverError("This booking has already been cancelled.")
    if not reason.strip():
        raise CoverError("Say why you are cancelling.", "reason")
    if booking.ends_at <= timezone.now():
        raise CoverError("This shift has already finished, so it cannot be cancelled.")
    return cancel_booking_unchecked(booking=booking, by=by, reason=reason, reopen=True)


def cancel_booking_unchecked(*, booking: Booking, by: User, reason: str, reopen: bool) -> Booking:
    """Cancel without the checks `booking_cancel` makes; withdrawing a request cancels its
    bookings this way, without re-opening their shifts."""
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_by = by
    booking.cancelled_at = timezone.now()
    booking.cancel_reason = reason.strip()
    booking.late_cancellation = booking_is_late_cancellation(booking)
    booking.save(
        update_fields=[
            "status",
            "cancelled_by",
            "cancelled_at",
            "cancel_reason",
            "late_cancellation",
        ]
    )
    audit.record(by, "cover.booking_cancelled", booking, late=booking.late_cancellation)
    slot = booking.slot
    request = slot.request
    if reopen and slot.starts_at > timezone.now():
        slot.status = CoverSlot.Status.OPEN
        slot.save(update_fields=["status"])
        # Offers made before stay withdrawn-by-events: the PA who cancelled cannot be
        # confirmed again by accident, others may offer again.
        CoverOffer.objects.filter(slot=slot, status=CoverOffer.Status.NOT_NEEDED).update(
            status=CoverOffer.Status.WITHDRAWN
        )
        if booking.offer_id:
            CoverOffer.objects.filter(pk=booking.offer_id).update(
                status=CoverOffer.Status.WITHDRAWN
            )
        request.status = CoverRequest.Status.OPEN
        request.save(update_fields=["status"])
        enqueue_after_commit("reopened", request_id=request.pk, cancelled_pa_id=booking.pa_id)
    enqueue_after_commit("booking_cancelled", booking_id=booking.pk)
    return booking
