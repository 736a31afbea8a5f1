"""Posting, editing, holding, read marks and community names."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.community.forum import services
from pahub.community.models import Post, Subscription, ThreadRead
from pahub.community.moderation import screening
from pahub.core.models import AuditEvent


def test_starting_a_thread_publishes_subscribes_reads_and_audits(zones, pa):
    post = services.thread_start(zone=zones["pas"], author=pa, title="  First  shift ", body="Hi")

    assert post.status == Post.Status.PUBLISHED
    assert post.thread.title == "First shift"
    assert post.author_name == "Jordan, NE3"
    assert Subscription.objects.filter(user=pa, thread=post.thread).exists()
    assert ThreadRead.objects.filter(user=pa, thread=post.thread).exists()
    assert AuditEvent.objects.filter(action="community.thread_started").exists()


def test_a_reply_counts_and_can_quote(pa_thread, zones):
    first = pa_thread.posts.get()
    other = zones["pas"]
    reply = services.post_reply(
        thread=pa_thread, author=pa_thread.author, body="> What helped you?\n\nThis", quoted=first
    )

    pa_thread.refresh_from_db()
    assert reply.quoted == first
    assert pa_thread.reply_count == 1
    assert other.slug == "pas"


def test_a_quote_must_come_from_the_same_thread(pa_thread, zones, pa):
    elsewhere = services.thread_start(zone=zones["newcastle"], author=pa, title="x", body="y")

    with pytest.raises(services.ForumError):
        services.post_reply(thread=pa_thread, author=pa, body="z", quoted=elsewhere)


def test_empty_and_overlong_posts_are_refused(pa_thread, pa):
    with pytest.raises(services.ForumError, match="Enter your post"):
        services.post_reply(thread=pa_thread, author=pa, body="   ")
    with pytest.raises(services.ForumError, match="characters or fewer"):
        services.post_reply(thread=pa_thread, author=pa, body="x" * 10_001)


def test_a_held_post_is_saved_but_not_counted(pa_thread, other_pa, monkeypatch):
    monkeypatch.setattr(screening, "hold_reason", lambda *, author, text: "A word on the list")

    post = services.post_reply(thread=pa_thread, author=other_pa, body="Something")

    pa_thread.refresh_from_db()
    assert post.status == Post.Status.HELD
    assert post.held_reason == "A word on the list"
    assert pa_thread.reply_count == 0


def test_a_new_account_posting_too_fast_is_refused(pa_thread, other_pa, monkeypatch):
    monkeypatch.setattr(
        screening, "posting_rate_problem", lambda *, author, now: "Wait a minute first"
    )

    with pytest.raises(services.ForumError, match="Wait a minute first") as refused:
        services.post_reply(thread=pa_thread, author=other_pa, body="Something")
    assert refused.value.status == 429
    assert not Post.objects.filter(author=other_pa).exists()


def test_someone_who_may_not_post_is_refused(pa_thread, employer):
    with pytest.raises(services.ForumError) as refused:
        services.post_reply(thread=pa_thread, author=employer, body="Let me in")
    assert refused.value.status == 403


def test_a_locked_thread_takes_no_replies(pa_thread, pa):
    pa_thread.locked_at = timezone.now()
    pa_thread.save(update_fields=["locked_at"])

    with pytest.raises(services.ForumError) as refused:
        services.post_reply(thread=pa_thread, author=pa, body="More")
    assert refused.value.status == 409


def test_editing_within_the_window_marks_the_post_edited(pa_thread, pa):
    post = pa_thread.posts.get()

    services.post_edit(post=post, author=pa, body="What helped you most?")

    post.refresh_from_db()
    assert post.edited_at is not None
    assert "most" in post.body_html
    assert AuditEvent.objects.filter(action="community.post_edited").exists()


def test_editing_after_the_window_is_refused(pa_thread, pa, settings):
    settings.COMMUNITY_EDIT_WINDOW_MINUTES = 30
    post = pa_thread.posts.get()

    with pytest.raises(services.ForumError) as refused:
        services.post_edit(
            post=post, author=pa, body="Late", now=post.created_at + timedelta(minutes=31)
        )
    assert refused.value.status == 409


def test_nobody_edits_someone_elses_post(pa_thread, other_pa):
    with pytest.raises(services.ForumError):
        services.post_edit(post=pa_thread.posts.get(), author=other_pa, body="Mine now")


def test_the_default_name_is_first_name_and_district_never_the_email(pa):
    assert services.default_community_name(pa) == "Jordan, NE3"


def test_a_chosen_name_is_used_for_new_posts_only(pa_thread, pa):
    services.community_name_set(user=pa, name="  Jordan   R ")
    reply = services.post_reply(thread=pa_thread, author=pa, body="Again")

    assert reply.author_name == "Jordan R"
    assert pa_thread.posts.first().author_name == "Jordan, NE3"


def test_a_name_cannot_be_an_email_address(pa):
    with pytest.raises(services.ForumError, match="email"):
        services.community_name_set(user=pa, name="jordan@example.org")


def test_an_empty_name_goes_back_to_the_default(pa):
    services.community_name_set(user=pa, name="JR")
    services.community_name_set(user=pa, name="")

    assert services.community_name_of(pa) == "Jordan, NE3"
