"""Given Newcastle's community zone, where Amira (an employer) wrote an unkind post, Jordan (a
PA in Newcastle) and Mo (staff of the organisation serving Newcastle, with two-factor set up):
Jordan reports the post (first forgetting the reason); Mo finds it from the staff area, tries
to hide it without a reason, then hides it with one; Amira reads why in her notifications and
on her moderation page and beside her post on the thread page, and Jordan is told the outcome.
Every page has an empty axe scan.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from pahub.accounts.models import Membership, Role
from pahub.community.models import Post
from tests.community.factories import PostFactory, ThreadFactory, area_zone
from tests.e2e.helpers import sign_in, sign_out, totp_code
from tests.factories import PASSWORD, TOTP_SECRET, OrganisationFactory, UserFactory, make_staff

REASON = "Please be kind to other members: everyone here is learning."


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_member_reports_a_post_a_moderator_hides_it_and_the_author_sees_why(
    page, axe, live_server
):
    organisation = OrganisationFactory(
        name="Newcastle Independent Living", areas=["Newcastle upon Tyne"]
    )
    make_staff(
        organisation=organisation,
        role=Membership.StaffRole.VERIFIER,
        email="mo@example.org",
        full_name="Mo Hassan",
        postcode="NE2 1AA",
    )
    amira = UserFactory(
        email="amira@example.org", full_name="Amira Khan", postcode="NE1 4ST", roles=[Role.EMPLOYER]
    )
    UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    zone = area_zone("Newcastle upon Tyne", slug="newcastle")
    thread = ThreadFactory(zone=zone, title="Finding cover at short notice", author=amira)
    post = PostFactory(thread=thread, author=amira, body="You are all useless at this.")

    # Given Jordan is signed in and reports the post, first forgetting to say why
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto(reverse("community:thread", args=[thread.zone.slug, thread.pk]))
    axe.check(page, "the thread, for a member")
    page.get_by_role("link", name=re.compile("^Report")).first.click()
    expect_heading(page, "Report a post")
    axe.check(page, "report a post")
    page.get_by_label("Anything the moderators should know (optional)").fill("Rude to everyone.")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select why you are reporting this post"
    )
    expect(page.get_by_label("Anything the moderators should know (optional)")).to_have_value(
        "Rude to everyone."
    )
    axe.check(page, "report a post with an error")
    page.get_by_label("It is unkind, bullying or harassment").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".govuk-panel")).to_contain_text("Report sent")
    axe.check(page, "report sent")
    sign_out(page)

    # When Mo signs in with their second factor and finds the post from the staff area
    sign_in(page, email="mo@example.org", password=PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
    page.goto("/staff/")
    axe.check(page, "staff home")
    page.get_by_role("link", name="Community posts to check").click()
    expect_heading(page, "Community posts to check")
    expect(page.locator("main")).to_contain_text("Reported 1 time")
    axe.check(page, "moderators' queue")
    page.get_by_role("link", name=re.compile("^Review")).click()
    expect_heading(page, "Review a post")
    expect(page.locator("main")).to_contain_text("Rude to everyone.")
    axe.check(page, "review a post")

    # And tries to hide it without a reason, then with one
    page.get_by_role("button", name="Hide the post").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reason")
    axe.check(page, "review a post with an error")
    page.get_by_label("Why are you hiding it?").fill(REASON)
    page.get_by_role("button", name="Hide the post").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Post hidden")
    expect(page.locator("main")).to_contain_text("There are no posts waiting for a moderator.")
    axe.check(page, "queue after hiding")
    sign_out(page)
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN

    # Then Amira reads why in her notifications and on her moderation page
    sign_in(page, email="amira@example.org", password=PASSWORD)
    page.goto("/notifications/")
    notices = page.locator("#notices")
    expect(notices).to_contain_text("A moderator hid your post in “Finding cover at short notice”")
    expect(notices).to_contain_text(REASON)
    expect(notices).not_to_contain_text("Mo Hassan")
    axe.check(page, "author's notifications")
    page.get_by_role("button", name=re.compile("^Open")).first.click()
    expect_heading(page, "Moderation about you")
    expect(page.locator("main")).to_contain_text("A moderator hid this post")
    expect(page.locator("main")).to_contain_text(REASON)
    axe.check(page, "moderation about you")
    page.goto(reverse("community:thread", args=[thread.zone.slug, thread.pk]))
    expect(page.locator("main")).to_contain_text(REASON)
    axe.check(page, "author's thread page")
    sign_out(page)

    # And Jordan is told the post was hidden, never by whom
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.goto("/notifications/")
    expect(page.locator("#notices")).to_contain_text("The post was hidden")
    expect(page.locator("#notices")).not_to_contain_text("Mo Hassan")
    axe.check(page, "reporter's notifications")
