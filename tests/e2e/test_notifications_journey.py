"""Given Priya, a PA in Gosforth in Amira's relief pool, who talks with Amira on PA Hub:
she turns cover alerts to in-app only, and the next cover alert shows in her header count and
notification centre but is not emailed; she turns new messages to a daily digest, and three
messages from Amira reach her as one digest email; signed out, she follows the digest's
unsubscribe link and stops it. Every page has an empty axe scan."""

import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.cover.models import CoverAlert, ReliefPoolMember
from pahub.cover.services import RequestInput, SlotInput, cover_request_create
from pahub.messaging.models import Message
from pahub.messaging.services import conversation_get_or_create, message_post
from pahub.notifications.services import channel_for
from pahub.register.availability import DAYS, mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill
from tests.e2e.helpers import last_link_sent_to, path_of, sign_in, sign_out
from tests.factories import PASSWORD, UserFactory, make_employer_profile


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def to_priya(mailoutbox) -> list:
    return [email for email in mailoutbox if email.to == ["priya@example.org"]]


def choose(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


@pytest.mark.django_db(transaction=True)
def test_a_pa_chooses_how_she_hears_and_unsubscribes_from_an_email(page, axe, mailoutbox):
    tomorrow = timezone.localdate() + timedelta(days=1)
    day_name = DAYS[tomorrow.weekday()].lower()
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    make_employer_profile(amira, display_name="Amira")
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
    ReliefPoolMember.objects.create(
        employer=amira,
        pa=priya,
        invited_by=amira,
        status=ReliefPoolMember.Status.ACTIVE,
        responded_at=timezone.now(),
    )
    conversation = conversation_get_or_create(employer=amira, pa=priya)

    # Given Priya signs in and opens her notifications from the header
    sign_in(page, email="priya@example.org", password=PASSWORD)
    page.get_by_role("link", name="Notifications", exact=True).click()
    expect_heading(page, "Notifications")
    expect(page.locator("main")).to_contain_text("You have no unread notifications.")
    axe.check(page, "notification centre (empty)")

    # When she chooses to see cover alerts only on PA Hub
    page.get_by_role("link", name="Choose what we tell you about and how").click()
    expect_heading(page, "Choose what we tell you about")
    axe.check(page, "notification preferences")
    alerts = "Someone near you, or whose relief pool you are in, needs cover"
    choose(page, alerts, "Only show it on PA Hub")
    page.get_by_role("button", name="Save choices").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your choices are saved.")
    axe.check(page, "notification preferences (saved)")
    assert channel_for(priya, "cover.alert") == "in_app"

    # And Amira asks her relief pool for cover tomorrow morning
    request = cover_request_create(
        employer=amira,
        by=amira,
        data=RequestInput(
            slots=[SlotInput(tomorrow, time(8), time(11))],
            address="Flat 2, 10 Grey Street, Newcastle upon Tyne NE1 4ST",
            hourly_pay=Decimal("14.00"),
            pool_wait_minutes=30,
            task_codes=["personal_care.washing_bathing"],
        ),
    )

    # Then Priya is alerted, not by email but in her header and notification centre
    assert CoverAlert.objects.filter(request=request, pa=priya).exists()
    assert to_priya(mailoutbox) == []
    page.goto("/")
    page.get_by_role("link", name="Notifications (1 unread)").click()
    expect_heading(page, "Notifications")
    notice = page.locator("#notices li").first
    expect(notice).to_contain_text("Unread")
    expect(notice).to_contain_text("Cover needed by someone you know")
    axe.check(page, "notification centre (a cover alert)")

    # And opening it takes her to the request and marks it read
    notice.get_by_role("button", name=re.compile("^Open")).click()
    expect_heading(page, "Cover for Amira")
    axe.check(page, "cover request from a notice")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    # When she chooses a daily digest for new messages
    page.goto("/notifications/preferences/")
    choose(page, "New messages", "Email me once a day, in a daily digest")
    page.get_by_role("button", name="Save choices").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your choices are saved.")
    sign_out(page)

    # And Amira sends her three messages
    for body in ("Are you free on Tuesday?", "Or Wednesday?", "Thank you!"):
        message_post(
            conversation=conversation,
            author=amira,
            author_role=Message.AuthorRole.EMPLOYER,
            body=body,
        )
    assert to_priya(mailoutbox) == []

    # Then the day's digest brings her one email for the three
    call_command("run_periodic", "notifications_digest")
    (digest,) = to_priya(mailoutbox)
    assert digest.body.count("You have a new message") == 3
    assert "Tuesday" not in digest.body  # never what was written
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    call_command("run_periodic", "notifications_digest")
    assert len(to_priya(mailoutbox)) == 1

    # When, signed out, she follows the unsubscribe link in the email
    page.goto(path_of(last_link_sent_to("priya@example.org", "/notifications/unsubscribe/")))
    expect_heading(page, "Stop the daily summary email")
    axe.check(page, "unsubscribe (confirm)")
    page.get_by_role("button", name="Unsubscribe").click()

    # Then the digest is stopped and messages still show on PA Hub
    expect_heading(page, "You are unsubscribed")
    expect(page.locator("main")).to_contain_text("New messages")
    axe.check(page, "unsubscribed")
    assert channel_for(priya, "messaging.new_message") == "in_app"
