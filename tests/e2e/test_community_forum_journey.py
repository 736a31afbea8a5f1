"""Given Jordan and Chris, two PAs, and Amira, an employer: Jordan starts a thread in the PA
zone; Chris sees it marked as new, replies quoting Jordan's post and follows the thread with
the words in the digest; Amira opens the PA zone's address and gets the page not found. Every
page has an empty axe scan.
"""

import re

import pytest
from playwright.sync_api import expect

from pahub.accounts.models import Role
from pahub.community.models import Post, Subscription, Thread
from tests.e2e.helpers import sign_in, sign_out
from tests.factories import PASSWORD, UserFactory

TITLE = "What do you take to a sleep-in shift?"


def expect_heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.mark.django_db(transaction=True)
def test_a_pa_posts_another_replies_quoting_and_an_employer_finds_nothing(page, axe):
    UserFactory(
        email="jordan@example.org", full_name="Jordan Reed", postcode="NE3 1AA", roles=[Role.PA]
    )
    UserFactory(
        email="chris@example.org", full_name="Chris Lowe", postcode="DH1 1AA", roles=[Role.PA]
    )
    UserFactory(
        email="amira@example.org",
        full_name="Amira Khan",
        postcode="NE1 4ST",
        roles=[Role.EMPLOYER],
    )

    # Given Jordan signs in and opens the community from the header
    sign_in(page, email="jordan@example.org", password=PASSWORD)
    page.get_by_role("link", name="Community", exact=True).first.click()
    expect_heading(page, "Community")
    axe.check(page, "community home (PA)")

    # When she opens the PA zone, reads the welcome and starts a thread
    page.get_by_role("link", name="PA zone", exact=True).click()
    expect_heading(page, "PA zone")
    axe.check(page, "PA zone")
    page.get_by_role("link", name=re.compile("^Welcome to the PA zone")).click()
    expect(page.locator("#posts")).to_contain_text("Be kind.")
    axe.check(page, "welcome thread")
    page.get_by_role("link", name="Back to PA zone").click()
    page.get_by_role("link", name="Start a thread").click()
    expect_heading(page, "Start a thread")
    axe.check(page, "start a thread")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Your post").fill("I always forget **something**. What is on your list?")
    page.get_by_role("button", name="Post the thread").click()

    # Then her thread is posted under her first name and district
    expect_heading(page, TITLE)
    expect(page.locator("#posts")).to_contain_text("Jordan, NE3")
    expect(page.locator("#posts strong")).to_have_text("something")
    axe.check(page, "Jordan's new thread")
    sign_out(page)

    # When Chris signs in, the zone shows the thread as new, in words
    sign_in(page, email="chris@example.org", password=PASSWORD)
    page.goto("/community/pas/")
    expect(page.locator("#threads")).to_contain_text(f"{TITLE} (new posts)")
    axe.check(page, "PA zone with a new thread")
    page.get_by_role("link", name=TITLE).click()
    expect_heading(page, TITLE)

    # And he quotes Jordan's post in his reply
    page.get_by_role("link", name="Quote Jordan, NE3’s post").click()
    reply = page.get_by_label("Your reply")
    expect(reply).to_have_value(re.compile(r"^Jordan, NE3 wrote:\n\n> I always forget"))
    axe.check(page, "reply with a quote")
    reply.fill(reply.input_value() + "A phone charger, and a book.")
    page.get_by_role("button", name="Post your reply").click()

    # Then his reply shows the quote, and he follows the thread with the words in the digest
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your reply is posted")
    expect(page.locator("#posts blockquote")).to_contain_text("I always forget")
    expect(page.locator("#following")).to_contain_text("You follow this thread")
    page.get_by_label("Include the words of new posts in my email digest").check()
    page.get_by_role("button", name="Save how I follow it").click()
    expect(page.locator("#following")).to_contain_text("includes the words of new posts")
    axe.check(page, "thread after replying and following")
    thread = Thread.objects.get(title=TITLE)
    reply_post = Post.objects.get(thread=thread, author__email="chris@example.org")
    assert reply_post.quoted == thread.posts.first()
    assert Subscription.objects.get(thread=thread, user__email="chris@example.org").include_text
    sign_out(page)

    # When Amira, an employer, opens the PA zone's address
    sign_in(page, email="amira@example.org", password=PASSWORD)
    response = page.goto("/community/pas/")

    # Then it is not found, and so is Jordan's thread
    assert response.status == 404
    axe.check(page, "PA zone for an employer (not found)")
    assert page.goto(f"/community/pas/threads/{thread.pk}/").status == 404
    page.goto("/community/")
    expect(page.locator("#zones")).not_to_contain_text("PA zone")
    expect(page.locator("#zones")).to_contain_text("Employers' zone")
    axe.check(page, "community home (employer)")
    axe.assert_clean()
