"""Asking for cover: the one-page request form, its shift rows, and what bad input shows.

Every refusal re-shows the same page with a GOV.UK error summary, the message next to the
field, what was typed still there, and nothing saved.
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.cover.models import CoverRequest, CoverSlot
from pahub.cover.times import LONDON
from pahub.taxonomy.models import Language, Skill
from tests.cover.conftest import make_request
from tests.factories import make_employer_profile

pytestmark = pytest.mark.django_db

ADDRESS = "12 Grey Street, Newcastle NE1 6AE"


def shift(number: int, day: date, start: str, end: str) -> dict:
    return {
        f"shift_{number}_date_day": str(day.day),
        f"shift_{number}_date_month": str(day.month),
        f"shift_{number}_date_year": str(day.year),
        f"shift_{number}_start": start,
        f"shift_{number}_end": end,
    }


def washing() -> Skill:
    return Skill.objects.get(code="personal_care.washing_bathing")


def form_data(day: date, **changes) -> dict:
    """Amira's request: tomorrow 08:00 to 11:00, help with washing, £14.00 an hour."""
    values = {
        "shifts": "1",
        **shift(1, day, "08:00", "11:00"),
        "tasks": [str(washing().pk)],
        "hourly_pay": "14.00",
        "address": ADDRESS,
        "contact_phone": "07700 900123",
        "pool_wait_minutes": "30",
        "auto_confirm_pool": "no",
        "required_dbs": "",
        "required_gender": "",
        "gender_reason": "",
        "note": "The key safe code is with the neighbour.",
        "send": "1",
    }
    return values | changes


@pytest.fixture
def page(employer) -> str:
    return reverse("cover:request_new", args=[employer.pk])


@pytest.fixture
def amira(client_for, employer, employer_profile):
    return client_for(employer)


def test_employer_asks_for_cover_tomorrow_morning(amira, page, employer, tomorrow):
    response = amira.post(page, form_data(tomorrow))

    cover_request = CoverRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cover:request", args=[cover_request.pk])
    slot = cover_request.slots.get()
    assert slot.starts_at == datetime(
        tomorrow.year, tomorrow.month, tomorrow.day, 8, tzinfo=LONDON
    ).astimezone(UTC)
    assert slot.ends_at - slot.starts_at == timedelta(hours=3)
    assert cover_request.created_by == employer
    assert cover_request.address == ADDRESS
    assert cover_request.contact_phone == "07700 900123"
    assert cover_request.hourly_pay == Decimal("14.00")
    assert list(cover_request.tasks.all()) == [washing()]
    assert cover_request.district_id == "NE1"


def test_the_request_page_then_says_who_was_asked(amira, page, tomorrow):
    response = amira.post(page, form_data(tomorrow), follow=True)

    body = response.content.decode()
    assert "Your request has been sent to suitable PAs nearby" in body
    assert "Request made" in body


def test_a_representative_asks_for_cover_on_amiras_behalf(
    client_for, representative, employer, employer_profile, page, tomorrow
):
    client_for(representative).post(page, form_data(tomorrow))

    cover_request = CoverRequest.objects.get()
    assert cover_request.employer == employer
    assert cover_request.created_by == representative


def test_an_end_time_before_the_start_means_the_next_morning(amira, page, tomorrow):
    amira.post(page, form_data(tomorrow, **shift(1, tomorrow, "22:00", "07:00")))

    slot = CoverSlot.objects.get()
    assert timezone.localtime(slot.ends_at).date() == tomorrow + timedelta(days=1)
    assert (slot.ends_at - slot.starts_at) in (
        timedelta(hours=8),
        timedelta(hours=9),
        timedelta(hours=10),
    )


def test_times_can_be_typed_the_way_people_say_them(amira, page, tomorrow):
    amira.post(page, form_data(tomorrow, **shift(1, tomorrow, "8am", "1.30pm")))

    slot = CoverSlot.objects.get()
    assert f"{timezone.localtime(slot.starts_at):%H:%M}" == "08:00"
    assert f"{timezone.localtime(slot.ends_at):%H:%M}" == "13:30"


def test_several_shifts_make_one_request(amira, page, tomorrow):
    data = form_data(
        tomorrow, shifts="2", **shift(2, tomorrow + timedelta(days=1), "18:00", "21:00")
    )

    amira.post(page, data)

    assert CoverRequest.objects.count() == 1
    assert CoverSlot.objects.count() == 2


# Add another shift, remove a shift: no JavaScript, nothing judged yet


def test_add_another_shift_shows_one_more_row_and_keeps_what_was_typed(amira, page, tomorrow):
    data = form_data(tomorrow, address="Flat 3, 9 Market Street", hourly_pay="")
    data.pop("send")
    data["add_shift"] = "1"

    response = amira.post(page, data)

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" not in body
    assert 'name="shift_2_start"' in body
    assert 'name="shifts" value="2"' in body
    assert "Flat 3, 9 Market Street" in body
    assert f'name="shift_1_date_day" type="text" inputmode="numeric" value="{tomorrow.day}"' in body
    assert CoverRequest.objects.count() == 0


