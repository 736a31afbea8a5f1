"""Cover's tasks: thin wrappers the task queue runs. Each loads what it needs by id (things may
have moved on since it was queued) and either calls a service or sends the emails
`pahub.cover.emails` words.

Services queue these by name after commit (`services.after_commit`), so a slow mail server never
slows a page and a rolled-back change never tells anyone anything. The names are part of the
queue's stored rows (`pahub.cover.tasks.<name>`): renaming one strands rows already queued.
"""

from django.tasks import task

from pahub.cover import emails, services
from pahub.cover.models import Booking, CoverOffer, CoverRequest, ReliefPoolMember, Timesheet

# Waves and bookings: each calls one service.


@task()
def send_next_wave(request_id: int) -> dict:
    return services.wave_send(request_id=request_id)


@task()
def reopened(request_id: int, cancelled_pa_id: int) -> dict:
    """A cancelled slot goes back to the relief pool first, then widens as before."""
    return services.wave_restart(request_id=request_id, cancelled_pa_id=cancelled_pa_id)


@task()
def auto_confirm(offer_id: int) -> None:
    """Pool members are booked at once when the employer asked for that."""
    services.offer_auto_confirm(offer_id=offer_id)


# Emails


@task()
def pool_invitation(member_id: int) -> None:
    member = ReliefPoolMember.objects.select_related("employer", "pa").filter(pk=member_id).first()
    if member is None or member.status != ReliefPoolMember.Status.INVITED:
        return
    emails.send(emails.pool_invitation(member))


@task()
def offer_received(offer_id: int) -> None:
    offer = CoverOffer.objects.select_related("slot__request__employer", "pa").get(pk=offer_id)
    emails.send(emails.offer_received(offer))


@task()
def tell_booking_confirmed(booking_id: int) -> None:
    booking = Booking.objects.select_related("slot__request__employer", "pa").get(pk=booking_id)
    not_needed = CoverOffer.objects.filter(
        slot=booking.slot, status=CoverOffer.Status.NOT_NEEDED
    ).select_related("pa")
    emails.send(emails.booking_confirmed(booking, list(not_needed)))


@task()
def booking_cancelled(booking_id: int) -> None:
    booking = Booking.objects.select_related("slot__request__employer", "pa", "cancelled_by").get(
        pk=booking_id
    )
    emails.send(emails.booking_cancelled(booking))


@task()
def hours_submitted(timesheet_id: int) -> None:
    timesheet = Timesheet.objects.select_related("booking__employer", "booking__pa").get(
        pk=timesheet_id
    )
    emails.send(emails.hours_submitted(timesheet))


@task()
def hours_decided(timesheet_id: int) -> None:
    timesheet = Timesheet.objects.select_related("booking__pa").get(pk=timesheet_id)
    emails.send(emails.hours_decided(timesheet))


@task()
def nobody_yet(request_id: int, widening_to: str) -> None:
    request = CoverRequest.objects.select_related("employer").get(pk=request_id)
    emails.send(emails.nobody_yet(request, widening_to))
