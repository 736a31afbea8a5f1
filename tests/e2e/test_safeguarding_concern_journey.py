"""Given Amira, an employer in Newcastle, with Jordan booked to cover a shift, when Amira raises
a safeguarding concern from the booking, then Newcastle City Council's safeguarding officer
signs in with two-factor, reads it and acknowledges it, Amira sees it acknowledged, and Durham
County Council's safeguarding officer gets 404. Every page has an empty axe scan."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Organisation, Role
from pahub.support.models import Concern
from tests.cover.pa.conftest import booking_at
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    UserFactory,
    local_authority,
    make_council,
    make_employer_profile,
    make_staff,
)


def safeguarding_officer(organisation: Organisation, **fields):
    user = make_staff(organisation=organisation, role=Membership.StaffRole.MEMBER, **fields)
    Membership.objects.filter(user=user).update(handles_safeguarding=True)
    return user


def sign_in_with_two_factor(page, email: str) -> None:
    sign_in(page, email=email, password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()


@pytest.mark.django_db(transaction=True)
def test_a_concern_from_a_booking_reaches_the_right_council_only(page, axe, mailoutbox):
    newcastle = local_authority("Newcastle upon Tyne")
    newcastle.safeguarding_phone = "0191 498 0789"
    newcastle.save(update_fields=["safeguarding_phone"])
    employer = UserFactory(email="amira@example.org", full_name="Amira Khan", roles=[Role.EMPLOYER])
    make_employer_profile(employer, display_name="Amira")
    pa = UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    starts_at = timezone.now() + timedelta(days=1)
    booking = booking_at(employer, pa, starts_at, starts_at + timedelta(hours=3))
    council = make_council("Newcastle City Council", "Newcastle upon Tyne")
    durham = make_council("Durham County Council", "County Durham")
    safeguarding_officer(council, email="sam@newcastle.example.org", full_name="Sam Guard")
    safeguarding_officer(
        durham, email="dee@durham.example.org", full_name="Dee Durham", postcode="DH1 1AA"
    )

    # Given Amira is on her cover booking's page
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto(f"/cover/bookings/{booking.pk}/")
    axe.check(page, "the cover booking")

    # When she raises a concern from it
    page.get_by_role("link", name="raise a concern about this booking").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise a concern")
    expect(page.locator("main")).to_contain_text("If someone is in danger now, call 999.")
    expect(page.locator("main")).to_contain_text("0191 498 0789")
    expect(page.locator("main")).to_contain_text("Newcastle upon Tyne's adult safeguarding team")
    axe.check(page, "raise a concern")
    page.get_by_role("button", name="Send to the council").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what happened")
    axe.check(page, "raise a concern, with errors")
    page.get_by_label("Who is at risk, and who is the concern about?").fill(
        "Jordan, who covers for me"
    )
    page.get_by_label("What happened?").fill("Jordan said the last person he supported hit him.")
    page.get_by_role("group", name="Is someone in danger now?").get_by_label("No").check()
    page.get_by_role("group", name=re.compile("contact you")).get_by_label("Yes").check()
    page.get_by_label("How should they contact you?").fill("amira@example.org, any time")
    page.get_by_role("button", name="Send to the council").click()

    # Then she is told it was sent, with a reference
    expect(page.get_by_role("heading", level=1)).to_have_text("Your concern was sent")
    axe.check(page, "concern sent")
    concern = Concern.objects.get()
    assert concern.about_user == pa
    page.get_by_role("link", name="See the concerns you have raised").click()
    expect(page.locator("main")).to_contain_text("Received")
    axe.check(page, "your concerns")
    sign_out(page)

    # And Newcastle's safeguarding officer, signed in with two-factor, reads and acknowledges it
    sign_in_with_two_factor(page, "sam@newcastle.example.org")
    page.goto("/concerns/")
    axe.check(page, "the safeguarding queue")
    page.get_by_role("link", name=concern.reference).click()
    expect(page.locator("main")).to_contain_text("the last person he supported hit him")
    axe.check(page, "the concern")
    page.get_by_label("Acknowledged").check()
    page.get_by_role("button", name="Save the status").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Acknowledged")
    axe.check(page, "the concern, acknowledged")
    sign_out(page)

    # And Durham's safeguarding officer cannot find it
    sign_in_with_two_factor(page, "dee@durham.example.org")
    response = page.goto(f"/concerns/{concern.pk}/")
    assert response.status == 404
    page.goto("/concerns/")
    expect(page.locator("main")).not_to_contain_text(concern.reference)
    axe.check(page, "another council's queue")
    sign_out(page)

    # And Amira sees it acknowledged
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/concerns/mine/")
    expect(page.locator("main")).to_contain_text("Acknowledged")
