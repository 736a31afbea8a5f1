"""Hours PAs recorded: approving or querying them, and the CSV of approved hours per pay
period for payroll, with local times, real hours and cells no spreadsheet will run."""

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.cover.models import CoverOffer, Timesheet
from pahub.cover.times import LONDON
from tests.cover.conftest import make_pas, make_request
from tests.cover.employer.builders import approved, book, pa_profile_for, worked
from tests.factories import UserFactory, make_employer_profile

pytestmark = pytest.mark.django_db


def booking_on(employer, pa, day: date, start: time, end: time):
    cover_request = make_request(employer, slots=[(day, start, end)], address="x")
    return book(CoverOffer.objects.create(slot=cover_request.slots.get(), pa=pa), by=employer)


@pytest.fixture
def last_monday() -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday() + 7)


@pytest.fixture
def jordans_hours(employer, employer_profile, pa, pa_profile, last_monday) -> Timesheet:
    """Jordan covered last Monday 08:00 to 11:00, with a 15-minute break."""
    booking = booking_on(employer, pa, last_monday, time(8), time(11))
    return worked(booking, break_minutes=15, note="Made lunch as well.")


# Approving and querying


def test_hours_waiting_are_listed_with_an_approve_button(client_for, employer, jordans_hours):
    body = client_for(employer).get(reverse("cover:timesheets")).content.decode()

    assert "Jordan" in body
    assert "Made lunch as well." in body
    assert "2.75" in body
    assert reverse("cover:timesheet_approve", args=[jordans_hours.pk]) in body


def test_approving_hours_records_who_approved_them(client_for, representative, jordans_hours):
    response = client_for(representative).post(
        reverse("cover:timesheet_approve", args=[jordans_hours.pk]), follow=True
    )

    jordans_hours.refresh_from_db()
    assert jordans_hours.status == Timesheet.Status.APPROVED
    assert jordans_hours.decided_by == representative
    assert "Jordan’s hours are approved" in response.content.decode()


def test_approving_twice_says_they_are_approved_already(client_for, employer, jordans_hours):
    approved(jordans_hours, by=employer)

    response = client_for(employer).post(
        reverse("cover:timesheet_approve", args=[jordans_hours.pk]), follow=True
    )

    assert "These hours were approved already" in response.content.decode()


def test_querying_hours_needs_a_note(client_for, employer, jordans_hours):
    response = client_for(employer).post(
        reverse("cover:timesheet", args=[jordans_hours.pk]), {"decision": "query", "note": ""}
    )

    body = response.content.decode()
    assert "There is a problem" in body
    assert 'id="id_note-error"' in body
    assert "Say what you are querying" in body
    assert 'value="query" checked' in body
    jordans_hours.refresh_from_db()
    assert jordans_hours.status == Timesheet.Status.SUBMITTED


def test_choosing_nothing_is_explained(client_for, employer, jordans_hours):
    response = client_for(employer).post(reverse("cover:timesheet", args=[jordans_hours.pk]), {})

    assert "Choose whether to approve or query these hours" in response.content.decode()


def test_querying_hours_tells_the_pa(
    client_for, employer, jordans_hours, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(employer).post(
            reverse("cover:timesheet", args=[jordans_hours.pk]),
            {"decision": "query", "note": "You left at 10:30, I think."},
        )

    jordans_hours.refresh_from_db()
    assert jordans_hours.status == Timesheet.Status.QUERIED
    assert jordans_hours.employer_note == "You left at 10:30, I think."
    assert "You left at 10:30, I think." in mailoutbox[0].body
    assert mailoutbox[0].to == ["pa@example.org"]


def test_the_hours_page_shows_booked_and_worked_times(client_for, employer, jordans_hours):
    body = (
        client_for(employer)
        .get(reverse("cover:timesheet", args=[jordans_hours.pk]))
        .content.decode()
    )

    assert "08:00 to 11:00" in body
    assert "15 minutes" in body
    assert "2.75" in body


def test_the_hours_list_query_count_does_not_grow_with_rows(
    client_for, employer, employer_profile, last_monday, django_assert_max_num_queries
):
    client = client_for(employer)
    rounds = iter(range(10))

    def hours(count: int) -> None:
        batch = next(rounds)
        for n, pa in enumerate(make_pas(count, prefix=f"hours{batch}-")):
            pa_profile_for(pa)
            booking = booking_on(employer, pa, last_monday - timedelta(days=n), time(8), time(9))
            sheet = worked(booking)
            if n % 2:
                approved(sheet, by=employer)

    hours(2)
    with django_assert_max_num_queries(100) as few:
        client.get(reverse("cover:timesheets"))
    hours(8)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("cover:timesheets"))

    assert response.content.decode().count(">Approve<") == 5


