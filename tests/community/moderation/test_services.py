"""Every moderator's action: its ModerationAction row, its audit record, the notices it sends
(never naming the moderator), and what it does to posts, threads and posting."""

import pytest

from pahub.community.models import ModerationAction, Post, PostReport, Suspension
from pahub.community.moderation import services
from pahub.community.moderation.actions import perform
from pahub.community.permissions import may_post_in_zone
from pahub.core.models import AuditEvent
from pahub.notifications.models import Notice
from tests.community.factories import PostFactory

A = ModerationAction.Action


def report(post, reporter, reason=PostReport.Reason.UNKIND):
    return services.report_create(post=post, reporter=reporter, reason=reason, details="Rude.")


def prepare(action, post, moderator):
    """Put the post in the state the action needs."""
    if action == A.RELEASE:
        Post.objects.filter(pk=post.pk).update(status=Post.Status.HELD, held_reason="Words")
    if action == A.RESTORE:
        services.post_hide(post=post, moderator=moderator, reason="Unkind")
    post.refresh_from_db()


@pytest.mark.parametrize("action", [A.HIDE, A.KEEP, A.RELEASE, A.RESTORE, A.WARN, A.SUSPEND])
def test_every_action_on_a_post_saves_a_record_and_an_audit_event(action, post, moderator, pa):
    report(post, pa)
    prepare(action, post, moderator)
    before = AuditEvent.objects.count()
    perform(action=action, post=post, moderator=moderator, reason="Be kind.", days=7)
    row = ModerationAction.objects.filter(action=action).latest("pk")
    assert row.moderator == moderator
    assert row.zone == post.thread.zone
    assert row.person == post.author
    event = AuditEvent.objects.filter(action=f"community.moderation.{action}").latest("pk")
    assert event.actor == moderator
    assert event.detail["moderation_action"] == row.pk
    assert AuditEvent.objects.count() > before


def test_lifting_a_suspension_saves_a_record_and_an_audit_event(post, moderator, employer):
    suspension = services.person_suspend(
        zone=post.thread.zone, person=employer, moderator=moderator, reason="Abuse", days=3
    )
    services.suspension_lift(suspension=suspension, moderator=moderator)
    assert ModerationAction.objects.filter(action=A.LIFT, person=employer).exists()
    assert AuditEvent.objects.filter(action="community.moderation.lift", actor=moderator).exists()
    suspension.refresh_from_db()
    assert suspension.lifted_at is not None
    assert may_post_in_zone(employer, post.thread.zone)


@pytest.mark.parametrize(
    ("action", "outcome"), [(A.HIDE, PostReport.Outcome.HIDDEN), (A.KEEP, PostReport.Outcome.KEPT)]
)
def test_reporters_are_told_the_outcome_but_not_who_decided(
    action, outcome, post, moderator, pa, representative
):
    report(post, pa)
    report(post, representative, reason=PostReport.Reason.DISCRIMINATION)
    perform(action=action, post=post, moderator=moderator, reason="Decided.")
    for reporter in (pa, representative):
        notice = Notice.objects.get(recipient=reporter, kind="community.report_outcome")
        assert PostReport.Outcome(outcome).label.lower() in notice.title.lower()
        assert moderator.full_name not in f"{notice.title} {notice.body}"
        assert moderator.email not in f"{notice.title} {notice.body}"
    assert not PostReport.objects.filter(post=post, resolved_at__isnull=True).exists()
    assert set(PostReport.objects.values_list("outcome", flat=True)) == {outcome}


def test_hiding_tells_the_author_why_and_shows_it_on_the_post(post, moderator, employer):
    services.post_hide(post=post, moderator=moderator, reason="Please be kind to other members.")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert post.hidden_reason == "Please be kind to other members."
    notice = Notice.objects.get(recipient=employer, kind="community.post_hidden")
    assert "Please be kind to other members." in notice.body
    assert moderator.full_name not in notice.body


