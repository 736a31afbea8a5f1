"""The community's part of a person's data: the name they post under, the groups they are in,
what they wrote, what they follow, the posts they reported, any moderation about them, the
endorsements they asked for or wrote, and the private feedback they sent.

Deleting an account deletes what was only theirs (their name for the community, group places,
read marks, subscriptions, suspensions). Their threads and posts stay, so replies and quotes
still make sense, but without them: each post's words are replaced with a note and it shows "a
former member". Reports they made and moderators' records stay for the zone's moderators,
without the person's name. Endorsements go with either person's account (a PA's endorsement
from a deleted employer no longer says who gave it, so it cannot stand). Private feedback goes
when either the sender or the person it was about deletes their account.

Feedback about a person is never in their download: it was sent to staff in confidence, as a
safeguarding-minded record (docs/community-trust.md), and the sender is only ever shown their
own.
"""

from typing import Any

from pahub.community.models import (
    CommunityName,
    Endorsement,
    Feedback,
    GroupMember,
    ModerationAction,
    Post,
    PostReport,
    Subscription,
    Suspension,
    Thread,
    ThreadRead,
    ZoneRead,
)
from pahub.core.personal_data import Fate, Step, register

FORMER_MEMBER = "A former member"
REMOVED_POST = "This post was removed when its author deleted their account."


def iso(value) -> str | None:
    return value.isoformat() if value else None


def export_community(user) -> dict[str, Any] | None:
    name = CommunityName.objects.filter(user=user).first()
    posts = Post.objects.filter(author=user).select_related("thread__zone").order_by("created_at")
    exported = {
        "community_name": name.name if name else None,
        "groups": [
            {"group": member.zone.name, "status": member.get_status_display()}
            for member in GroupMember.objects.filter(user=user).select_related("zone")
        ],
        "posts": [
            {
                "zone": post.thread.zone.name,
                "thread": post.thread.title,
                "posted_at": iso(post.created_at),
                "edited_at": iso(post.edited_at),
                "status": post.get_status_display(),
                "text": post.body,
            }
            for post in posts
        ],
        "following": [
            subscription.thread.title if subscription.thread_id else subscription.zone.name
            for subscription in Subscription.objects.filter(user=user).select_related(
                "thread", "zone"
            )
        ],
        "posts_you_reported": [
            {
                "reason": report.get_reason_display(),
                "details": report.details,
                "at": iso(report.created_at),
                "outcome": report.get_outcome_display() if report.outcome else None,
            }
            for report in PostReport.objects.filter(reporter=user).order_by("created_at")
        ],
        "moderation_about_you": [
            {
                "action": action.get_action_display(),
                "reason": action.reason,
                "at": iso(action.created_at),
            }
            for action in ModerationAction.objects.filter(person=user).order_by("created_at")
        ],
        "suspensions": [
            {"reason": suspension.reason, "until": iso(suspension.ends_at)}
            for suspension in Suspension.objects.filter(user=user).order_by("starts_at")
        ],
    }
    exported |= export_trust(user)
    return exported if any(exported.values()) else None


def export_trust(user) -> dict[str, Any]:
    endorsements = Endorsement.objects.select_related("pa", "employer")
    return {
        "endorsements_you_asked_for": [
            {
                "employer": endorsement.employer.display_name,
                "status": endorsement.get_status_display(),
                "text": endorsement.text,
                "shown_on_your_profile": endorsement.shown,
                "asked_at": iso(endorsement.requested_at),
            }
            for endorsement in endorsements.filter(pa=user).order_by("requested_at")
        ],
        "endorsements_asked_of_you": [
            {
                "pa": endorsement.pa.display_name,
                "status": endorsement.get_status_display(),
                "text": endorsement.text,
                "asked_at": iso(endorsement.requested_at),
            }
            for endorsement in endorsements.filter(employer=user).order_by("requested_at")
        ],
        "feedback_you_sent": [
            {
                "about": feedback.about.display_name,
                "category": feedback.get_category_display(),
                "text": feedback.text,
                "sent_at": iso(feedback.created_at),
            }
            for feedback in Feedback.objects.filter(sender=user)
            .select_related("about")
            .order_by("created_at")
        ],
    }


def erase_community(user) -> None:
    # The account's row stays (accounts.erasure), so its cascades never run: delete here.
    Endorsement.objects.filter(pa=user).delete()
    Endorsement.objects.filter(employer=user).delete()
    Endorsement.objects.filter(written_by=user).update(written_by=None)
    Feedback.objects.filter(sender=user).delete()
    Feedback.objects.filter(about=user).delete()
    Feedback.objects.filter(handled_by=user).update(handled_by=None)
    Post.objects.filter(author=user).update(
        author=None,
        author_name=FORMER_MEMBER,
        body=REMOVED_POST,
        body_html=f"<p>{REMOVED_POST}</p>",
    )
    Thread.objects.filter(author=user).update(author=None)
    PostReport.objects.filter(reporter=user).update(reporter=None, details="")
    PostReport.objects.filter(resolved_by=user).update(resolved_by=None)
    ModerationAction.objects.filter(person=user).update(person=None)
    ModerationAction.objects.filter(moderator=user).update(moderator=None)
    GroupMember.objects.filter(invited_by=user).update(invited_by=None)
    Suspension.objects.filter(by=user).update(by=None)
    Suspension.objects.filter(user=user).delete()
    Subscription.objects.filter(user=user).delete()
    ThreadRead.objects.filter(user=user).delete()
    ZoneRead.objects.filter(user=user).delete()
    GroupMember.objects.filter(user=user).delete()
    CommunityName.objects.filter(user=user).delete()


register(
    "community",
    models={
        "community.CommunityName": Fate.DELETED,
        "community.GroupMember": Fate.DELETED,
        "community.Thread": Fate.KEPT_ANONYMISED,
        "community.Post": Fate.KEPT_ANONYMISED,
        "community.ThreadRead": Fate.DELETED,
        "community.ZoneRead": Fate.DELETED,
        "community.Subscription": Fate.DELETED,
        "community.PostReport": Fate.KEPT_ANONYMISED,
        "community.ModerationAction": Fate.KEPT_ANONYMISED,
        "community.Suspension": Fate.DELETED,
        "community.Endorsement": Fate.DELETED,
        "community.Feedback": Fate.DELETED,
    },
    export=export_community,
    erase={Step.RECORDS: erase_community},
)