# The CSV


def export(client, employer, start: date, end: date):
    return client.get(
        reverse("cover:timesheets_export", args=[employer.pk]),
        {"start": start.isoformat(), "end": end.isoformat()},
    )


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_csv_has_one_row_per_approved_record_with_local_times(
    client_for, employer, jordans_hours, last_monday
):
    approved(jordans_hours, by=employer)

    response = export(client_for(employer), employer, last_monday, last_monday + timedelta(days=6))

    header, row = rows_of(response)
    assert header == [
        "PA name",
        "Date",
        "Start",
        "End",
        "Break minutes",
        "Hours",
        "Hourly pay",
        "Amount",
        "Note",
        "Approved by",
        "Approved at",
    ]
    decided = timezone.localtime(Timesheet.objects.get().decided_at)
    assert row == [
        "Jordan Reed",
        last_monday.isoformat(),
        "08:00",
        "11:00",
        "15",
        "2.75",
        "14.00",
        "38.50",
        "Made lunch as well.",
        "Amira Khan",
        f"{decided:%Y-%m-%d %H:%M}",
    ]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"


def test_the_file_is_named_after_the_employer_and_period(
    client_for, employer, employer_profile, last_monday
):
    end = last_monday + timedelta(days=6)

    response = export(client_for(employer), employer, last_monday, end)

    assert response["Content-Disposition"] == (
        f'attachment; filename="pa-hub-hours-amira-{last_monday}-to-{end}.csv"'
    )


def test_only_approved_hours_of_this_employer_in_the_period_are_exported(
    client_for, employer, employer_profile, pa, pa_profile, other_pa, last_monday
):
    pa_profile_for(other_pa)
    inside = approved(worked(booking_on(employer, pa, last_monday, time(8), time(9))), by=employer)
    worked(booking_on(employer, other_pa, last_monday, time(8), time(9)))  # waiting
    queried = worked(booking_on(employer, pa, last_monday, time(12), time(13)))
    Timesheet.objects.filter(pk=queried.pk).update(status="queried")
    before = last_monday - timedelta(days=1)
    approved(worked(booking_on(employer, pa, before, time(8), time(9))), by=employer)
    stranger = UserFactory(email="other.employer@example.org", roles=["employer"])
    make_employer_profile(stranger)
    approved(worked(booking_on(stranger, other_pa, last_monday, time(18), time(19))), by=stranger)

    rows = rows_of(export(client_for(employer), employer, last_monday, last_monday))

    assert len(rows) == 2
    assert rows[1][0] == "Jordan Reed"
    assert Timesheet.objects.get(pk=inside.pk).status == "approved"


def last_sunday_of_october_before(today: date) -> date:
    for year in (today.year, today.year - 1):
        day = date(year, 10, 31)
        day -= timedelta(days=(day.weekday() + 1) % 7)
        if day < today:
            return day
    raise AssertionError


def test_a_night_across_the_clocks_going_back_is_ten_real_hours(
    client_for, employer, employer_profile, pa, pa_profile
):
    """22:00 on the Saturday to 07:00 on the Sunday the clocks go back: 10 hours' pay."""
    saturday = last_sunday_of_october_before(timezone.localdate()) - timedelta(days=1)
    approved(worked(booking_on(employer, pa, saturday, time(22), time(7))), by=employer)

    row = rows_of(export(client_for(employer), employer, saturday, saturday))[1]

    assert row[1:6] == [saturday.isoformat(), "22:00", "07:00 next day", "0", "10.00"]
    assert row[7] == "140.00"


