"""A booking: cancelling it (with the late-cancellation warning first) and recording the hours
actually worked."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import Booking, CoverSlot, Timesheet
from pahub.cover.times import span_from_local
from tests.cover.conftest import starting_soon
from tests.cover.pa.conftest import local_booking


def hours_post(day, start="08:00", end="11:00", break_minutes="0", note="") -> dict:
    return {
        "day_day": str(day.day) if day else "",
        "day_month": str(day.month) if day else "",
        "day_year": str(day.year) if day else "",
        "start": start,
        "end": end,
        "break_minutes": break_minutes,
        "note": note,
    }


# Cancelling


def test_cancelling_within_24_hours_warns_first_that_it_is_late(client_for, pa, booking):
    starting_soon(booking)
    content = (
        client_for(pa).get(reverse("cover:booking_cancel", args=[booking.pk])).content.decode()
    )

    assert "less than 24 hours before the shift" in content
    assert "late cancellation" in content
    booking.refresh_from_db()
    assert booking.status == "confirmed"


def test_cancelling_more_than_a_day_ahead_gives_no_late_warning(
    client_for, pa, employer, employer_profile
):
    far = timezone.localdate() + timedelta(days=5)
    booking = local_booking(employer, pa, far, time(8), time(11))

    content = (
        client_for(pa).get(reverse("cover:booking_cancel", args=[booking.pk])).content.decode()
    )

    assert "late cancellation" not in content
    assert "Cancel the booking" in content


def test_the_pa_cancels_with_a_reason_and_the_slot_opens_again(client_for, pa, booking, first_slot):
    starting_soon(booking)
    response = client_for(pa).post(
        reverse("cover:booking_cancel", args=[booking.pk]), {"reason": "I have flu."}, follow=True
    )

    booking.refresh_from_db()
    first_slot.refresh_from_db()
    assert booking.status == "cancelled"
    assert booking.cancel_reason == "I have flu."
    assert booking.late_cancellation is True
    assert first_slot.status == CoverSlot.Status.OPEN
    content = response.content.decode()
    assert "This booking was cancelled" in content
    assert "by you" in content
    assert "late cancellation" in content
    assert "Grey Street" not in content


def test_cancelling_without_a_reason_is_refused_by_the_field(client_for, pa, booking):
    response = client_for(pa).post(
        reverse("cover:booking_cancel", args=[booking.pk]), {"reason": "  "}
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Say why you are cancelling" in content
    assert 'href="#id_reason"' in content
    booking.refresh_from_db()
    assert booking.status == "confirmed"


def test_the_employer_can_cancel_from_the_booking_page_too(client_for, employer, booking):
    client_for(employer).post(
        reverse("cover:booking_cancel", args=[booking.pk]), {"reason": "In hospital."}
    )

    booking.refresh_from_db()
    assert (booking.status, booking.cancelled_by) == ("cancelled", employer)


def test_a_finished_shift_cannot_be_cancelled(client_for, pa, past_booking):
    content = (
        client_for(pa).get(reverse("cover:booking_cancel", args=[past_booking.pk])).content.decode()
    )

    assert "already finished" in content
    response = client_for(pa).post(
        reverse("cover:booking_cancel", args=[past_booking.pk]), {"reason": "Oops"}
    )
    assert response.status_code == 400
    assert "already finished" in response.content.decode()
    past_booking.refresh_from_db()
    assert past_booking.status == "confirmed"


# Recording hours


def test_hours_cannot_be_recorded_before_the_shift_starts(client_for, pa, booking):
    page = client_for(pa).get(reverse("cover:booking_hours", args=[booking.pk])).content.decode()
    assert "once the shift has started" in page
    assert "Send your hours for approval" not in page

    response = client_for(pa).post(
        reverse("cover:booking_hours", args=[booking.pk]),
        hours_post(timezone.localdate(booking.starts_at)),
    )

    assert response.status_code == 400
    assert "You can record hours once the shift has started." in response.content.decode()
    assert not Timesheet.objects.exists()


def test_the_form_starts_with_the_booked_times(client_for, pa, past_booking):
    content = (
        client_for(pa).get(reverse("cover:booking_hours", args=[past_booking.pk])).content.decode()
    )

    assert 'name="start" value="08:00"' in content
    assert 'name="end" value="11:00"' in content


def test_the_pa_records_hours_and_sees_them_waiting_for_approval(client_for, pa, past_booking):
    day = timezone.localdate(past_booking.starts_at)

    response = client_for(pa).post(
        reverse("cover:booking_hours", args=[past_booking.pk]),
        hours_post(day, start="8am", end="11.30", break_minutes="15", note="Stayed to finish."),
        follow=True,
    )

    timesheet = Timesheet.objects.get()
    span = span_from_local(day, time(8), time(11, 30))
    assert (timesheet.started_at, timesheet.ended_at) == (span.starts_at, span.ends_at)
    assert timesheet.break_minutes == 15
    assert timesheet.note == "Stayed to finish."
    content = response.content.decode()
    assert "Waiting for approval" in content
    assert "3 hours 15 minutes worked" in content


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start": ""}, "start", "Enter the time you started, for example 08:00"),
        ({"start": "25:00"}, "start", "Start time must be a real time, like 08:00 or 22:30"),
        ({"end": "half past"}, "end", "Finish time must be a real time, like 08:00 or 22:30"),
        ({"break_minutes": "ten"}, "break_minutes", "Breaks must be a whole number of minutes"),
        ({"break_minutes": "-5"}, "break_minutes", "Breaks cannot be less than 0 minutes"),
        ({"break_minutes": "200"}, "break_minutes", "Breaks must be shorter than the time worked"),
        ({"day_day": "31", "day_month": "2"}, "day", "Enter a real date"),
        (
            {"day_day": "", "day_month": "", "day_year": ""},
            "day",
            "Enter the date the shift started",
        ),
        ({"note": "x" * 501}, "note", "Your note must be 500 characters or fewer"),
    ],
)
def test_bad_hours_are_refused_by_the_field_keeping_what_was_typed(
    client_for, pa, past_booking, changes, field, message
):
    data = hours_post(timezone.localdate(past_booking.starts_at)) | changes
    data.setdefault("note", "")
    if field != "note":
        data["note"] = "Typed and kept"

    response = client_for(pa).post(reverse("cover:booking_hours", args=[past_booking.pk]), data)

    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert f'href="#id_{field}"' in content
    if field != "note":
        assert "Typed and kept" in content
    assert not Timesheet.objects.exists()


def test_queried_hours_show_the_employers_question_and_can_be_sent_again(
    client_for, pa, past_booking
):
    Timesheet.objects.create(
        booking=past_booking,
        started_at=past_booking.starts_at,
        ended_at=past_booking.ends_at,
        status="queried",
        employer_note="Did you take a break?",
    )
    client = client_for(pa)

    booking_page = client.get(reverse("cover:booking", args=[past_booking.pk])).content.decode()
    assert "Did you take a break?" in booking_page
    assert "Change your hours" in booking_page

    client.post(
        reverse("cover:booking_hours", args=[past_booking.pk]),
        hours_post(timezone.localdate(past_booking.starts_at), break_minutes="30"),
    )

    timesheet = Timesheet.objects.get()
    assert (timesheet.status, timesheet.break_minutes) == ("submitted", 30)


def test_approved_hours_cannot_be_changed(client_for, pa, past_booking):
    Timesheet.objects.create(
        booking=past_booking,
        started_at=past_booking.starts_at,
        ended_at=past_booking.ends_at,
        status="approved",
    )

    page = client_for(pa).get(reverse("cover:booking_hours", args=[past_booking.pk]))
    assert "These hours were approved, so they cannot change." in page.content.decode()

    response = client_for(pa).post(
        reverse("cover:booking_hours", args=[past_booking.pk]),
        hours_post(timezone.localdate(past_booking.starts_at), break_minutes="30"),
    )

    assert response.status_code == 400
    assert "approved already" in response.content.decode()
    assert Timesheet.objects.get().break_minutes == 0


def test_the_employer_side_sees_submitted_hours_on_the_booking(client_for, employer, past_booking):
    Timesheet.objects.create(
        booking=past_booking,
        started_at=past_booking.starts_at,
        ended_at=past_booking.ends_at,
        note="All fine.",
    )

    content = (
        client_for(employer).get(reverse("cover:booking", args=[past_booking.pk])).content.decode()
    )

    assert "Waiting for approval" in content
    assert "All fine." in content
    assert reverse("cover:timesheets") in content


def test_a_cancelled_booking_has_no_hours_to_record(client_for, pa, past_booking):
    Booking.objects.filter(pk=past_booking.pk).update(status="cancelled")

    content = (
        client_for(pa).get(reverse("cover:booking_hours", args=[past_booking.pk])).content.decode()
    )

    assert "only be recorded for a booking that went ahead" in content
