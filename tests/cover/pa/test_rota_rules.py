"""The rota's rules as plain functions: real hours per week (clock changes included, a shift
across the end of a week split between the two), rests under 11 hours, and the words."""

import itertools
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pahub.cover.rota import (
    MINIMUM_REST,
    rest_gaps,
    rest_warning,
    rota_warnings,
    week_bounds,
    week_hours,
    week_start_for,
    week_warning,
    weeks_touched,
)
from pahub.cover.times import LONDON, Span, span_from_local, when_words

# 2026: the clocks go forward on Sunday 29 March and back on Sunday 25 October.
SPRING_MONDAY = date(2026, 3, 23)
AUTUMN_MONDAY = date(2026, 10, 19)
DECEMBER_MONDAY = date(2026, 12, 7)


def shift(day: date, start: int, end: int) -> Span:
    return span_from_local(day, time(start), time(end))


# Hours in a week


def test_a_week_of_ordinary_shifts_adds_up_their_hours():
    shifts = [shift(DECEMBER_MONDAY + timedelta(days=n), 8, 16) for n in range(5)]

    assert week_hours(shifts, DECEMBER_MONDAY) == 40


def test_a_night_shift_across_the_autumn_clock_change_counts_ten_real_hours():
    night = shift(date(2026, 10, 24), 22, 7)

    assert week_hours([night], AUTUMN_MONDAY) == 10


def test_a_night_shift_across_the_spring_clock_change_counts_eight_real_hours():
    night = shift(date(2026, 3, 28), 22, 7)

    assert week_hours([night], SPRING_MONDAY) == 8


def test_a_shift_from_sunday_night_into_monday_counts_the_part_in_each_week():
    night = shift(DECEMBER_MONDAY - timedelta(days=1), 22, 6)

    assert week_hours([night], DECEMBER_MONDAY - timedelta(days=7)) == 2
    assert week_hours([night], DECEMBER_MONDAY) == 6


def test_a_week_with_the_clocks_going_back_is_169_real_hours_long():
    start, end = week_bounds(AUTUMN_MONDAY)

    assert end - start == timedelta(hours=169)


def test_week_start_is_the_monday():
    assert week_start_for(date(2026, 12, 13)) == DECEMBER_MONDAY
    assert week_start_for(DECEMBER_MONDAY) == DECEMBER_MONDAY


def test_a_shift_ending_at_midnight_on_sunday_touches_only_its_own_week():
    late = shift(DECEMBER_MONDAY + timedelta(days=6), 20, 0)

    assert weeks_touched([late]) == [DECEMBER_MONDAY]


# Rest between shifts


def test_nine_hours_between_an_evening_and_an_early_shift_is_a_short_rest():
    tuesday = DECEMBER_MONDAY + timedelta(days=1)
    evening = shift(tuesday, 17, 22)
    early = shift(tuesday + timedelta(days=1), 7, 10)

    gaps = rest_gaps([early, evening])

    assert len(gaps) == 1
    assert (gaps[0].before, gaps[0].after) == (evening, early)
    assert gaps[0].hours == 9
    assert rest_warning(gaps[0]) == (
        "Only 9 hours' rest between Tuesday's evening shift and Wednesday's early shift "
        "(11 hours is the legal minimum daily rest)"
    )


def test_eleven_hours_or_more_is_enough_rest():
    tuesday = DECEMBER_MONDAY + timedelta(days=1)

    assert rest_gaps([shift(tuesday, 12, 20), shift(tuesday + timedelta(days=1), 7, 10)]) == []


def test_back_to_back_shifts_have_no_rest_at_all():
    tuesday = DECEMBER_MONDAY + timedelta(days=1)
    gaps = rest_gaps([shift(tuesday, 9, 12), shift(tuesday, 12, 15)])

    assert gaps[0].words == (
        "No rest between Tuesday's morning shift and Tuesday's afternoon shift "
        "(11 hours is the legal minimum daily rest)"
    )


def test_two_shifts_with_the_same_name_are_told_apart_by_their_times():
    tuesday = DECEMBER_MONDAY + timedelta(days=1)
    gaps = rest_gaps([shift(tuesday, 6, 7), span_from_local(tuesday, time(8, 30), time(9))])

    assert gaps[0].words == (
        "Only 1 hour 30 minutes' rest between Tuesday's early shift (06:00 to 07:00) and "
        "Tuesday's early shift (08:30 to 09:00) (11 hours is the legal minimum daily rest)"
    )


def test_rest_across_the_autumn_clock_change_is_measured_in_real_hours():
    # 23:00 Saturday to 09:00 Sunday on the clock is 11 real hours when the clocks go back.
    saturday = date(2026, 10, 24)
    evening = shift(saturday, 18, 23)
    morning = shift(saturday + timedelta(days=1), 9, 12)

    assert rest_gaps([evening, morning]) == []


