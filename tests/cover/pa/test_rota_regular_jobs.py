"""Regular jobs a PA was hired for are on their rota: a cover shift that clashes with the
job's hours is refused, and the 48-hour and rest checks count the job's hours. Jobs and cover
are siblings, so the hours come through `core.commitments` (registered by jobs)."""

from datetime import UTC, date, datetime, time, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.core.commitments import commitments_for
from pahub.cover.booking import PAWorkingThen, book_offer
from pahub.cover.errors import CoverError
from pahub.cover.services.offers import offer_make
from pahub.cover.times import span_from_local
from pahub.jobs.models import Job
from pahub.register.availability import mask_from_keys, weekly_occurrences
from tests.cover.conftest import make_request, offer
from tests.cover.pa.conftest import alert, local_booking
from tests.factories import UserFactory, make_employer_profile, make_job

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def next_monday() -> date:
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


def hired_job(pa, keys: list[str], **fields) -> Job:
    """George's regular job, filled by `pa`, with these weekly slots."""
    george = UserFactory(full_name="George Bell", postcode="NE2 1AA", roles=[Role.EMPLOYER])
    make_employer_profile(george)
    defaults = {
        "title": "Mornings with George",
        "hours_grid": mask_from_keys(keys),
        "status": Job.Status.FILLED,
        "hired_pa": pa,
        "start_date": timezone.localdate(),
    }
    return make_job(george, **(defaults | fields))


# A Monday 08:00 to 12:00 job is the Monday early (6am to 9am) and morning (9am to 12pm) slots.
MONDAY_8_TO_12 = ["monday_early", "monday_morning"]


def monday_cover(employer, day: date, start: time, end: time):
    request = make_request(employer, slots=[(day, start, end)])
    return request.slots.get()


def test_a_pa_hired_for_monday_mornings_cannot_offer_for_a_monday_cover_shift_then(
    employer, employer_profile, pa
):
    hired_job(pa, MONDAY_8_TO_12)
    slot = monday_cover(employer, next_monday(), time(9), time(10))
    alert(slot.request, pa)

    with pytest.raises(CoverError) as refused:
        offer_make(slot=slot, pa=pa)

    assert refused.value.message == (
        "You already work at this time: your regular job “Mornings with George”, 06:00 to 12:00."
    )


def test_the_offer_page_shows_the_clash_beside_the_shift(
    client_for, employer, employer_profile, pa
):
    hired_job(pa, MONDAY_8_TO_12)
    slot = monday_cover(employer, next_monday(), time(9), time(10))
    alert(slot.request, pa)

    response = client_for(pa).post(
        reverse("cover:pa_offer", kwargs={"request_id": slot.request_id, "slot_id": slot.pk})
    )

    assert "You already work at this time" in unescape(response.content.decode())


def test_an_offer_made_before_the_hire_cannot_then_be_confirmed(employer, employer_profile, pa):
    slot = monday_cover(employer, next_monday(), time(9), time(10))
    waiting = offer(slot, pa)
    hired_job(pa, MONDAY_8_TO_12)

    with pytest.raises(PAWorkingThen):
        book_offer(offer=waiting, by=employer)


def test_a_cover_shift_outside_the_jobs_hours_is_fine(employer, employer_profile, pa):
    hired_job(pa, MONDAY_8_TO_12)
    slot = monday_cover(employer, next_monday(), time(13), time(15))
    alert(slot.request, pa)

    assert offer_make(slot=slot, pa=pa).status == "offered"


@pytest.mark.parametrize("status", [Job.Status.CLOSED, Job.Status.PUBLISHED])
def test_only_a_filled_job_counts(employer, employer_profile, pa, status):
    hired_job(pa, MONDAY_8_TO_12, status=status)
    slot = monday_cover(employer, next_monday(), time(9), time(10))
    alert(slot.request, pa)

    assert offer_make(slot=slot, pa=pa).status == "offered"