def test_no_more_than_five_shifts_can_be_added(amira, page, tomorrow):
    data = form_data(tomorrow, shifts="5")
    data.pop("send")
    data["add_shift"] = "1"

    body = amira.post(page, data).content.decode()

    assert 'name="shift_5_start"' in body
    assert 'name="shift_6_start"' not in body
    assert "Add another shift" not in body


def test_removing_a_shift_moves_the_later_ones_up(amira, page, tomorrow):
    data = form_data(
        tomorrow,
        shifts="3",
        **shift(2, tomorrow, "12:00", "13:00"),
        **shift(3, tomorrow, "18:00", "19:30"),
    )
    data.pop("send")
    data["remove_shift"] = "2"

    body = amira.post(page, data).content.decode()

    assert 'name="shifts" value="2"' in body
    assert 'name="shift_3_start"' not in body
    assert 'name="shift_2_start" value="18:00"' in body
    assert "There is a problem" not in body


def test_add_another_shift_and_remove_land_on_the_shift_not_the_top_of_the_page(
    amira, page, tomorrow
):
    """Without JavaScript the buttons reload the page: they send it to #shift-N, and each
    shift's fieldset can take focus, so the browser moves focus there."""
    data = form_data(tomorrow, shifts="3", **shift(2, tomorrow, "12:00", "13:00"))
    data.pop("send")
    data["add_shift"] = "1"

    body = amira.post(page, data).content.decode()

    assert 'formaction="#shift-5"' in body  # "Add another shift" now lands on shift 5
    assert 'id="shift-4" tabindex="-1"' in body
    # Removing a shift lands on the one that moves up into its place, or on the one before
    # when the last goes.
    assert 'value="2" formaction="#shift-2"' in body
    assert 'value="4" formaction="#shift-3"' in body


# Bad input


def next_spring_forward(today: date) -> date:
    """The next last Sunday in March, when 01:00 to 02:00 does not happen in London."""
    for year in (today.year, today.year + 1):
        day = date(year, 3, 31)
        day -= timedelta(days=(day.weekday() + 1) % 7)
        if day > today:
            return day
    raise AssertionError


def bad_inputs(day: date) -> list[tuple[str, dict, str, str]]:
    """(why, changes, the field whose error shows, the message)."""
    past = day - timedelta(days=3)
    spring = next_spring_forward(day)
    return [
        ("a past date", shift(1, past, "08:00", "11:00"), "shift_1_date", "must be today or later"),
        (
            "the same start and end",
            shift(1, day, "09:00", "09:00"),
            "shift_1_end",
            "must be different from the start time",
        ),
        (
            "no date",
            shift(1, day, "08:00", "11:00")
            | {"shift_1_date_day": "", "shift_1_date_month": "", "shift_1_date_year": ""},
            "shift_1_date",
            "Enter the date of shift 1",
        ),
        ("half a date", {"shift_1_date_month": ""}, "shift_1_date", "must include a month"),
        (
            "a time that is not one",
            {"shift_1_start": "breakfast"},
            "shift_1_start",
            "Enter a time of day",
        ),
        ("an hour too many", {"shift_1_end": "25:00"}, "shift_1_end", "between 00:00 and 23:59"),
        (
            "an hour the clocks skip",
            shift(1, spring, "01:30", "05:00"),
            "shift_1_start",
            "does not exist: the clocks go forward",
        ),
        ("pay below the minimum", {"hourly_pay": "9.00"}, "hourly_pay", "Pay must be at least £"),
        ("pay that is not money", {"hourly_pay": "lots"}, "hourly_pay", "as an amount in pounds"),
        (
            "pay with fractions of a penny",
            {"hourly_pay": "14.005"},
            "hourly_pay",
            "pounds and pence",
        ),
        ("no address", {"address": "  "}, "address", "Enter the address where the PA should come"),
        ("no tasks", {"tasks": []}, "tasks", "Select at least one thing the PA will help with"),
        (
            "a gender without a reason",
            {"required_gender": "woman", "includes_intimate_care": "on", "gender_reason": ""},
            "gender_reason",
            "Say in your own words why the shift needs a woman or a man",
        ),
        (
            "a gender without intimate care",
            {"required_gender": "man", "gender_reason": "I prefer it."},
            "includes_intimate_care",
            "only ask for a woman or a man if the shift includes intimate personal care",
        ),
        ("no wait chosen", {"pool_wait_minutes": ""}, "pool_wait_minutes", "Choose how long"),
        (
            "an unknown wait",
            {"pool_wait_minutes": "45"},
            "pool_wait_minutes",
            "Select a valid choice",
        ),
    ]