def test_hiding_needs_a_reason(post, moderator):
    with pytest.raises(services.ModerationError) as refused:
        services.post_hide(post=post, moderator=moderator, reason="  ")
    assert refused.value.field == "reason"
    assert not ModerationAction.objects.exists()


def test_hiding_and_restoring_keep_the_thread_counts_in_step(thread, employer, pa, moderator):
    PostFactory(thread=thread, author=employer)
    reply = PostFactory(thread=thread, author=pa)
    services.post_hide(post=reply, moderator=moderator, reason="Off topic")
    thread.refresh_from_db()
    assert thread.reply_count == 0
    services.post_restore(post=reply, moderator=moderator)
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_publishing_a_held_post_counts_it(thread, employer, pa, moderator):
    PostFactory(thread=thread, author=employer)
    held = PostFactory(thread=thread, author=pa, status=Post.Status.HELD, held_reason="Words")
    services.post_release(post=held, moderator=moderator)
    held.refresh_from_db()
    thread.refresh_from_db()
    assert (held.status, held.held_reason, thread.reply_count) == (Post.Status.PUBLISHED, "", 1)


def test_a_suspension_stops_posting_but_not_reading_until_it_ends(post, moderator, employer):
    zone = post.thread.zone
    assert may_post_in_zone(employer, zone)
    suspension = services.person_suspend(
        zone=zone, person=employer, moderator=moderator, reason="Repeated abuse", days=7
    )
    assert not may_post_in_zone(employer, zone)
    from pahub.community.permissions import may_see_zone

    assert may_see_zone(employer, zone)
    notice = Notice.objects.get(recipient=employer, kind="community.suspended")
    assert "Repeated abuse" in notice.body
    assert str(suspension.pk) in notice.url


def test_warning_sends_the_reason(post, moderator, employer):
    services.person_warn(
        zone=post.thread.zone, person=employer, moderator=moderator, reason="Mind your words."
    )
    assert (
        "Mind your words." in Notice.objects.get(recipient=employer, kind="community.warning").body
    )


def test_a_moderator_cannot_be_suspended_from_their_own_zone(zone, moderator, org_admin):
    with pytest.raises(services.ModerationError):
        services.person_suspend(
            zone=zone, person=org_admin, moderator=moderator, reason="No", days=1
        )
    assert not Suspension.objects.exists()


def test_suspending_twice_is_refused(zone, moderator, employer):
    services.person_suspend(zone=zone, person=employer, moderator=moderator, reason="A", days=1)
    with pytest.raises(services.ModerationError):
        services.person_suspend(zone=zone, person=employer, moderator=moderator, reason="B", days=1)


@pytest.mark.parametrize("days", [0, -1, 366, None])
def test_suspension_days_must_be_sensible(zone, moderator, employer, days):
    with pytest.raises(services.ModerationError) as refused:
        services.person_suspend(
            zone=zone, person=employer, moderator=moderator, reason="A", days=days
        )
    assert refused.value.field == "days"


def test_one_open_report_per_person_per_post(post, pa):
    report(post, pa)
    with pytest.raises(services.ModerationError):
        report(post, pa)
    assert PostReport.objects.count() == 1
    assert AuditEvent.objects.filter(action="community.post_reported", actor=pa).count() == 1


def test_nobody_reports_their_own_post(post, employer):
    with pytest.raises(services.ModerationError):
        report(post, employer)


def test_keeping_a_post_without_reports_is_refused(post, moderator):
    with pytest.raises(services.ModerationError):
        services.post_keep(post=post, moderator=moderator)


def test_current_suspension_is_the_one_in_force(zone, moderator, employer):
    from pahub.community.moderation.queries import current_suspension

    assert current_suspension(employer, zone) is None
    suspension = services.person_suspend(
        zone=zone, person=employer, moderator=moderator, reason="A", days=2
    )
    assert current_suspension(employer, zone) == suspension
    services.suspension_lift(suspension=suspension, moderator=moderator)
    assert current_suspension(employer, zone) is None
