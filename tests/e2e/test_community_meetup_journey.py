"""Given Ada, admin of a user-led organisation with two-factor set up, Priya, a PA for eight
years, and Jordan, a PA in Gosforth: Ada names Priya a peer supporter; Priya posts a PA coffee
morning in Newcastle (first forgetting to say what access there is) and publishes it; Jordan
finds it at /community/meetups/, says he's coming and downloads it to his calendar. Every page
has an empty axe scan.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Organisation, Role
from pahub.learning.models import Event, EventBooking, PeerSupporter
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, UserFactory, make_staff

MEETUP = "PA coffee morning in Newcastle"
NETWORK = "Tyneside Disabled People's Network"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def expect_banner(page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_peer_supporter_posts_a_coffee_morning_and_a_pa_says_he_is_coming(page, axe):
    network = OrganisationFactory(name=NETWORK, kind=Organisation.Kind.USER_LED)
    make_staff(
        organisation=network,
        role=Membership.StaffRole.ADMIN,
        email="ada@tynesidedpn.example.org",
        full_name="Ada Admin",
    )
    UserFactory(
        email="priya@example.org", full_name="Priya Patel", postcode="NE6 1AA", roles=[Role.PA]
    )
    UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    day = timezone.localdate() + timedelta(days=10)

    # Given Ada signs in with her second factor and names Priya a peer supporter
    sign_in(page, email="ada@tynesidedpn.example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/learning/events/manage/")
    axe.check(page, "organisation's meet-ups (none)")
    page.get_by_role("link", name=f"Peer supporters with {NETWORK}").click()
    expect_heading(page, "Peer supporters")
    axe.check(page, "peer supporters (none)")
    page.get_by_role("button", name="Name as peer supporter").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the email address")
    axe.check(page, "peer supporters (with an error)")
    page.get_by_label("Email address").fill("priya@example.org")
    page.get_by_role("button", name="Name as peer supporter").click()
    expect_banner(page, "Priya Patel is now a peer supporter")
    axe.check(page, "peer supporters (one)")
    assert PeerSupporter.objects.get().user.email == "priya@example.org"
    sign_out(page)

    # When Priya posts a coffee morning from the meet-ups page, forgetting the access details
    sign_in(page, email="priya@example.org", password=PASSWORD)
    page.goto("/community/meetups/")
    expect_heading(page, "Meet-ups and peer-led sessions")
    axe.check(page, "meet-ups (none, peer supporter)")
    page.get_by_role("link", name="Post a meet-up").click()
    expect_heading(page, "Add an event")
    axe.check(page, "post a meet-up")
    expect(page.get_by_label("Course or training")).to_have_count(0)
    page.get_by_label("Meet-up or coffee morning").check()
    page.get_by_label("Title").fill(MEETUP)
    page.get_by_label("What it covers").fill("Tea, coffee and a chat with other PAs. No agenda.")
    page.get_by_role("group", name="Who it is for").get_by_label("Personal assistants").check()
    page.get_by_role("group", name="Online or in person").get_by_label("In person").check()
    page.get_by_label("Postcode district of the venue").fill("NE1")
    page.get_by_label("Venue name and address").fill("The Lit and Phil café, Westgate Road")
    starts_on = page.get_by_role("group", name="Date it starts")
    starts_on.get_by_label("Day").fill(str(day.day))
    starts_on.get_by_label("Month").fill(str(day.month))
    starts_on.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_label("Places to book on PA Hub").fill("12")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what access there is")
    expect(page.get_by_label("Title")).to_have_value(MEETUP)
    axe.check(page, "post a meet-up (with an error)")
    page.get_by_label("Accessibility").fill("Step-free entrance, a hearing loop and a quiet room.")
    page.get_by_role("button", name="Save").click()
    expect_banner(page, "Event saved as a draft")
    axe.check(page, "meet-up (draft, peer supporter)")

    # And publishes it
    page.get_by_role("button", name="Publish").click()
    expect_banner(page, "Event published")
    expect(page.locator("#run-by")).to_have_text(f"Run by Priya, peer supporter with {NETWORK}")
    axe.check(page, "meet-up (published, peer supporter)")
    meetup = Event.objects.get()
    assert (meetup.kind, meetup.peer_supporter.user.email) == (
        Event.Kind.MEETUP,
        "priya@example.org",
    )
    sign_out(page)

    # When Jordan looks for meet-ups near his district
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/community/meetups/")
    axe.check(page, "meet-ups")
    page.get_by_label("Near a postcode district or town").fill("NE3")
    page.get_by_role("button", name="Search").click()
    result = page.get_by_role("article", name=MEETUP)
    expect(result).to_contain_text(f"Run by Priya, peer supporter with {NETWORK}")
    expect(result).to_contain_text("a hearing loop and a quiet room")
    axe.check(page, "meet-ups near NE3")
    result.get_by_role("link", name=MEETUP).click()
    expect_heading(page, MEETUP)
    expect(page.locator("#access")).to_be_visible()
    axe.check(page, "meet-up (before saying he's coming)")

    # And says he's coming
    page.get_by_role("button", name="Say I'm coming").click()
    expect_banner(page, "You have a place")
    expect(page.locator("#booked")).to_contain_text("You said you are coming")
    axe.check(page, "meet-up (coming)")

    # Then he downloads it to his calendar
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Download to your calendar")).click()
    with open(download.value.path(), encoding="utf-8") as calendar:
        ics = calendar.read()
    assert ics.startswith("BEGIN:VCALENDAR")
    assert MEETUP in ics
    assert "Lit and Phil" in ics
    booked = EventBooking.objects.filter(event=meetup, cancelled_at__isnull=True)
    assert [booking.user.email for booking in booked] == ["jordan@example.org"]