@pytest.mark.parametrize("case", range(16))
def test_bad_input_is_shown_by_the_field_and_nothing_is_saved(amira, page, tomorrow, case):
    why, changes, field, message = bad_inputs(tomorrow)[case]
    data = form_data(tomorrow, **changes, note=f"Typed note for {why}")

    response = amira.post(page, data)

    body = response.content.decode()
    assert response.status_code == 200, why
    assert "There is a problem" in body, why
    assert f'id="id_{field}-error"' in body, why
    error = body.split(f'id="id_{field}-error"', 1)[1].split("</p>", 1)[0]
    assert message in error.replace("&#x27;", "'"), why
    assert f"Typed note for {why}" in body, why
    assert CoverRequest.objects.count() == 0, why


def test_there_are_sixteen_bad_inputs_above(tomorrow):
    assert len(bad_inputs(tomorrow)) == 16


def test_pay_below_the_minimum_quotes_the_figure_and_its_source(amira, page, tomorrow):
    body = amira.post(page, form_data(tomorrow, hourly_pay="9.00")).content.decode()

    assert "£12.71" in body or "legal minimum" in body
    assert 'value="9.00"' in body


def test_overlapping_shifts_are_refused_for_the_whole_form(amira, page, tomorrow):
    data = form_data(tomorrow, shifts="2", **shift(2, tomorrow, "10:00", "12:00"))

    body = amira.post(page, data).content.decode()

    assert "Two of the shifts overlap" in body
    assert 'href="#form-errors"' in body
    assert CoverRequest.objects.count() == 0


def test_a_shift_earlier_today_is_refused(amira, page):
    now = timezone.localtime()
    if now.hour < 1:
        pytest.skip("Just after midnight there is no earlier time today to try.")
    today = now.date()

    body = amira.post(page, form_data(today, **shift(1, today, "00:00", "23:59"))).content.decode()

    assert "which has passed" in body
    assert CoverRequest.objects.count() == 0


# Starting the form


def test_pay_address_and_tasks_are_filled_in_from_the_last_request(amira, page, employer, tomorrow):
    last = make_request(
        employer,
        slots=[],
        address="Flat 3, 9 Market Street",
        contact_phone="0191 496 0000",
        required_language=Language.objects.get(code="bfi"),
    )
    CoverRequest.objects.filter(pk=last.pk).update(hourly_pay=Decimal("15.25"))
    last.tasks.set([washing()])

    body = amira.get(page).content.decode()

    assert 'value="15.25"' in body
    assert "Flat 3, 9 Market Street" in body
    assert 'value="0191 496 0000"' in body
    assert f'value="{washing().pk}" checked' in body
    assert " open>" in body  # the must-haves show, as one was chosen last time


def test_with_nobody_in_the_pool_everyone_suitable_is_asked_now_by_default(amira, page):
    body = amira.get(page).content.decode()

    assert 'value="0" checked' in body
    assert "Nobody is in your" in body


def test_an_employer_without_a_profile_is_asked_to_set_one_up_first(client_for, employer):
    response = client_for(employer).get(reverse("cover:request_new", args=[employer.pk]))

    body = response.content.decode()
    assert "Set up the employer profile first" in body
    assert 'name="shift_1_start"' not in body


def test_posting_without_a_profile_saves_nothing(client_for, employer, tomorrow):
    client_for(employer).post(reverse("cover:request_new", args=[employer.pk]), form_data(tomorrow))

    assert CoverRequest.objects.count() == 0


def test_the_address_explains_who_sees_it(amira, page):
    body = amira.get(page).content.decode()

    assert "Only the PA you book will see it" in body
    assert "see your postcode district only" in body


def test_a_request_for_another_employer_of_the_representative_stays_separate(
    client_for, representative, tomorrow
):
    """Sara also helps her uncle; a request for him is his, not Amira's."""
    from pahub.accounts.models import Role
    from tests.factories import UserFactory, grant_representation

    uncle = UserFactory(email="uncle@example.org", full_name="Tariq Khan", roles=[Role.EMPLOYER])
    grant_representation(employer=uncle, representative=representative)
    make_employer_profile(uncle)

    client_for(representative).post(
        reverse("cover:request_new", args=[uncle.pk]), form_data(tomorrow)
    )

    assert CoverRequest.objects.get().employer == uncle


def test_the_relief_pool_hears_at_once_by_email(
    amira, page, employer, pa, tomorrow, mailoutbox, django_capture_on_commit_callbacks
):
    from pahub.cover.models import ReliefPoolMember

    ReliefPoolMember.objects.create(employer=employer, pa=pa, status="active")

    with django_capture_on_commit_callbacks(execute=True):
        response = amira.post(page, form_data(tomorrow), follow=True)

    assert "Your request has been sent to your relief pool" in response.content.decode()
    to_jordan = [mail for mail in mailoutbox if mail.to == ["pa@example.org"]]
    assert "needs cover" in to_jordan[0].body
    assert ADDRESS not in to_jordan[0].body


def test_the_error_summary_lists_the_shift_errors_first(amira, page, tomorrow):
    body = amira.post(
        page, form_data(tomorrow, hourly_pay="lots", shift_1_start="breakfast")
    ).content.decode()

    summary = body.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert summary.index("#id_shift_1_start") < summary.index("#id_hourly_pay")
