"""Confirming an offer into a booking, safely when many people act at the same moment.

Two rules must hold whatever the timing: a slot is booked at most once, and a PA never holds
two overlapping confirmed bookings. On PostgreSQL the slot row is locked while its booking is
made, and the database refuses the rest (a partial unique index per slot, and an exclusion
constraint over each PA's booked time ranges, see migration 0002). Confirmations for the same PA
also take turns on a transaction-scoped advisory lock: without it, two transactions inserting
overlapping bookings for one PA each wait on the other's exclusion check, and PostgreSQL
aborts one as a deadlock instead of telling its employer the PA was just booked. On SQLite every transaction
takes the write lock when it begins (`transaction_mode` IMMEDIATE in settings), so
confirmations simply take turns and the checks below see everything committed before them.
Either way the loser is told plainly that someone else just took the slot.
"""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.core.commitments import Commitment, commitments_for
from pahub.cover.models import Booking, CoverOffer, CoverRequest, CoverSlot


class BookingError(Exception):
    """Why an offer could not become a booking, in words for the person who tried."""

    message = "This could not be booked."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message


class SlotTaken(BookingError):
    message = "Someone else just took this slot. It is no longer available."


class PADoubleBooked(BookingError):
    message = (
        "This PA has just been booked for another shift at the same time, so they cannot "
        "take this one."
    )


class PAWorkingThen(BookingError):
    message = "This PA works their regular job at this time, so they cannot take this shift."


class OfferNotAvailable(BookingError):
    message = "This offer has been withdrawn, so it cannot be confirmed."


def _locked_slot(slot_id: int) -> CoverSlot:
    slots = CoverSlot.objects.select_related("request")
    if connection.features.has_select_for_update:
        slots = slots.select_for_update(of=("self",))
    return slots.get(pk=slot_id)


# The first key of the two-key advisory lock: PA Hub's namespace for "bookings of this PA".
PA_BOOKINGS_LOCK = 7001


def _lock_pa_bookings(pa_id: int) -> None:
    """Make confirmations for one PA take turns until this transaction ends (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [PA_BOOKINGS_LOCK, pa_id])


def pa_has_booking_overlapping(pa_id: int, starts_at, ends_at, *, excluding_slot=None) -> bool:
    bookings = Booking.objects.filter(
        pa_id=pa_id,
        status=Booking.Status.CONFIRMED,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    )
    if excluding_slot is not None:
        bookings = bookings.exclude(slot_id=excluding_slot)
    return bookings.exists()


def pa_commitment_overlapping(pa_id: int, starts_at, ends_at) -> Commitment | None:
    """The first other commitment (a hired job's hours) overlapping the shift, if any."""
    clashes = commitments_for(pa_id, starts=starts_at, ends=ends_at)
    return clashes[0] if clashes else None


def _error_from_integrity(error: IntegrityError) -> BookingError:
    text = str(error)
    if "cover_booking_no_overlap_per_pa" in text:
        return PADoubleBooked()
    return SlotTaken()


def book_offer(*, offer: CoverOffer, by: User | None) -> Booking:
    """Turn an offer into the slot's booking, or raise a BookingError saying why not.

    The primitive only: it tells nobody. `services.booking_confirm` calls it and queues the
    emails after commit. `by` is whoever confirmed (the employer side), or None when the
    request auto-confirms its relief pool. Callers check that `by` may act for the employer.
    """
    try:
        with transaction.atomic():
            booking = _confirm_in_transaction(offer_id=offer.pk, by=by)
    except IntegrityError as error:
        raise _error_from_integrity(error) from error
    return booking


def _confirm_in_transaction(*, offer_id: int, by: User | None) -> Booking:
    offer = CoverOffer.objects.select_related("slot").get(pk=offer_id)
    slot = _locked_slot(offer.slot_id)
    # Always after the slot: every confirmation takes its locks in the same order.
    _lock_pa_bookings(offer.pa_id)
    offer.refresh_from_db(fields=["status"])
    if slot.status != CoverSlot.Status.OPEN:
        raise SlotTaken()
    if offer.status != CoverOffer.Status.OFFERED:
        raise OfferNotAvailable()
    if pa_has_booking_overlapping(offer.pa_id, slot.starts_at, slot.ends_at):
        raise PADoubleBooked()
    if pa_commitment_overlapping(offer.pa_id, slot.starts_at, slot.ends_at):
        raise PAWorkingThen()
    booking = Booking.objects.create(
        slot=slot,
        offer=offer,
        pa_id=offer.pa_id,
        employer_id=slot.request.employer_id,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        confirmed_by=by,
    )
    slot.status = CoverSlot.Status.BOOKED
    slot.save(update_fields=["status"])
    offer.status = CoverOffer.Status.CONFIRMED
    offer.save(update_fields=["status"])
    CoverOffer.objects.filter(slot=slot, status=CoverOffer.Status.OFFERED).update(
        status=CoverOffer.Status.NOT_NEEDED
    )
    request_mark_covered_if_complete(slot.request)
    audit.record(by, "cover.booking_confirmed", booking, slot=slot.pk, pa=offer.pa_id)
    return booking


def request_mark_covered_if_complete(request: CoverRequest) -> None:
    """A request is covered once none of its slots is still open."""
    still_open = request.slots.filter(status=CoverSlot.Status.OPEN).exists()
    if not still_open and request.status == CoverRequest.Status.OPEN:
        request.status = CoverRequest.Status.COVERED
        request.next_wave_at = None
        request.save(update_fields=["status", "next_wave_at"])


def booking_is_late_cancellation(booking: Booking, *, now=None) -> bool:
    """Cancelling less than 24 hours before the start is late; both sides see the flag."""
    now = now or timezone.now()
    return (booking.starts_at - now).total_seconds() < 24 * 3600
