"""The community's part of a person's data: what they wrote and chose, endorsements and the
feedback they sent (never feedback about them); what deleting an account does; how long
moderators' records and feedback are kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.services import user_delete
from pahub.community.models import (
    CommunityName,
    Endorsement,
    Feedback,
    ModerationAction,
    Post,
    PostReport,
    Suspension,
    Thread,
)
from pahub.community.personal_data import FORMER_MEMBER, REMOVED_POST
from pahub.core.personal_data import registry as personal_data
from pahub.core.retention import apply_rule
from pahub.core.retention import registry as retention
from tests.community.factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pa_post(pa):
    thread = ThreadFactory(author=pa, title="Holiday pay question")
    return PostFactory(thread=thread, author=pa, body="How is holiday pay worked out?")


def feedback(sender, about, **fields) -> Feedback:
    values = {"about_role": "pa", "category": "concern", "text": "Late three times."} | fields
    return Feedback.objects.create(sender=sender, about=about, **values)


def test_posts_and_the_community_name_are_in_the_download(pa, pa_post):
    CommunityName.objects.create(user=pa, name="Jordan from Heaton")
    part = personal_data.export(pa)["community"]
    assert part["community_name"] == "Jordan from Heaton"
    assert [post["text"] for post in part["posts"]] == ["How is holiday pay worked out?"]


def test_feedback_about_a_person_is_never_in_their_download(pa, employer):
    feedback(employer, pa, text="Late three times.")
    assert "Late three times." not in str(personal_data.export(pa))
    (sent,) = personal_data.export(employer)["community"]["feedback_you_sent"]
    assert sent["text"] == "Late three times."


def test_endorsements_are_in_both_peoples_downloads(pa, employer):
    Endorsement.objects.create(pa=pa, employer=employer, status="written", text="Always on time.")
    assert personal_data.export(pa)["community"]["endorsements_you_asked_for"][0]["text"] == (
        "Always on time."
    )
    assert personal_data.export(employer)["community"]["endorsements_asked_of_you"][0]["text"] == (
        "Always on time."
    )


def test_deleting_the_account_keeps_threads_but_not_their_words(pa, pa_post, other_pa):
    reply = PostFactory(thread=pa_post.thread, author=other_pa, body="Ask the support agency.")
    user_delete(user=pa, by=pa)
    pa_post.refresh_from_db()
    assert pa_post.author is None
    assert pa_post.author_name == FORMER_MEMBER
    assert pa_post.body == REMOVED_POST
    assert Thread.objects.get(pk=pa_post.thread_id).author is None
    assert Post.objects.get(pk=reply.pk).body == "Ask the support agency."


def test_deleting_the_account_deletes_endorsements_and_feedback_either_way(pa, employer, other_pa):
    Endorsement.objects.create(pa=pa, employer=employer, status="written", text="Kind.")
    feedback(employer, pa)
    feedback(pa, employer, about_role="employer")
    kept = feedback(employer, other_pa)
    user_delete(user=pa, by=pa)
    assert not Endorsement.objects.exists()
    assert list(Feedback.objects.all()) == [kept]


def test_reports_and_moderation_stay_for_moderators_without_the_person(pa, pa_post, other_pa):
    report = PostReport.objects.create(post=pa_post, reporter=other_pa, reason="other", details="x")
    action = ModerationAction.objects.create(
        zone=pa_post.thread.zone, post=pa_post, person=pa, action="warn", reason="Be kind"
    )
    user_delete(user=other_pa, by=other_pa)
    user_delete(user=pa, by=pa)
    report.refresh_from_db()
    action.refresh_from_db()
    assert (report.reporter, report.details) == (None, "")
    assert action.person is None


def test_moderators_records_go_after_their_time(pa, pa_post, other_pa):
    long_ago = timezone.now() - timedelta(days=800)
    zone = pa_post.thread.zone
    ModerationAction.objects.create(zone=zone, person=pa, action="warn", reason="Be kind")
    ModerationAction.objects.update(created_at=long_ago)
    PostReport.objects.create(post=pa_post, reporter=other_pa, reason="spam", resolved_at=long_ago)
    Suspension.objects.create(zone=zone, user=pa, reason="Abuse", ends_at=long_ago)
    for rule in (
        "community.moderation_actions",
        "community.decided_reports",
        "community.ended_suspensions",
    ):
        assert apply_rule(retention.get(rule)) == 1, rule


def test_private_feedback_goes_after_two_years(pa, employer):
    old = feedback(employer, pa)
    Feedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=731))
    recent = feedback(employer, pa, text="Late again.")
    assert apply_rule(retention.get("community.private_feedback")) == 1
    assert list(Feedback.objects.all()) == [recent]
