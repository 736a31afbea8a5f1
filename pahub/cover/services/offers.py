"""A PA offering to take a shift, and taking the offer back."""

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.cover.booking import pa_commitment_overlapping, pa_has_booking_overlapping
from pahub.cover.errors import CoverError
from pahub.cover.models import CoverAlert, CoverOffer, CoverRequest, CoverSlot
from pahub.cover.services.after_commit import enqueue_after_commit
from pahub.cover.times import clock_span
from pahub.cover.waves import active_pool_pa_ids


def may_see_request(pa: User, request: CoverRequest) -> bool:
    """A PA sees a request once alerted to it (the pool first, then nearby matches)."""
    return CoverAlert.objects.filter(request=request, pa=pa).exists()


@transaction.atomic
def offer_make(*, slot: CoverSlot, pa: User, message: str = "") -> CoverOffer:
    """A PA offers to take a slot; pool members may be confirmed at once (auto-confirm)."""
    request = slot.request
    if not may_see_request(pa, request):
        raise CoverError("This request was not sent to you.")
    if request.status != CoverRequest.Status.OPEN or slot.status != CoverSlot.Status.OPEN:
        raise CoverError("Someone else just took this slot. It is no longer available.")
    if slot.starts_at <= timezone.now():
        raise CoverError("This shift has already started.")
    if pa_has_booking_overlapping(pa.pk, slot.starts_at, slot.ends_at):
        raise CoverError("You already have a booking at this time.")
    if clash := pa_commitment_overlapping(pa.pk, slot.starts_at, slot.ends_at):
        raise CoverError(
            f"You already work at this time: {clash.label}, "
            f"{clock_span(clash.starts_at, clash.ends_at)}."
        )
    offer, created = CoverOffer.objects.get_or_create(
        slot=slot, pa=pa, defaults={"message": message.strip()[:500]}
    )
    if not created:
        if offer.status == CoverOffer.Status.OFFERED:
            raise CoverError("You have already offered to take this shift.")
        offer.status = CoverOffer.Status.OFFERED
        offer.message = message.strip()[:500]
        offer.save(update_fields=["status", "message"])
    audit.record(pa, "cover.offer_made", offer, slot=slot.pk)
    from_pool = pa.pk in active_pool_pa_ids(request.employer)
    if request.auto_confirm_pool and from_pool:
        enqueue_after_commit("auto_confirm", offer_id=offer.pk)
    else:
        enqueue_after_commit("offer_received", offer_id=offer.pk)
    return offer


@transaction.atomic
def offer_withdraw(*, offer: CoverOffer, by: User) -> CoverOffer:
    if offer.status != CoverOffer.Status.OFFERED:
        raise CoverError("Only an offer that is still waiting can be withdrawn.")
    offer.status = CoverOffer.Status.WITHDRAWN
    offer.save(update_fields=["status"])
    audit.record(by, "cover.offer_withdrawn", offer)
    return offer
