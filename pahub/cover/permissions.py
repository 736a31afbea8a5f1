"""Who may see and act on cover. The only place such rules live; everyone else gets 404.

The employer side of a request is the employer, their representatives with an active grant,
and staff with the employer's recorded consent (`pahub.jobs.permissions`). A PA sees a request
once alerted to it (pool first, then nearby waves) or once they have offered or been booked.
The address and phone number are shown to one PA only: the one with a confirmed booking.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import User
from pahub.cover.models import (
    Booking,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    ReliefPoolMember,
    Timesheet,
)
from pahub.employers.permissions import (
    can_act_for_employer,
    refuse_staff_without_two_factor,
)


def access_request_for_employer_side(user: User, request_id: int) -> CoverRequest:
    request = get_object_or_404(
        CoverRequest.objects.select_related("employer", "district"), pk=request_id
    )
    if not can_act_for_employer(user, request.employer):
        refuse_staff_without_two_factor(user)
        raise Http404
    return request


def pa_may_see_request(user: User, request: CoverRequest) -> bool:
    if not user.is_authenticated:
        return False
    return (
        CoverAlert.objects.filter(request=request, pa=user).exists()
        or CoverOffer.objects.filter(slot__request=request, pa=user).exists()
        or Booking.objects.filter(slot__request=request, pa=user).exists()
    )


def access_request_for_pa(user: User, request_id: int) -> CoverRequest:
    request = get_object_or_404(
        CoverRequest.objects.select_related("employer", "district"), pk=request_id
    )
    if not pa_may_see_request(user, request):
        raise Http404
    return request


def requests_for_pa(user: User) -> QuerySet[CoverRequest]:
    """Requests a PA was alerted to, offered on or was booked for."""
    return CoverRequest.objects.filter(
        Q(alerts__pa=user) | Q(slots__offers__pa=user) | Q(slots__bookings__pa=user)
    ).distinct()


def access_booking(user: User, booking_id: int) -> Booking:
    """The booked PA or the employer side; nobody else learns the booking exists."""
    booking = get_object_or_404(
        Booking.objects.select_related("slot__request__district", "employer", "pa"),
        pk=booking_id,
    )
    if booking.pa_id == user.pk:
        return booking
    if can_act_for_employer(user, booking.employer):
        return booking
    raise Http404


def can_see_address(user: User, booking: Booking, *, employer_side: bool | None = None) -> bool:
    """Only the PA holding the confirmed booking, and the employer side. The one rule for the
    pages, the calendar feeds and the API; a caller that already knows whether the user acts
    for the employer (a list, checked once per employer) passes `employer_side`."""
    if booking.pa_id == user.pk:
        return booking.status == Booking.Status.CONFIRMED
    if employer_side is None:
        employer_side = can_act_for_employer(user, booking.employer)
    return employer_side


def access_offer_for_employer_side(user: User, offer_id: int) -> CoverOffer:
    offer = get_object_or_404(
        CoverOffer.objects.select_related("slot__request__employer", "pa"), pk=offer_id
    )
    if not can_act_for_employer(user, offer.slot.request.employer):
        raise Http404
    return offer


def access_own_offer(user: User, offer_id: int) -> CoverOffer:
    offer = get_object_or_404(CoverOffer.objects.select_related("slot__request"), pk=offer_id)
    if offer.pa_id != user.pk:
        raise Http404
    return offer


def access_pool_member_for_pa(user: User, member_id: int) -> ReliefPoolMember:
    member = get_object_or_404(ReliefPoolMember.objects.select_related("employer"), pk=member_id)
    if member.pa_id != user.pk:
        raise Http404
    return member


def access_pool_member_for_employer_side(user: User, member_id: int) -> ReliefPoolMember:
    member = get_object_or_404(
        ReliefPoolMember.objects.select_related("employer", "pa"), pk=member_id
    )
    if not can_act_for_employer(user, member.employer):
        raise Http404
    return member


def access_timesheet_for_employer_side(user: User, timesheet_id: int) -> Timesheet:
    timesheet = get_object_or_404(
        Timesheet.objects.select_related("booking__employer", "booking__pa", "booking__slot"),
        pk=timesheet_id,
    )
    if not can_act_for_employer(user, timesheet.booking.employer):
        raise Http404
    return timesheet
