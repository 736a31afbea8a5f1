"""The new-posts digest: one notice per person per run, whatever the number of threads and
posts; never the words unless the person asked; nothing they wrote themselves; nothing from
a zone they may no longer see; and nothing twice."""

from datetime import timedelta

from django.utils import timezone

from pahub.community.forum import services
from pahub.community.forum.digest import community_digest_send
from pahub.community.models import GroupMember, Subscription
from pahub.notifications.models import Notice


def digests_for(user):
    return list(Notice.objects.filter(recipient=user, kind="community.new_posts"))


def test_one_notice_sums_up_every_followed_thread(zones, pa, other_pa, outsider):
    first = services.thread_start(zone=zones["pas"], author=pa, title="Shifts", body="A").thread
    second = services.thread_start(zone=zones["pas"], author=pa, title="Tax", body="B").thread
    later = timezone.now() + timedelta(seconds=1)
    services.post_reply(thread=first, author=other_pa, body="One", now=later)
    services.post_reply(thread=first, author=outsider, body="Two", now=later + timedelta(seconds=1))
    services.post_reply(thread=second, author=other_pa, body="Three", now=later)

    sent = community_digest_send(now=later + timedelta(seconds=2))

    notices = digests_for(pa)
    assert len(notices) == 1
    assert notices[0].title == "3 new posts in 2 threads you follow"
    assert "“Shifts” in PA zone: 2 new posts" in notices[0].body
    assert "“Tax” in PA zone: 1 new post" in notices[0].body
    assert "One" not in notices[0].body
    # Replying follows the thread: Chris hears of Oscar's later reply; Oscar of nothing.
    assert sent == 2
    assert "“Shifts” in PA zone: 1 new post" in digests_for(other_pa)[0].body
    assert digests_for(outsider) == []


def test_the_words_are_included_only_when_asked(zones, pa, other_pa):
    thread = services.thread_start(zone=zones["pas"], author=pa, title="Shifts", body="A").thread
    services.thread_subscribe(user=pa, thread=thread, include_text=True)
    later = timezone.now() + timedelta(seconds=1)
    services.post_reply(thread=thread, author=other_pa, body="Try a rota app", now=later)

    community_digest_send(now=later + timedelta(seconds=1))

    assert "Chris, DH1: Try a rota app" in digests_for(pa)[0].body


def test_nothing_is_sent_twice_or_about_ones_own_posts(zones, pa, other_pa):
    thread = services.thread_start(zone=zones["pas"], author=pa, title="Shifts", body="A").thread
    later = timezone.now() + timedelta(seconds=1)
    services.post_reply(thread=thread, author=other_pa, body="Reply", now=later)

    community_digest_send(now=later + timedelta(seconds=1))
    community_digest_send(now=later + timedelta(seconds=2))

    assert len(digests_for(pa)) == 1
    assert digests_for(other_pa) == []
    assert Subscription.objects.get(user=pa).notified_up_to == later + timedelta(seconds=1)


def test_held_posts_are_not_in_the_digest(zones, pa, other_pa, monkeypatch):
    from pahub.community.moderation import screening

    thread = services.thread_start(zone=zones["pas"], author=pa, title="Shifts", body="A").thread
    monkeypatch.setattr(screening, "hold_reason", lambda *, author, text: "Held")
    later = timezone.now() + timedelta(seconds=1)
    services.post_reply(thread=thread, author=other_pa, body="Reply", now=later)

    assert community_digest_send(now=later + timedelta(seconds=1)) == 0


def test_someone_who_left_a_group_hears_nothing_more(invitation_group, pa, other_pa):
    group = invitation_group
    for member in (pa, other_pa):
        GroupMember.objects.create(zone=group, user=member, status=GroupMember.Status.MEMBER)
    thread = services.thread_start(zone=group, author=pa, title="Walk", body="Sunday?").thread
    GroupMember.objects.filter(user=pa).update(status=GroupMember.Status.LEFT)
    later = timezone.now() + timedelta(seconds=1)
    services.post_reply(thread=thread, author=other_pa, body="Yes", now=later)

    community_digest_send(now=later + timedelta(seconds=1))

    assert digests_for(pa) == []


def test_the_job_is_registered_and_quiet_when_idle(db):
    from pahub.community.periodic import send_community_digests

    outcome = send_community_digests()

    assert outcome.idle
