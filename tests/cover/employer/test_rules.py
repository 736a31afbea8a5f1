"""The plain rules behind the employer-side pages: whom someone acts for, progress in words,
typed times, pay periods and spreadsheet-safe cells."""

from datetime import date, time, timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from pahub.accounts.models import OrganisationConsent
from pahub.cover.employer_forms import ClockError, parse_clock, without_shift
from pahub.cover.employer_queries import AlertWave, employers_for
from pahub.cover.exports import FORMULA_STARTS, safe_cell
from pahub.cover.hours_forms import Period, period_end
from pahub.cover.presenters import asked_words, wave_timeline
from pahub.employers.permissions import can_act_for_employer

CAST = [
    "employer",
    "representative",
    "helping_staff",
    "staff_without_consent",
    "staff_elsewhere",
    "unlinked_representative",
    "pa",
    "outsider",
]


@pytest.mark.django_db
@pytest.mark.parametrize("person", CAST)
def test_the_list_of_employers_agrees_with_the_permission_rule(request, employer, person):
    someone = request.getfixturevalue(person)

    listed = employer in employers_for(someone)

    assert listed == can_act_for_employer(someone, employer)


@pytest.mark.django_db
def test_a_withdrawn_consent_takes_the_employer_off_the_list(employer, helping_staff):
    OrganisationConsent.objects.update(withdrawn_at=timezone.now())

    assert list(employers_for(helping_staff)) == []


def test_nobody_signed_out_acts_for_anyone():
    from django.contrib.auth.models import AnonymousUser

    assert list(employers_for(AnonymousUser())) == []


# Progress in words

NOW = timezone.now()


@pytest.mark.parametrize(
    ("waves", "words"),
    [
        ([], "nobody yet"),
        ([AlertWave(0, True, 3, NOW)], "relief pool (3)"),
        ([AlertWave(0, False, 40, NOW)], "40 PAs nearby, wave 1"),
        (
            [AlertWave(0, True, 3, NOW), AlertWave(1, False, 1, NOW), AlertWave(2, False, 11, NOW)],
            "relief pool (3); 12 PAs nearby, wave 2",
        ),
    ],
)
def test_who_was_asked_is_said_in_words(waves, words):
    assert asked_words(waves) == words


@pytest.mark.django_db
def test_the_timeline_ends_with_the_next_widening(employer, employer_profile, tomorrow):
    from tests.cover.conftest import make_request

    cover_request = make_request(employer, slots=[(tomorrow, time(8), time(11))], address="x")
    cover_request.waves_sent = 1
    cover_request.next_wave_at = NOW + timedelta(minutes=30)
    waves = [AlertWave(0, True, 2, NOW)]

    entries = wave_timeline(cover_request, waves, now=NOW)

    assert [entry.words for entry in entries] == [
        "Request made",
        "Relief pool asked: 2 PAs",
        "Widening to more PAs nearby, unless every shift is covered by then",
    ]
    assert entries[-1].still_to_come


# Typed times


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("08:00", time(8)),
        ("8:00", time(8)),
        ("0800", time(8)),
        ("8", time(8)),
        ("8am", time(8)),
        ("8 AM", time(8)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("8.30pm", time(20, 30)),
        ("22:15", time(22, 15)),
        ("noon", time(12)),
        ("midnight", time(0)),
        ("00:00", time(0)),
    ],
)
def test_times_are_read_as_people_type_them(typed, meant):
    assert parse_clock(typed) == meant


@pytest.mark.parametrize("typed", ["", "24:00", "7:60", "13pm", "0am", "soon", "8:5", "1:2:3"])
def test_things_that_are_not_times_are_refused(typed):
    with pytest.raises(ClockError):
        parse_clock(typed)


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_24_hour_clock_time_reads_back_as_itself(hour, minute):
    assert parse_clock(f"{hour:02}:{minute:02}") == time(hour, minute)


# Pay periods


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_fixed_pay_periods_have_their_length(start):
    assert (period_end(Period.WEEK, start) - start).days == 6
    assert (period_end(Period.FORTNIGHT, start) - start).days == 13
    assert (period_end(Period.FOUR_WEEKS, start) - start).days == 27


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_a_month_ends_the_day_before_the_same_date_next_month(start):
    end = period_end(Period.MONTH, start)

    assert 27 <= (end - start).days <= 30
    following = end + timedelta(days=1)
    assert following.month == start.month % 12 + 1
    assert following.day == start.day or following.day < start.day


# Spreadsheet cells


@given(st.text())
def test_no_cell_starts_with_something_a_spreadsheet_would_run(text):
    cell = safe_cell(text)

    assert not cell.startswith(FORMULA_STARTS)
    assert cell in (text, "'" + text)


def test_ordinary_cells_are_left_as_they_are():
    assert safe_cell("Jordan Reed") == "Jordan Reed"
    assert safe_cell(None) == ""
    assert safe_cell(15) == "15"


# Removing a shift row


def test_removing_a_shift_renumbers_the_rows_after_it():
    data = QueryDict(mutable=True)
    data.update({"shifts": "3", "address": "x"})
    for row in (1, 2, 3):
        data[f"shift_{row}_start"] = f"0{row}:00"
        data[f"shift_{row}_date_day"] = str(row)

    kept = without_shift(data, 1)

    assert kept["shifts"] == "2"
    assert kept["address"] == "x"
    assert (kept["shift_1_start"], kept["shift_2_start"]) == ("02:00", "03:00")
    assert kept["shift_2_date_day"] == "3"
    assert "shift_3_start" not in kept
