"""Hours worked and pay due: exact, in Decimal, measured between real instants."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from pahub.core.hours_and_pay import (
    hours_number,
    hours_to_hundredths,
    pay_for_hours,
    worked_hours,
)

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_three_and_a_quarter_hours_at_fourteen_pounds_is_forty_five_fifty():
    hours = worked_hours(START, START + timedelta(hours=3, minutes=45), break_minutes=30)

    assert hours == Decimal("3.25")
    assert pay_for_hours(hours, Decimal("14.00")) == Decimal("45.50")


def test_a_night_when_the_clocks_go_forward_is_eight_real_hours_not_nine():
    start = datetime(2026, 3, 28, 22, 0, tzinfo=LONDON)
    end = datetime(2026, 3, 29, 7, 0, tzinfo=LONDON)

    assert worked_hours(start, end) == Decimal(8)


def test_a_night_when_the_clocks_go_back_is_ten_real_hours():
    start = datetime(2026, 10, 24, 22, 0, tzinfo=LONDON)
    end = datetime(2026, 10, 25, 7, 0, tzinfo=LONDON)

    assert worked_hours(start, end) == Decimal(10)


def test_breaks_longer_than_the_shift_leave_nothing_rather_than_less():
    assert worked_hours(START, START + timedelta(minutes=20), break_minutes=30) == 0


def test_pay_rounds_half_a_penny_up():
    assert pay_for_hours(Decimal("0.5"), Decimal("0.05")) == Decimal("0.03")


def test_hours_are_shown_to_the_hundredth_and_without_trailing_zeros():
    assert hours_to_hundredths(Decimal(1) / Decimal(3)) == Decimal("0.33")
    assert hours_number(Decimal("15.0")) == "15"
    assert hours_number(Decimal("7.50")) == "7.5"


@given(
    minutes=st.integers(min_value=0, max_value=24 * 60),
    break_minutes=st.integers(min_value=0, max_value=24 * 60),
    pence=st.integers(min_value=0, max_value=100_00),
)
def test_pay_is_minutes_worked_times_the_rate_to_the_penny(minutes, break_minutes, pence):
    hours = worked_hours(START, START + timedelta(minutes=minutes), break_minutes=break_minutes)
    rate = Decimal(pence) / 100

    pay = pay_for_hours(hours, rate)

    assert hours == Decimal(max(minutes - break_minutes, 0)) / 60
    assert pay == pay.quantize(Decimal("0.01"))
    # Within half a penny of the exact amount, in whole pence.
    exact = Decimal(max(minutes - break_minutes, 0)) * rate / 60
    assert abs(pay - exact) <= Decimal("0.005")


@given(seconds=st.integers(min_value=0, max_value=48 * 3600))
def test_whole_seconds_count_and_nothing_is_float(seconds):
    hours = worked_hours(START, START + timedelta(seconds=seconds, microseconds=999))

    assert isinstance(hours, Decimal)
    assert hours == Decimal(seconds) / 3600