def test_amounts_are_worked_out_from_exact_minutes(
    client_for, employer, employer_profile, pa, pa_profile, last_monday
):
    booking = booking_on(employer, pa, last_monday, time(8), time(9))
    start = datetime.combine(last_monday, time(8), tzinfo=LONDON).astimezone(UTC)
    sheet = worked(booking, started_at=start, ended_at=start + timedelta(minutes=100))
    approved(sheet, by=employer)

    row = rows_of(export(client_for(employer), employer, last_monday, last_monday))[1]

    # 100 minutes at £14.00 is £23.333..., so £23.33; hours 1.666... show as 1.67.
    assert (row[5], row[7]) == ("1.67", "23.33")


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("http://evil.example")', "+44 sum", "-2+3", "@SUM(A1)", "\t=1+1"],
)
def test_cells_that_a_spreadsheet_would_run_are_made_plain_text(
    client_for, employer, employer_profile, last_monday, typed
):
    sneaky = UserFactory(email="sneaky@example.org", full_name=typed, roles=["pa"])
    booking = booking_on(employer, sneaky, last_monday, time(8), time(9))
    approved(worked(booking, note=typed), by=employer)

    row = rows_of(export(client_for(employer), employer, last_monday, last_monday))[1]

    assert row[0] == "'" + typed
    assert row[8] == "'" + typed


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "Choose the first and last day of the pay period."),
        ({"start": "2026-02-30", "end": "2026-03-01"}, "must be real dates"),
        ({"start": "yesterday", "end": "today"}, "must be real dates"),
        ({"start": "2026-03-10", "end": "2026-03-01"}, "the same as or after the first day"),
        ({"start": "2024-01-01", "end": "2026-01-01"}, "a year at most"),
    ],
)
def test_a_bad_export_link_explains_itself(client_for, employer, employer_profile, query, message):
    response = client_for(employer).get(
        reverse("cover:timesheets_export", args=[employer.pk]), query
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "There is a problem" in body


def test_each_export_is_recorded_in_the_audit_log(
    client_for, representative, employer, jordans_hours, last_monday
):
    export(client_for(representative), employer, last_monday, last_monday)

    event = AuditEvent.objects.get(action="cover.hours_exported")
    assert event.actor == representative
    assert event.detail == {
        "start": last_monday.isoformat(),
        "end": last_monday.isoformat(),
        "records": 0,
    }


# Choosing the pay period


def choose(client, employer, **query):
    return client.get(reverse("cover:timesheets_export_choose", args=[employer.pk]), query)


def date_parts(name: str, day: date) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("week", date(2026, 11, 2), date(2026, 11, 8)),
        ("fortnight", date(2026, 11, 2), date(2026, 11, 15)),
        ("four_weeks", date(2026, 11, 2), date(2026, 11, 29)),
        ("month", date(2026, 11, 15), date(2026, 12, 14)),
        ("month", date(2027, 1, 31), date(2027, 2, 27)),
    ],
)
def test_a_preset_period_leads_to_the_csv_for_its_dates(
    client_for, employer, employer_profile, period, start, end
):
    response = choose(client_for(employer), employer, period=period, **date_parts("start", start))

    assert response.status_code == 302
    assert response.url == (
        reverse("cover:timesheets_export", args=[employer.pk]) + f"?start={start}&end={end}"
    )


def test_other_dates_use_the_last_day_given(client_for, employer, employer_profile):
    response = choose(
        client_for(employer),
        employer,
        period="custom",
        **date_parts("start", date(2026, 11, 3)),
        **date_parts("end", date(2026, 11, 20)),
    )

    assert response.url.endswith("?start=2026-11-03&end=2026-11-20")


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"period": "week"}, "start", "Enter the first day of the pay period"),
        (
            {"period": "custom", **date_parts("start", date(2026, 11, 3))},
            "end",
            "Enter the last day of the pay period",
        ),
        (
            {
                "period": "custom",
                **date_parts("start", date(2026, 11, 3)),
                **date_parts("end", date(2026, 11, 1)),
            },
            "end",
            "the same as or after the first day",
        ),
        (
            {"period": "week", "start_day": "31", "start_month": "2", "start_year": "2026"},
            "start",
            "Enter a real date",
        ),
        ({"period": "yearly", **date_parts("start", date(2026, 11, 3))}, "period", "valid choice"),
    ],
)
def test_a_bad_period_is_explained_by_its_field(
    client_for, employer, employer_profile, query, field, message
):
    response = choose(client_for(employer), employer, **query)

    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}-error"' in body
    assert message in body


def test_the_period_form_starts_with_last_week(client_for, employer, employer_profile, last_monday):
    body = choose(client_for(employer), employer).content.decode()

    assert 'value="week" checked' in body
    assert f'name="start_day" type="text" inputmode="numeric" value="{last_monday.day}"' in body


def test_pay_is_shown_as_pounds_and_pence(
    client_for, employer, employer_profile, pa, pa_profile, last_monday
):
    booking = booking_on(employer, pa, last_monday, time(8), time(9))
    booking.slot.request.__class__.objects.filter(pk=booking.slot.request_id).update(
        hourly_pay=Decimal("13")
    )
    approved(worked(booking), by=employer)

    row = rows_of(export(client_for(employer), employer, last_monday, last_monday))[1]

    assert (row[6], row[7]) == ("13.00", "13.00")
