"""Cover rules, below the pages: pools, requests, waves, offers, cancellations and hours."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from pahub.cover.models import Booking, CoverAlert, CoverOffer, CoverRequest, CoverSlot, Timesheet
from pahub.cover.services import (
    CoverError,
    HoursInput,
    RequestInput,
    SlotInput,
    booking_cancel,
    booking_confirm,
    cover_request_create,
    offer_make,
    pool_invite,
    pool_respond,
    timesheet_decide,
    timesheet_submit,
    wave_send,
)
from pahub.cover.waves import grid_for_shift
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill
from tests.cover.conftest import make_request, offer, starting_soon
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def request_input(day: date, **changes) -> RequestInput:
    values = {
        "slots": [SlotInput(day, time(8), time(11))],
        "address": "12 Grey Street, Newcastle NE1 6AE",
        "hourly_pay": Decimal("14.00"),
        "pool_wait_minutes": 30,
        "task_codes": ["personal_care.washing_bathing"],
    }
    return RequestInput(**(values | changes))


def cover_profile(user, *, free: list[str], travel: int = 10, **fields) -> PAProfile:
    profile = PAProfile.objects.create(
        user=user,
        display_name=user.full_name.split(" ")[0],
        about_me="Happy to cover.",
        availability=mask_from_keys(free),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        travel_miles=travel,
        work_wanted=PAProfile.WorkWanted.BOTH,
        **fields,
    )
    profile.skills.set(Skill.objects.filter(code="personal_care.washing_bathing"))
    return profile


def next_weekday(weekday: int) -> date:
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


# Relief pool


def test_a_pa_joins_the_pool_only_by_accepting(employer, pa):
    member = pool_invite(employer=employer, pa=pa, by=employer)
    assert member.status == "invited"

    pool_respond(member=member, accept=True, by=pa)

    member.refresh_from_db()
    assert member.status == "active"


def test_inviting_someone_who_is_not_a_pa_is_refused(employer, representative):
    with pytest.raises(CoverError, match="registered as PAs"):
        pool_invite(employer=employer, pa=representative, by=employer)


# Requests


def test_a_request_needs_an_employer_profile_first(employer):
    with pytest.raises(CoverError, match="employer profile"):
        cover_request_create(employer=employer, by=employer, data=request_input(next_weekday(0)))


def test_pay_below_the_minimum_wage_is_refused_with_the_figure(employer_profile):
    data = request_input(next_weekday(0), hourly_pay=Decimal("9.00"))
    with pytest.raises(CoverError, match=r"12\.71") as error:
        cover_request_create(employer=employer_profile.user, by=employer_profile.user, data=data)
    assert error.value.field == "hourly_pay"


def test_a_shift_in_the_past_is_refused(employer_profile):
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(CoverError, match="already started"):
        cover_request_create(
            employer=employer_profile.user, by=employer_profile.user, data=request_input(yesterday)
        )


def test_overlapping_shifts_in_one_request_are_refused(employer_profile):
    day = next_weekday(2)
    data = request_input(
        day, slots=[SlotInput(day, time(8), time(11)), SlotInput(day, time(10), time(12))]
    )
    with pytest.raises(CoverError, match="overlap"):
        cover_request_create(employer=employer_profile.user, by=employer_profile.user, data=data)


def test_a_gender_requirement_needs_the_personal_care_reason(employer_profile):
    data = request_input(next_weekday(2), required_gender="woman")
    with pytest.raises(CoverError) as error:
        cover_request_create(employer=employer_profile.user, by=employer_profile.user, data=data)
    assert error.value.field == "gender_reason"


def test_nothing_is_saved_when_a_request_is_refused(employer_profile):
    data = request_input(next_weekday(2), hourly_pay=Decimal("1.00"))
    with pytest.raises(CoverError):
        cover_request_create(employer=employer_profile.user, by=employer_profile.user, data=data)
    assert not CoverRequest.objects.exists()
    assert not CoverSlot.objects.exists()


def test_an_overnight_shift_ends_the_next_morning(employer_profile):
    day = next_weekday(4)
    data = request_input(day, slots=[SlotInput(day, time(22), time(7))])
    request = cover_request_create(
        employer=employer_profile.user, by=employer_profile.user, data=data
    )
    slot = request.slots.get()
    assert timezone.localtime(slot.ends_at).date() == day + timedelta(days=1)


# Waves


def test_the_first_wave_goes_to_the_relief_pool_only(employer_profile, pa, other_pa):
    employer = employer_profile.user
    day = next_weekday(0)
    cover_profile(pa, free=["monday_early", "monday_morning"])
    cover_profile(UserFactory(roles=["pa"], postcode="NE2 1AA"), free=["monday_early"])
    pool_respond(member=pool_invite(employer=employer, pa=pa, by=employer), accept=True, by=pa)
    request = cover_request_create(employer=employer, by=employer, data=request_input(day))

    sent = wave_send(request_id=request.pk)

    assert sent["pool_alerted"] == 1 and sent["nearby_alerted"] == 0
    assert list(CoverAlert.objects.values_list("pa_id", "from_pool")) == [(pa.pk, True)]


def test_when_the_pool_wait_passes_it_widens_to_available_pas_nearby(employer_profile, pa):
    employer = employer_profile.user
    day = next_weekday(0)
    nearby = UserFactory(roles=["pa"], postcode="NE2 1AA", email="near@example.org")
    busy = UserFactory(roles=["pa"], postcode="NE2 1AA", email="busy@example.org")
    never_free = UserFactory(roles=["pa"], postcode="NE2 1AA", email="never@example.org")
    cover_profile(pa, free=["monday_early"])
    cover_profile(nearby, free=["monday_early"])
    cover_profile(busy, free=["monday_early"])
    cover_profile(never_free, free=["sunday_evening"])
    pool_respond(member=pool_invite(employer=employer, pa=pa, by=employer), accept=True, by=pa)
    other = make_request(UserFactory(roles=["employer"]), slots=[(day, time(7), time(10))])
    booking_confirm(offer=offer(other.slots.get(), busy), by=None)
    request = cover_request_create(employer=employer, by=employer, data=request_input(day))
    wave_send(request_id=request.pk)

    too_soon = wave_send(request_id=request.pk)
    later = wave_send(request_id=request.pk, now=timezone.now() + timedelta(minutes=31))

    assert too_soon["status"] == "not due yet"
    assert later["nearby_alerted"] == 1
    assert set(CoverAlert.objects.filter(from_pool=False).values_list("pa_id", flat=True)) == {
        nearby.pk
    }


def test_everyone_now_alerts_the_pool_and_nearby_pas_at_once(employer_profile, pa):
    employer = employer_profile.user
    nearby = UserFactory(roles=["pa"], postcode="NE2 1AA")
    cover_profile(pa, free=["monday_early"])
    cover_profile(nearby, free=["monday_early"])
    pool_respond(member=pool_invite(employer=employer, pa=pa, by=employer), accept=True, by=pa)
    request = cover_request_create(
        employer=employer, by=employer, data=request_input(next_weekday(0), pool_wait_minutes=0)
    )

    sent = wave_send(request_id=request.pk)

    assert (sent["pool_alerted"], sent["nearby_alerted"]) == (1, 1)


def test_a_request_whose_shifts_have_started_unbooked_expires(employer_profile):
    employer = employer_profile.user
    request = cover_request_create(
        employer=employer, by=employer, data=request_input(next_weekday(0))
    )
    wave_send(request_id=request.pk, now=timezone.now() + timedelta(days=9))
    request.refresh_from_db()
    assert request.status == "expired"


def test_a_morning_shift_touches_the_early_and_morning_parts_of_its_day():
    monday = datetime(2026, 11, 30, 8, tzinfo=UTC)
    assert grid_for_shift(monday, monday + timedelta(hours=3)) == mask_from_keys(
        ["monday_early", "monday_morning"]
    )


def test_the_small_hours_belong_to_the_night_before():
    saturday_night = datetime(2026, 11, 28, 22, tzinfo=UTC)
    mask = grid_for_shift(saturday_night, saturday_night + timedelta(hours=9))
    assert mask == mask_from_keys(["saturday_night", "saturday_sleep_in", "sunday_early"])


# Offers, bookings and cancellations


def alerted_request(employer_profile, pa, day):
    employer = employer_profile.user
    cover_profile(pa, free=["monday_early"])
    pool_respond(member=pool_invite(employer=employer, pa=pa, by=employer), accept=True, by=pa)
    request = cover_request_create(employer=employer, by=employer, data=request_input(day))
    wave_send(request_id=request.pk)
    return request


def test_only_alerted_pas_may_offer(employer_profile, pa, outsider):
    request = alerted_request(employer_profile, pa, next_weekday(0))
    with pytest.raises(CoverError, match="not sent to you"):
        offer_make(slot=request.slots.get(), pa=outsider)
    assert offer_make(slot=request.slots.get(), pa=pa).status == "offered"


def test_cancelling_a_booking_reopens_the_slot_and_flags_late_cancellations(employer_profile, pa):
    request = alerted_request(employer_profile, pa, timezone.localdate() + timedelta(days=1))
    booking = booking_confirm(offer=offer_make(slot=request.slots.get(), pa=pa), by=None)
    starting_soon(booking)

    booking_cancel(booking=booking, by=pa, reason="Ill")

    booking.refresh_from_db()
    request.refresh_from_db()
    assert booking.status == "cancelled" and booking.late_cancellation
    assert request.status == "open"
    assert request.slots.get().status == "open"


def test_a_cancellation_needs_a_reason(employer_profile, pa):
    request = alerted_request(employer_profile, pa, next_weekday(0))
    booking = booking_confirm(offer=offer_make(slot=request.slots.get(), pa=pa), by=None)
    with pytest.raises(CoverError, match="why"):
        booking_cancel(booking=booking, by=pa, reason="  ")


def test_confirming_marks_other_offers_not_needed(employer_profile, pa, other_pa):
    request = alerted_request(employer_profile, pa, next_weekday(0))
    slot = request.slots.get()
    CoverAlert.objects.create(request=request, pa=other_pa, wave=1)
    second = offer_make(slot=slot, pa=other_pa)
    booking_confirm(offer=offer_make(slot=slot, pa=pa), by=employer_profile.user)
    second.refresh_from_db()
    assert second.status == CoverOffer.Status.NOT_NEEDED
    request.refresh_from_db()
    assert request.status == "covered"


# Timesheets


def worked_booking(employer, pa) -> Booking:
    """A booking that started yesterday morning."""
    yesterday = timezone.localdate() - timedelta(days=1)
    request = make_request(employer, slots=[])
    starts = datetime.combine(yesterday, time(8), tzinfo=timezone.get_current_timezone())
    slot = request.slots.create(starts_at=starts, ends_at=starts + timedelta(hours=3))
    return Booking.objects.create(
        slot=slot, pa=pa, employer=employer, starts_at=slot.starts_at, ends_at=slot.ends_at
    )


def test_a_pa_records_hours_and_the_employer_approves(employer, pa):
    booking = worked_booking(employer, pa)
    day = timezone.localdate() - timedelta(days=1)
    timesheet = timesheet_submit(
        booking=booking, by=pa, hours=HoursInput(day, time(8), time(11, 30), break_minutes=15)
    )
    assert timesheet.status == "submitted"

    timesheet_decide(timesheet=timesheet, by=employer, approve=True)

    assert Timesheet.objects.get().status == "approved"


def test_querying_hours_needs_a_note(employer, pa):
    booking = worked_booking(employer, pa)
    day = timezone.localdate() - timedelta(days=1)
    timesheet = timesheet_submit(booking=booking, by=pa, hours=HoursInput(day, time(8), time(11)))
    with pytest.raises(CoverError, match="querying"):
        timesheet_decide(timesheet=timesheet, by=employer, approve=False)


def test_a_break_as_long_as_the_shift_is_refused(employer, pa):
    booking = worked_booking(employer, pa)
    day = timezone.localdate() - timedelta(days=1)
    with pytest.raises(CoverError, match="Breaks"):
        timesheet_submit(
            booking=booking, by=pa, hours=HoursInput(day, time(8), time(9), break_minutes=60)
        )
