"""Shifts typed as local clock times keep their real length across midnight and clock changes;
and a PA's confirmed bookings never overlap, whatever order offers are confirmed in."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.cover.booking import PADoubleBooked
from pahub.cover.models import Booking, CoverRequest
from pahub.cover.services import booking_confirm
from pahub.cover.times import LocalTimeError, Span, local_instant, span_from_local
from tests.cover.conftest import make_request, offer

LONDON = ZoneInfo("Europe/London")
days = st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31))
# As a form gives them: whole minutes, and never `fold=1` (the second 01:30 of the night the
# clocks go back), which no form field sets; `span_from_local` decides which of the two it is.
clock_times = st.times().map(lambda t: t.replace(second=0, microsecond=0, fold=0))


def exists_in_london(day: date, clock: time) -> bool:
    wall = datetime.combine(day, clock, tzinfo=LONDON)
    return wall.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) == wall.replace(tzinfo=None)


@given(day=days, start=clock_times, end=clock_times)
def test_a_shift_lasts_its_wall_clock_length_corrected_by_any_clock_change(day, start, end):
    end_day = day if end > start else day + timedelta(days=1)
    if not (exists_in_london(day, start) and exists_in_london(end_day, end)):
        with pytest.raises(LocalTimeError):
            span_from_local(day, start, end)
        return
    span = span_from_local(day, start, end)

    wall_length = datetime.combine(end_day, end) - datetime.combine(day, start)
    start_offset = datetime.combine(day, start, tzinfo=LONDON).utcoffset()
    end_offset = datetime.combine(end_day, end, tzinfo=LONDON).utcoffset()
    assert span.length == wall_length - (end_offset - start_offset)
    assert timedelta(0) < span.length <= timedelta(hours=25)


def test_the_night_the_clocks_go_forward_a_ten_to_seven_shift_is_eight_hours():
    span = span_from_local(date(2027, 3, 27), time(22), time(7))
    assert span.hours == 8


def test_the_night_the_clocks_go_back_a_ten_to_seven_shift_is_ten_hours():
    span = span_from_local(date(2026, 10, 24), time(22), time(7))
    assert span.hours == 10


def test_half_past_one_when_the_clocks_go_forward_does_not_exist():
    with pytest.raises(LocalTimeError, match="clocks go forward"):
        local_instant(date(2027, 3, 28), time(1, 30))


def test_a_repeated_hour_when_the_clocks_go_back_means_the_first_one():
    instant = local_instant(date(2026, 10, 25), time(1, 30))
    assert instant == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_shift_ending_as_the_next_begins_does_not_overlap_it():
    first = span_from_local(date(2026, 12, 1), time(8), time(11))
    second = span_from_local(date(2026, 12, 1), time(11), time(14))
    assert not first.overlaps(second)
    assert first.overlaps(span_from_local(date(2026, 12, 1), time(10, 59), time(12)))


shifts = st.lists(
    st.tuples(st.integers(min_value=0, max_value=47), st.integers(min_value=1, max_value=12)),
    min_size=1,
    max_size=8,
)


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shifts=shifts)
def test_a_pa_never_holds_two_overlapping_bookings(employer, pa, shifts):
    base = datetime(2026, 12, 7, 6, tzinfo=UTC)
    try:
        for start_hour, length in shifts:
            request = make_request(employer, slots=[])
            starts_at = base + timedelta(hours=start_hour)
            slot = request.slots.create(
                starts_at=starts_at, ends_at=starts_at + timedelta(hours=length)
            )
            wanted = Span(slot.starts_at, slot.ends_at)
            held = [Span(b.starts_at, b.ends_at) for b in Booking.objects.filter(pa=pa)]
            try:
                booking_confirm(offer=offer(slot, pa), by=employer)
                assert not any(wanted.overlaps(span) for span in held)
            except PADoubleBooked:
                assert any(wanted.overlaps(span) for span in held)
        bookings = list(Booking.objects.filter(pa=pa, status="confirmed"))
        spans = [Span(b.starts_at, b.ends_at) for b in bookings]
        assert not any(a.overlaps(b) for i, a in enumerate(spans) for b in spans[i + 1 :])
    finally:
        CoverRequest.objects.all().delete()
