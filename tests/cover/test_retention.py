"""Cover's retention rules: the address and phone number go three months after the last
shift, the whole request six years after, and nothing still open, recent or in dispute."""

from datetime import timedelta

from django.utils import timezone

from pahub.core.retention import apply_rule, registry
from pahub.cover.models import Booking, CoverRequest, CoverSlot, Timesheet
from tests.cover.conftest import make_request


def finished(employer, *, days_ago: int, status: str = "covered") -> CoverRequest:
    request = make_request(
        employer,
        slots=[],
        status=status,
        address="1 Grey Street, Newcastle NE1 6AE",
        contact_phone="0191 000 1111",
        note="Key safe code 1234",
    )
    end = timezone.now() - timedelta(days=days_ago)
    CoverSlot.objects.create(request=request, starts_at=end - timedelta(hours=3), ends_at=end)
    return request


def booked(request: CoverRequest, pa, *, hours: str) -> Booking:
    slot = request.slots.get()
    booking = Booking.objects.create(
        slot=slot, pa=pa, employer=request.employer, starts_at=slot.starts_at, ends_at=slot.ends_at
    )
    Timesheet.objects.create(
        booking=booking, started_at=slot.starts_at, ended_at=slot.ends_at, status=hours
    )
    return booking


def run(name: str) -> int:
    return apply_rule(registry.get(name))


def test_contact_details_go_three_months_after_the_last_shift(employer, pa):
    old = finished(employer, days_ago=91)
    booked(old, pa, hours="approved")
    recent = finished(employer, days_ago=89)
    still_open = finished(employer, days_ago=200, status="open")

    assert run("cover.contact_details") == 1

    old.refresh_from_db()
    assert (old.address, old.contact_phone, old.note) == ("", "", "")
    assert old.slots.get().bookings.get().timesheet.status == "approved"
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.address == "1 Grey Street, Newcastle NE1 6AE"
    assert run("cover.contact_details") == 0


def test_contact_details_are_kept_while_hours_are_queried(employer, pa):
    request = finished(employer, days_ago=200)
    booked(request, pa, hours="queried")

    assert run("cover.contact_details") == 0


def test_requests_go_six_years_after_the_last_shift_with_bookings_and_hours(employer, pa):
    old = finished(employer, days_ago=6 * 365 + 1)
    booked(old, pa, hours="approved")
    recent = finished(employer, days_ago=6 * 365 - 1)
    disputed = finished(employer, days_ago=7 * 365)
    booked(disputed, pa, hours="queried")

    assert run("cover.requests") == 1

    assert set(CoverRequest.objects.values_list("pk", flat=True)) == {recent.pk, disputed.pk}
    assert Booking.objects.get().slot.request == disputed