def test_the_jobs_hours_start_on_its_start_date(employer, employer_profile, pa):
    monday = next_monday()
    hired_job(pa, MONDAY_8_TO_12, start_date=monday + timedelta(days=1))
    slot = monday_cover(employer, monday, time(9), time(10))
    alert(slot.request, pa)

    assert offer_make(slot=slot, pa=pa).status == "offered"


def test_the_48_hour_check_counts_the_jobs_hours(client_for, employer, employer_profile, pa):
    monday = next_monday()
    # 6 hours a day, every day: 42 hours. A Saturday cover shift of 8 hours makes 50.
    hired_job(pa, [f"{day}_{part}" for day in DAYS for part in ("early", "morning")])
    local_booking(employer, pa, monday + timedelta(days=5), time(13), time(21))

    response = client_for(pa).get(f"{reverse('cover:rota')}?week={monday:%Y-%m-%d}")
    content = unescape(response.content.decode())

    assert "50 hours — more than the 48-hour average limit" in content
    assert "Your regular job “" in content


def test_without_the_job_the_same_cover_shift_raises_no_warning(
    client_for, employer, employer_profile, pa
):
    monday = next_monday()
    local_booking(employer, pa, monday + timedelta(days=5), time(13), time(21))

    content = client_for(pa).get(f"{reverse('cover:rota')}?week={monday:%Y-%m-%d}")

    assert "48-hour" not in content.content.decode()


def test_the_rest_check_counts_the_jobs_hours(client_for, employer, employer_profile, pa):
    monday = next_monday()
    hired_job(pa, ["tuesday_early"])  # Tuesday 06:00 to 09:00
    local_booking(employer, pa, monday, time(17), time(22))  # Monday evening

    content = client_for(pa).get(f"{reverse('cover:rota')}?week={monday:%Y-%m-%d}")

    assert "Only 8 hours' rest between Monday's evening shift" in unescape(content.content.decode())


# The weekly grid as real times


def test_a_grid_slot_keeps_its_london_wall_clock_time_in_summer_and_winter():
    mask = mask_from_keys(["monday_morning"])
    summer = datetime(2027, 7, 5, tzinfo=UTC)  # a Monday
    winter = datetime(2027, 1, 4, tzinfo=UTC)  # a Monday

    [(summer_start, summer_end)] = weekly_occurrences(
        mask, starts=summer, ends=summer + timedelta(days=1)
    )
    [(winter_start, winter_end)] = weekly_occurrences(
        mask, starts=winter, ends=winter + timedelta(days=1)
    )

    assert (summer_start, summer_end) == (
        datetime(2027, 7, 5, 8, tzinfo=UTC),
        datetime(2027, 7, 5, 11, tzinfo=UTC),
    )
    assert (winter_start, winter_end) == (
        datetime(2027, 1, 4, 9, tzinfo=UTC),
        datetime(2027, 1, 4, 12, tzinfo=UTC),
    )


def test_a_night_across_the_october_clock_change_is_nine_real_hours():
    """Saturday 22:00 BST to Sunday 06:00 GMT on 30/31 October 2027."""
    mask = mask_from_keys(["saturday_night"])
    span = span_from_local(date(2027, 10, 30), time(22), time(6))

    [(start, end)] = weekly_occurrences(mask, starts=span.starts_at, ends=span.ends_at)

    assert (start, end) == (span.starts_at, span.ends_at)
    assert end - start == timedelta(hours=9)


def test_adjacent_slots_join_into_one_shift_and_commitments_come_in_time_order(pa):
    hired_job(pa, ["monday_early", "monday_morning", "wednesday_evening"])
    monday = next_monday()
    starts = datetime.combine(monday, time(0), tzinfo=UTC)

    found = commitments_for(pa.pk, starts=starts, ends=starts + timedelta(days=7))

    assert [(c.starts_at.astimezone(UTC).hour, (c.ends_at - c.starts_at)) for c in found] == [
        (found[0].starts_at.astimezone(UTC).hour, timedelta(hours=6)),
        (found[1].starts_at.astimezone(UTC).hour, timedelta(hours=5)),
    ]
    assert found[0].starts_at < found[1].starts_at
