"""Given Amira, an employer in Newcastle (NE1) with Sam in her relief pool, and Priya, a PA
in Gosforth (NE3) who wants cover work, is free tomorrow morning and is not in the pool:
when Amira asks her pool for cover tomorrow 08:00 to 11:00 and nobody answers, the request
widens to PAs nearby; Priya offers, Amira confirms, Priya sees the booking on her rota (now
with the address), records the hours worked and Amira approves them. Every page has an empty
axe scan."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.cover.models import (
    Booking,
    CoverAlert,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)
from pahub.cover.services import wave_send
from pahub.register.availability import DAYS, mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill
from tests.e2e.helpers import last_link_sent_to, path_of, sign_in, sign_out
from tests.factories import PASSWORD, UserFactory, make_employer_profile

ADDRESS_LINE = "Flat 2, 10 Grey Street"
PHONE = "0191 498 0002"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


def choose(page, question: str, answer: str) -> None:
    """Pick a radio button inside the fieldset whose legend asks `question`."""
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def fill_date(page, question: str, day) -> None:
    group = page.get_by_role("group", name=question)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


@pytest.mark.django_db(transaction=True)
def test_cover_widens_from_the_pool_to_a_nearby_pa_who_is_booked_and_paid_for_the_hours(
    page, axe, mailoutbox
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    day_name = DAYS[tomorrow.weekday()].lower()
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
    sam = UserFactory(
        email="sam@example.org", full_name="Sam Patel", postcode="NE4 5AA", roles=[Role.PA]
    )
    PAProfile.objects.create(user=sam, display_name="Sam")
    ReliefPoolMember.objects.create(
        employer=amira,
        pa=sam,
        invited_by=amira,
        status=ReliefPoolMember.Status.ACTIVE,
        responded_at=timezone.now(),
    )
    priya = UserFactory(
        email="priya@example.org", full_name="Priya Shah", postcode="NE3 1AA", roles=[Role.PA]
    )
    profile = PAProfile.objects.create(
        user=priya,
        display_name="Priya",
        about_me="Three years supporting people to start the day.",
        availability=mask_from_keys([f"{day_name}_early", f"{day_name}_morning"]),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        work_wanted=PAProfile.WorkWanted.COVER,
        travel_miles=5,
    )
    profile.skills.set(Skill.objects.filter(code="personal_care.washing_bathing"))

    # Given Amira signs in and goes to Cover
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.get_by_role("link", name="Cover", exact=True).click()
    expect_heading(page, "Cover at short notice")
    axe.check(page, "cover home (employer)")

    # When she asks for cover tomorrow 08:00 to 11:00, giving her pool 30 minutes first
    page.get_by_role("button", name="Ask for cover").click()
    expect_heading(page, "Ask for cover")
    axe.check(page, "ask for cover")
    fill_date(page, "Date of shift 1", tomorrow)
    page.get_by_label("Start time", exact=True).fill("08:00")
    page.get_by_label("End time", exact=True).fill("11:00")
    page.get_by_label("Washing / bathing / showering", exact=True).check()
    page.get_by_label("How much will you pay an hour?").fill("14.00")
    page.get_by_label("Where should the PA come?").fill(
        f"{ADDRESS_LINE}\nNewcastle upon Tyne\nNE1 4ST"
    )
    page.get_by_label("Phone number for the PA you book (optional)").fill(PHONE)
    choose(
        page,
        "How long should your relief pool have before we ask other PAs nearby?",
        "30 minutes",
    )
    choose(page, "Book a relief pool member as soon as they offer?", "No")
    page.get_by_role("button", name="Send the request").click()

    # Then the request page says her relief pool, Sam, has been asked
    expect_heading(page, "Cover request")
    expect_banner(page, "Your request has been sent to your relief pool")
    expect(page.locator("main")).to_contain_text("So far: relief pool (1).")
    expect(page.locator("main")).to_contain_text("From your relief pool: Sam")
    axe.check(page, "cover request (employer, pool asked)")
    cover_request = CoverRequest.objects.get(employer=amira)
    # The first wave ran through the task queue: Sam was alerted, Priya not yet
    assert CoverAlert.objects.filter(request=cover_request, pa=sam, from_pool=True).exists()
    assert not CoverAlert.objects.filter(request=cover_request, pa=priya).exists()
    assert any(email.to == ["sam@example.org"] for email in mailoutbox)
    assert not any(email.to == ["priya@example.org"] for email in mailoutbox)
    sign_out(page)

    # When 30 minutes pass and nobody answers (the clock process would send this wave)
    wave_send(request_id=cover_request.pk, now=timezone.now() + timedelta(minutes=31))

    # Then it widens to PAs nearby: Priya is alerted, by email and in the app
    alert = CoverAlert.objects.get(request=cover_request, pa=priya)
    assert not alert.from_pool
    emailed = path_of(last_link_sent_to("priya@example.org", "/cover/for-me/"))
    assert emailed == f"/cover/for-me/{cover_request.pk}/"
    assert not any("Grey Street" in email.body for email in mailoutbox)

    # When Priya signs in, she sees the request under Cover for you
    sign_in(page, email="priya@example.org", password=PASSWORD)
    page.get_by_role("link", name="Cover (1 new)").click()
    expect_heading(page, "Cover for you")
    axe.check(page, "cover for you (PA)")
    page.get_by_role("link", name="Cover for Amira in NE1").click()

    # Then she sees the district, times, tasks and pay, but not the address or phone
    expect_heading(page, "Cover for Amira in NE1")
    main = page.locator("main")
    expect(main).to_contain_text("NE1, Newcastle upon Tyne")
    expect(main).to_contain_text("08:00 to 11:00")
    expect(main).to_contain_text("£14.00 an hour")
    expect(main).to_contain_text("Washing / bathing / showering")
    expect(main).not_to_contain_text("Grey Street")
    expect(main).not_to_contain_text("NE1 4ST")
    expect(main).not_to_contain_text(PHONE)
    axe.check(page, "cover request (PA, alerted)")

    # When she offers to take the shift
    page.get_by_label("A message with your offer (optional)").fill(
        "I live in Gosforth and can be there by 07:50."
    )
    page.get_by_role("button", name=re.compile("^Offer to take this shift")).click()

    # Then she is told her offer went to Amira, and the address is still hidden
    expect_banner(page, "You offered to cover")
    expect(page.locator("main")).to_contain_text("You offered")
    expect(page.locator("main")).not_to_contain_text("Grey Street")
    axe.check(page, "cover request (PA, offered)")
    sign_out(page)

    # When Amira signs in again and opens the request from her cover page
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/cover/")
    expect(page.locator("main")).to_contain_text("1 offer waiting for you to confirm")
    axe.check(page, "cover home (employer, offer waiting)")
    page.get_by_role("link", name=re.compile("08:00 to 11:00")).click()
    expect_heading(page, "Cover request")
    expect(page.locator("main")).to_contain_text("can be there by 07:50")
    axe.check(page, "cover request (employer, offer)")

    # And confirms Priya's offer
    page.get_by_role("button", name=re.compile("^Confirm Priya")).click()

    # Then the shift is booked
    expect_banner(page, "is booked for")
    expect(page.locator("main")).to_contain_text("See the booking")
    axe.check(page, "cover request (employer, booked)")
    booking = Booking.objects.get(slot__request=cover_request)
    assert booking.pa == priya
    assert booking.status == Booking.Status.CONFIRMED
    sign_out(page)

    # When Priya opens her rota for the week containing tomorrow
    sign_in(page, email="priya@example.org", password=PASSWORD)
    page.goto(f"/cover/rota/?week={tomorrow.isoformat()}")
    expect_heading(page, "Week of")
    rota_row = page.get_by_role("row", name=re.compile(f"^{tomorrow:%A %-d %B}"))
    expect(rota_row).to_contain_text("08:00 to 11:00")
    expect(rota_row).to_contain_text("For Amira, in NE1")
    axe.check(page, "rota week (PA)")

    # Then the booking shows her the address and phone number
    rota_row.get_by_role("link", name=re.compile("08:00 to 11:00")).click()
    expect_heading(page, "Cover for Amira")
    expect(page.locator("main")).to_contain_text(ADDRESS_LINE)
    expect(page.locator("main")).to_contain_text(PHONE)
    axe.check(page, "booking (PA)")

    # Given the shift has happened: move the booking, its slot and times two days back
    moved = timedelta(days=2)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=booking.starts_at - moved, ends_at=booking.ends_at - moved
    )
    slot = booking.slot
    CoverSlot.objects.filter(pk=slot.pk).update(
        starts_at=slot.starts_at - moved, ends_at=slot.ends_at - moved
    )
    worked_on = tomorrow - moved

    # When Priya records the hours she worked, with a 10 minute break
    page.reload()
    page.get_by_role("link", name="Record your hours").click()
    expect_heading(page, "Record your hours")
    axe.check(page, "record hours")
    fill_date(page, "Date the shift started", worked_on)
    page.get_by_label("Start time", exact=True).fill("08:00")
    page.get_by_label("Finish time", exact=True).fill("11:05")
    page.get_by_label("Unpaid breaks, in minutes").fill("10")
    page.get_by_label("A note for the employer (optional)").fill("Stayed to finish the washing up.")
    page.get_by_role("button", name="Send your hours for approval").click()

    # Then the booking shows the hours waiting for approval
    expect_banner(page, "Your hours are recorded")
    expect(page.locator("main")).to_contain_text("10 minutes of unpaid breaks")
    axe.check(page, "booking with hours (PA)")
    sign_out(page)

    # When Amira opens the hours to approve and approves Priya's
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/cover/")
    page.get_by_role("link", name="Hours to approve").click()
    expect_heading(page, "Hours to approve")
    expect(page.locator("main")).to_contain_text("Stayed to finish the washing up.")
    axe.check(page, "hours to approve")
    page.get_by_role("button", name=re.compile("^Approve Priya")).click()

    # Then the hours are approved
    expect_banner(page, "hours are approved")
    expect(page.locator("main")).to_contain_text("Nothing is waiting for approval.")
    axe.check(page, "hours approved")
    timesheet = Timesheet.objects.get(booking=booking)
    assert timesheet.status == Timesheet.Status.APPROVED
    assert timesheet.decided_by == amira
    assert timesheet.break_minutes == 10
    assert timesheet.ended_at - timesheet.started_at == timedelta(hours=3, minutes=5)
