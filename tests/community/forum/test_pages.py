"""Request tests for every forum page: the right person, the wrong one, logged out and bad
input (the message beside the field, what was typed kept)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pahub.community.forum import services
from pahub.community.models import Post, Subscription, Thread, ThreadRead, ZoneRead
from pahub.community.moderation import screening


def thread_url(thread, **query) -> str:
    url = reverse("community:thread", args=[thread.zone.slug, thread.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


LOGIN_REQUIRED = [
    ("get", "community:home", []),
    ("get", "community:name", []),
    ("get", "community:group_create", []),
]


@pytest.mark.parametrize(("method", "name", "args"), LOGIN_REQUIRED)
def test_logged_out_people_are_asked_to_sign_in(method, name, args, db):
    response = getattr(Client(), method)(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_home_lists_zones_with_unread_counts_in_words(client_for, pa, pa_thread, other_pa):
    response = client_for(other_pa).get(reverse("community:home"))

    assert response.status_code == 200
    assert "PA zone" in response.text
    assert "2 threads with new posts" in response.text  # the welcome thread and Jordan's
    assert "Employers' zone" not in response.text
    assert "You post as <strong>Chris, DH1</strong>" in response.text


def test_the_home_offers_groups_to_join_and_invitations(
    client_for, pa, open_group, invitation_group
):
    from pahub.community.models import GroupMember

    GroupMember.objects.create(zone=invitation_group, user=pa, status="invited")

    response = client_for(pa).get(reverse("community:home"))

    assert "Groups you can join" in response.text
    assert open_group.name in response.text
    assert "you are invited" in response.text


def test_the_zone_page_lists_pinned_first_and_marks_unread_in_words(
    client_for, pa, other_pa, zones
):
    services.thread_start(zone=zones["pas"], author=pa, title="Newest thread", body="Hi")

    response = client_for(other_pa).get(reverse("community:zone", args=["pas"]))

    text = response.text
    assert text.index("Pinned:") < text.index("Newest thread")
    assert "(new posts)" in text
    assert "Mark all read" in text


def test_mark_all_read_marks_the_zone(client_for, pa, pa_thread):
    client = client_for(pa)
    response = client.post(reverse("community:zone_read", args=["pas"]))

    assert response.status_code == 302
    assert ZoneRead.objects.filter(user=pa, zone__slug="pas").exists()
    assert "(new posts)" not in client.get(reverse("community:zone", args=["pas"])).text


def test_mark_all_read_needs_a_post(client_for, pa, zones):
    assert client_for(pa).get(reverse("community:zone_read", args=["pas"])).status_code == 405


def test_the_zone_page_paginates(client_for, pa, zones):
    for number in range(30):
        Thread.objects.create(zone=zones["pas"], title=f"Thread {number}", author=pa)

    response = client_for(pa).get(reverse("community:zone", args=["pas"]) + "?page=2")

    assert response.status_code == 200
    assert "Thread pages" in response.text


def test_starting_a_thread(client_for, pa, zones):
    response = client_for(pa).post(
        reverse("community:thread_create", args=["pas"]),
        {"title": "Sleep-in shifts", "body": "How do you **rest**?"},
    )

    thread = Thread.objects.get(title="Sleep-in shifts")
    assert response.status_code == 302
    assert response["Location"] == thread_url(thread)
    assert "<strong>rest</strong>" in thread.posts.get().body_html


def test_a_thread_with_problems_keeps_what_was_typed(client_for, pa, zones):
    response = client_for(pa).post(
        reverse("community:thread_create", args=["pas"]),
        {"title": "", "body": "My words stay"},
    )

    assert response.status_code == 200
    assert "Enter a title for your thread" in response.text
    assert "My words stay" in response.text
    assert "govuk-error-summary" in response.text


def test_a_new_account_posting_too_fast_sees_why_beside_the_field(
    client_for, pa, zones, monkeypatch
):
    monkeypatch.setattr(
        screening, "posting_rate_problem", lambda *, author, now: "New accounts wait a minute"
    )

    response = client_for(pa).post(
        reverse("community:thread_create", args=["pas"]), {"title": "Hi", "body": "Kept"}
    )

    assert response.status_code == 200
    assert "New accounts wait a minute" in response.text
    assert "Kept" in response.text


def test_reading_a_thread_marks_it_read(client_for, other_pa, pa_thread):
    response = client_for(other_pa).get(thread_url(pa_thread))

    assert response.status_code == 200
    assert "Tips for a first shift" in response.text
    assert "Jordan, NE3" in response.text
    assert ThreadRead.objects.filter(user=other_pa, thread=pa_thread).exists()


def test_quote_fills_the_reply_and_the_reply_records_it(client_for, other_pa, pa_thread):
    first = pa_thread.posts.get()
    client = client_for(other_pa)

    page = client.get(thread_url(pa_thread, quote=first.pk))
    assert "Jordan, NE3 wrote:" in page.text
    assert "&gt; What helped you?" in page.text

    response = client.post(
        thread_url(pa_thread),
        {"body": "Jordan, NE3 wrote:\n\n> What helped you?\n\nA good rota.", "quoted": first.pk},
    )
    reply = Post.objects.get(author=other_pa)
    assert response.status_code == 302
    assert reply.quoted == first
    assert '<blockquote class="govuk-inset-text">' in reply.body_html
    assert Subscription.objects.filter(user=other_pa, thread=pa_thread).exists()


def test_quoting_a_post_from_elsewhere_is_not_found(client_for, pa, other_pa, pa_thread, zones):
    other = services.thread_start(zone=zones["newcastle"], author=pa, title="Local", body="x")

    response = client_for(other_pa).get(thread_url(pa_thread, quote=other.pk))

    assert response.status_code == 404


def test_a_reply_quoting_a_post_from_elsewhere_is_refused_beside_the_field(
    client_for, pa, other_pa, pa_thread, zones
):
    other = services.thread_start(zone=zones["newcastle"], author=pa, title="Local", body="x")

    response = client_for(other_pa).post(
        thread_url(pa_thread), {"body": "My reply", "quoted": other.pk}
    )

    assert response.status_code == 200
    assert "You can only quote a post from this thread" in response.text
    assert "My reply" in response.text


def test_an_empty_reply_is_refused_beside_the_field(client_for, other_pa, pa_thread):
    response = client_for(other_pa).post(thread_url(pa_thread), {"body": "  "})

    assert response.status_code == 200
    assert "Enter your reply" in response.text


def test_a_held_reply_tells_its_author_and_is_not_shown_to_others(
    client_for, pa, other_pa, outsider, pa_thread, monkeypatch
):
    monkeypatch.setattr(screening, "hold_reason", lambda *, author, text: "Word list")

    response = client_for(other_pa).post(thread_url(pa_thread), {"body": "Held words"}, follow=True)

    assert "Your post is waiting for a moderator to check it" in response.text
    assert "Held words" in response.text
    assert "Held words" not in client_for(outsider).get(thread_url(pa_thread)).text


def test_moderators_see_held_and_hidden_posts_marked(client_for, admin, other_pa, pa_thread):
    post = services.post_reply(thread=pa_thread, author=other_pa, body="Hidden words")
    Post.objects.filter(pk=post.pk).update(status=Post.Status.HIDDEN, hidden_reason="Unkind")

    moderator_view = client_for(admin).get(thread_url(pa_thread)).text
    author_view = client_for(other_pa).get(thread_url(pa_thread)).text

    assert "Hidden by a moderator" in moderator_view
    assert "A moderator hid your post" in author_view
    assert "Unkind" in author_view


def test_editing_ones_own_post_shows_edited(client_for, pa, pa_thread):
    post = pa_thread.posts.get()
    client = client_for(pa)
    url = reverse("community:post_edit", args=["pas", pa_thread.pk, post.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, {"body": "Changed words"})

    assert response.status_code == 302
    assert "Edited" in client.get(thread_url(pa_thread)).text


def test_an_empty_edit_keeps_the_form(client_for, pa, pa_thread):
    post = pa_thread.posts.get()
    response = client_for(pa).post(
        reverse("community:post_edit", args=["pas", pa_thread.pk, post.pk]), {"body": ""}
    )

    assert response.status_code == 200
    assert "Enter your post" in response.text


def test_someone_elses_post_cannot_be_edited(client_for, other_pa, pa_thread):
    post = pa_thread.posts.get()
    response = client_for(other_pa).get(
        reverse("community:post_edit", args=["pas", pa_thread.pk, post.pk])
    )

    assert response.status_code == 404


def test_a_post_past_its_window_cannot_be_edited(client_for, pa, pa_thread):
    post = pa_thread.posts.get()
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(hours=1))

    response = client_for(pa).post(
        reverse("community:post_edit", args=["pas", pa_thread.pk, post.pk]), {"body": "Late"}
    )

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.body == "What helped you?"


def test_following_with_and_without_the_words(client_for, other_pa, pa_thread):
    client = client_for(other_pa)
    client.post(reverse("community:thread_subscribe", args=["pas", pa_thread.pk]))
    assert not Subscription.objects.get(user=other_pa).include_text

    client.post(
        reverse("community:thread_subscribe", args=["pas", pa_thread.pk]), {"include_text": "on"}
    )
    assert Subscription.objects.get(user=other_pa).include_text

    client.post(reverse("community:thread_unsubscribe", args=["pas", pa_thread.pk]))
    assert not Subscription.objects.filter(user=other_pa).exists()


def test_an_employer_cannot_follow_a_pa_thread(client_for, employer, pa_thread):
    response = client_for(employer).post(
        reverse("community:thread_subscribe", args=["pas", pa_thread.pk])
    )

    assert response.status_code == 404
    assert not Subscription.objects.filter(user=employer).exists()


def test_a_thread_in_another_zone_is_not_found_by_a_wrong_slug(client_for, pa, pa_thread):
    response = client_for(pa).get(
        reverse("community:thread", args=["newcastle-upon-tyne", pa_thread.pk])
    )

    assert response.status_code == 404


def test_choosing_a_community_name(client_for, pa):
    client = client_for(pa)

    assert "Jordan, NE3" in client.get(reverse("community:name")).text
    response = client.post(reverse("community:name"), {"name": "Jordan from Gosforth"})

    assert response.status_code == 302
    assert services.community_name_of(pa) == "Jordan from Gosforth"


def test_an_email_as_a_name_is_refused_beside_the_field(client_for, pa):
    response = client_for(pa).post(reverse("community:name"), {"name": "me@example.org"})

    assert response.status_code == 200
    assert "cannot be an email address" in response.text
    assert 'value="me@example.org"' in response.text


def test_an_overlong_name_is_refused(client_for, pa):
    response = client_for(pa).post(reverse("community:name"), {"name": "x" * 61})

    assert response.status_code == 200
    assert "60 characters or fewer" in response.text


def test_the_header_links_to_the_community_for_signed_in_people(client_for, pa):
    response = client_for(pa).get(reverse("community:home"))

    assert f'href="{reverse("community:home")}"' in response.text


def test_the_home_pages_promise_of_a_private_forum_links_to_it(client):
    response = client.get(reverse("core:home"))

    assert f'<a class="govuk-link" href="{reverse("community:home")}">a private forum</a>' in (
        response.text
    )