# Warnings in words


def test_a_week_over_48_hours_is_named_with_its_hours():
    assert week_warning(DECEMBER_MONDAY, 52) == (
        "Week of 7 December: 52 hours — more than the 48-hour average limit "
        "(Working Time Regulations)"
    )
    assert week_warning(DECEMBER_MONDAY, 48) is None


def test_rota_warnings_find_long_weeks_and_short_rests_together():
    days = [DECEMBER_MONDAY + timedelta(days=n) for n in range(6)]
    shifts = [shift(day, 7, 16) for day in days] + [shift(days[0], 20, 23)]

    warnings = rota_warnings(shifts, weeks=[DECEMBER_MONDAY])

    assert warnings.long_weeks == [
        "Week of 7 December: 57 hours — more than the 48-hour average limit "
        "(Working Time Regulations)"
    ]
    assert [gap.hours for gap in warnings.short_rests] == [4, 8]
    assert bool(warnings)


def test_when_words_name_the_days_and_say_overnight_and_clock_changes():
    assert when_words(*astuple(shift(DECEMBER_MONDAY, 8, 11))) == (
        "Monday 7 December, 08:00 to 11:00 (3 hours)"
    )
    assert when_words(*astuple(shift(date(2026, 10, 24), 22, 7))) == (
        "Saturday 24 October, 22:00 to 07:00 on Sunday "
        "(overnight, 10 hours: the clocks go back during this shift)"
    )
    assert when_words(*astuple(shift(date(2026, 3, 28), 22, 7))) == (
        "Saturday 28 March, 22:00 to 07:00 on Sunday "
        "(overnight, 8 hours: the clocks go forward during this shift)"
    )
    assert when_words(*astuple(shift(DECEMBER_MONDAY, 20, 0))) == (
        "Monday 7 December, 20:00 to midnight (4 hours)"
    )


def astuple(span: Span) -> tuple[datetime, datetime]:
    return span.starts_at, span.ends_at


# Properties

instants = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=UTC)
)
lengths = st.integers(min_value=15, max_value=24 * 60).map(
    lambda minutes: timedelta(minutes=minutes)
)


@st.composite
def rotas(draw) -> list[Span]:
    """Non-overlapping shifts, as the database guarantees: each starts after the last ends."""
    moment = draw(instants)
    shifts = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        moment += draw(
            st.integers(min_value=0, max_value=36 * 60).map(lambda m: timedelta(minutes=m))
        )
        length = draw(lengths)
        shifts.append(Span(moment, moment + length))
        moment += length
    return shifts


@given(rotas())
def test_hours_summed_over_every_week_touched_are_the_real_hours_worked(shifts):
    total = sum(week_hours(shifts, monday) for monday in weeks_touched(shifts))

    real = sum(span.hours for span in shifts)
    assert abs(total - real) < 1e-9


@given(rotas(), st.dates(min_value=date(2025, 12, 1), max_value=date(2028, 1, 31)))
def test_a_week_never_holds_more_hours_than_it_lasts(shifts, day):
    monday = week_start_for(day)
    start, end = week_bounds(monday)

    hours = week_hours(shifts, monday)

    assert 0 <= hours <= (end - start).total_seconds() / 3600


@given(instants, lengths)
def test_one_shift_is_counted_in_full_in_the_weeks_it_touches(start, length):
    span = Span(start, start + length)
    weeks = weeks_touched([span])

    assert 1 <= len(weeks) <= 2
    assert abs(sum(week_hours([span], monday) for monday in weeks) - span.hours) < 1e-9
    local_start = span.starts_at.astimezone(LONDON).date()
    assert weeks[0] == week_start_for(local_start)


@given(rotas())
def test_every_short_rest_is_found_and_nothing_else(shifts):
    gaps = rest_gaps(shifts)

    expected = [
        (before, after)
        for before, after in itertools.pairwise(shifts)
        if after.starts_at - before.ends_at < MINIMUM_REST
    ]
    assert [(gap.before, gap.after) for gap in gaps] == expected
    for gap in gaps:
        assert timedelta(0) <= gap.rest < MINIMUM_REST
        assert gap.words.endswith("(11 hours is the legal minimum daily rest)")


@given(rotas())
def test_the_order_shifts_are_given_in_does_not_change_the_answers(shifts):
    backwards = list(reversed(shifts))

    assert [(g.before, g.after) for g in rest_gaps(backwards)] == [
        (g.before, g.after) for g in rest_gaps(shifts)
    ]
    for monday in weeks_touched(shifts):
        assert week_hours(backwards, monday) == week_hours(shifts, monday)
