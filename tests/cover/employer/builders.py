"""Small builders for the employer-side cover tests: PA profiles, bookings and hours."""

from decimal import Decimal

from django.utils import timezone

from pahub.accounts.models import User
from pahub.cover.models import Booking, CoverOffer, Timesheet
from pahub.cover.services import booking_confirm
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill


def pa_profile_for(user: User, **fields) -> PAProfile:
    values = {
        "display_name": user.full_name.split(" ")[0],
        "about_me": "Happy to cover.",
        "availability": mask_from_keys(["monday_early", "tuesday_early"]),
        "visibility": PAProfile.Visibility.ALL_EMPLOYERS,
        "travel_miles": 10,
        "work_wanted": PAProfile.WorkWanted.BOTH,
        "level": 2,
    }
    profile = PAProfile.objects.create(user=user, **(values | fields))
    profile.skills.set(Skill.objects.filter(code="personal_care.washing_bathing"))
    return profile


def book(offer: CoverOffer, *, by: User) -> Booking:
    return booking_confirm(offer=offer, by=by)


def worked(booking: Booking, *, break_minutes: int = 0, note: str = "", **fields) -> Timesheet:
    """Hours a PA recorded for a booking, as worked; status submitted unless told."""
    return Timesheet.objects.create(
        booking=booking,
        started_at=fields.pop("started_at", booking.starts_at),
        ended_at=fields.pop("ended_at", booking.ends_at),
        break_minutes=break_minutes,
        note=note,
        **fields,
    )


def approved(timesheet: Timesheet, *, by: User) -> Timesheet:
    timesheet.status = Timesheet.Status.APPROVED
    timesheet.decided_by = by
    timesheet.decided_at = timezone.now()
    timesheet.save(update_fields=["status", "decided_by", "decided_at"])
    return timesheet


PAY = Decimal("14.00")
