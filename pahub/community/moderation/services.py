"""Every write of community moderation: one function per action.

Each moderator's action saves one `ModerationAction` row and one audit event in the same
transaction, and tells the people it concerns with a notice: the author why their post was
hidden, a warned or suspended person why, and the people who reported a post what was decided.
No notice ever names the moderator. Posts' counts are kept in step by `thread_refresh`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from pahub.accounts.models import User
from pahub.community import notices
from pahub.community.models import ModerationAction, Post, PostReport, Suspension, Zone
from pahub.community.permissions import can_moderate_zone, is_suspended
from pahub.community.threads import thread_refresh
from pahub.core import audit
from pahub.notifications.services import notify, notify_many

REASON_MAX_LENGTH = 2000
REPORT_DETAILS_MAX_LENGTH = 2000
SUSPENSION_MAX_DAYS = 365


@dataclass
class ModerationError(Exception):
    """An action refused: `message` for the person, `field` where it belongs on a form;
    `status` for the API (400 bad input, 409 the post has moved on)."""

    message: str
    field: str | None = None
    status: int = 409


def clean_reason(reason: str, *, required: bool, field: str = "reason") -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ModerationError("Enter the reason", field=field, status=400)
    if len(reason) > REASON_MAX_LENGTH:
        raise ModerationError(
            f"The reason must be {REASON_MAX_LENGTH:,} characters or fewer",
            field=field,
            status=400,
        )
    return reason


def when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def record_action(
    *,
    action: str,
    zone: Zone,
    moderator: User,
    reason: str,
    post: Post | None = None,
    person: User | None = None,
    target=None,
) -> ModerationAction:
    row = ModerationAction.objects.create(
        zone=zone, post=post, person=person, moderator=moderator, action=action, reason=reason
    )
    audit.record(
        moderator,
        f"community.moderation.{action}",
        target if target is not None else (post or row),
        zone=zone.slug,
        person=person.pk if person is not None else None,
        moderation_action=row.pk,
    )
    return row


def open_reports(post: Post):
    return PostReport.objects.filter(post=post, resolved_at__isnull=True)


def settle_reports(*, post: Post, moderator: User, outcome: str) -> int:
    """Close every open report of the post with the outcome and tell each reporter what was
    decided (never by whom). Returns how many people were told."""
    reports = list(open_reports(post).select_related("reporter"))
    now = timezone.now()
    PostReport.objects.filter(pk__in=[report.pk for report in reports]).update(
        resolved_at=now, resolved_by=moderator, outcome=outcome
    )
    reporters = [report.reporter for report in reports if report.reporter is not None]
    if not reporters:
        return 0
    decided = PostReport.Outcome(outcome).label
    notify_many(
        reporters,
        notices.REPORT_OUTCOME.key,
        title=f"The post you reported in {post.thread.zone.name}: {decided.lower()}",
        body=(
            f"Thank you for reporting a post in “{post.thread.title}”. A moderator looked at "
            f"it. {decided}."
        ),
        now=now,
    )
    return len(reporters)


# Reporting.


@transaction.atomic
def report_create(*, post: Post, reporter: User, reason: str, details: str) -> PostReport:
    """A member reports a published post. One open report per person per post."""
    if post.author_id == reporter.pk:
        raise ModerationError("You cannot report your own post", field="reason", status=400)
    if reason not in PostReport.Reason.values:
        raise ModerationError("Select why you are reporting this post", field="reason", status=400)
    details = (details or "").strip()
    if len(details) > REPORT_DETAILS_MAX_LENGTH:
        raise ModerationError(
            f"Details must be {REPORT_DETAILS_MAX_LENGTH:,} characters or fewer",
            field="details",
            status=400,
        )
    if open_reports(post).filter(reporter=reporter).exists():
        raise ModerationError(
            "You have already reported this post. A moderator will look at it soon."
        )
    try:
        with transaction.atomic():
            report = PostReport.objects.create(
                post=post, reporter=reporter, reason=reason, details=details
            )
    except IntegrityError:
        # Two reports sent at once: the constraint keeps one.
        raise ModerationError(
            "You have already reported this post. A moderator will look at it soon."
        ) from None
    audit.record(reporter, "community.post_reported", post, reason=reason)
    return report


# Actions on a post.


@transaction.atomic
def post_hide(*, post: Post, moderator: User, reason: str) -> Post:
    """Hide a post from everyone but its author and the moderators; the author reads why."""
    reason = clean_reason(reason, required=True)
    if post.status == Post.Status.HIDDEN:
        raise ModerationError("This post is already hidden.")
    post.status = Post.Status.HIDDEN
    post.hidden_reason = reason
    post.save(update_fields=["status", "hidden_reason"])
    thread_refresh(post.thread)
    record_action(
        action=ModerationAction.Action.HIDE,
        zone=post.thread.zone,
        moderator=moderator,
        reason=reason,
        post=post,
        person=post.author,
    )
    settle_reports(post=post, moderator=moderator, outcome=PostReport.Outcome.HIDDEN)
    if post.author is not None:
        notify(
            post.author,
            notices.POST_HIDDEN.key,
            title=f"A moderator hid your post in “{post.thread.title}”",
            body=f"The reason they gave: {reason}",
            url=reverse("community:moderation:about_you"),
        )
    return post


@transaction.atomic
def post_restore(*, post: Post, moderator: User, reason: str = "") -> Post:
    """Show a hidden post again (it was hidden by mistake, or the author put it right)."""
    reason = clean_reason(reason, required=False)
    if post.status != Post.Status.HIDDEN:
        raise ModerationError("Only a hidden post can be restored.")
    post.status = Post.Status.PUBLISHED
    post.hidden_reason = ""
    post.save(update_fields=["status", "hidden_reason"])
    thread_refresh(post.thread)
    record_action(
        action=ModerationAction.Action.RESTORE,
        zone=post.thread.zone,
        moderator=moderator,
        reason=reason,
        post=post,
        person=post.author,
    )
    return post


@transaction.atomic
def post_release(*, post: Post, moderator: User, reason: str = "") -> Post:
    """Publish a post that screening held."""
    reason = clean_reason(reason, required=False)
    if post.status != Post.Status.HELD:
        raise ModerationError("Only a held post can be published.")
    post.status = Post.Status.PUBLISHED
    post.held_reason = ""
    post.save(update_fields=["status", "held_reason"])
    thread_refresh(post.thread)
    record_action(
        action=ModerationAction.Action.RELEASE,
        zone=post.thread.zone,
        moderator=moderator,
        reason=reason,
        post=post,
        person=post.author,
    )
    return post


@transaction.atomic
def post_keep(*, post: Post, moderator: User, reason: str = "") -> Post:
    """Decide that a reported post does not break the rules: its open reports are closed."""
    reason = clean_reason(reason, required=False)
    if not open_reports(post).exists():
        raise ModerationError("This post has no open reports to decide.")
    record_action(
        action=ModerationAction.Action.KEEP,
        zone=post.thread.zone,
        moderator=moderator,
        reason=reason,
        post=post,
        person=post.author,
    )
    settle_reports(post=post, moderator=moderator, outcome=PostReport.Outcome.KEPT)
    return post


# Actions about a person in one zone.


def check_person(*, zone: Zone, person: User | None, moderator: User) -> User:
    if person is None:
        raise ModerationError("The person who wrote this post has deleted their account.")
    if person.pk == moderator.pk:
        raise ModerationError("You cannot do this to yourself.")
    if can_moderate_zone(person, zone):
        raise ModerationError("This person is a moderator of the zone.")
    return person


@transaction.atomic
def person_warn(*, zone: Zone, person: User | None, moderator: User, reason: str, post=None):
    """Tell someone their post or behaviour is not acceptable, and why."""
    reason = clean_reason(reason, required=True)
    person = check_person(zone=zone, person=person, moderator=moderator)
    action = record_action(
        action=ModerationAction.Action.WARN,
        zone=zone,
        moderator=moderator,
        reason=reason,
        post=post,
        person=person,
        target=post,
    )
    notify(
        person,
        notices.WARNING.key,
        title=f"A warning from the moderators of {zone.name}",
        body=(
            f"{reason}\n\nPlease keep to the community rules. Moderators may hide posts or "
            "stop someone posting for a while if this happens again."
        ),
        url=reverse("community:moderation:about_you"),
    )
    return action


@transaction.atomic
def person_suspend(
    *, zone: Zone, person: User | None, moderator: User, reason: str, days: int, post=None
) -> Suspension:
    """Stop someone posting in one zone for some days; they can still read it."""
    reason = clean_reason(reason, required=True)
    if not isinstance(days, int) or not 1 <= days <= SUSPENSION_MAX_DAYS:
        raise ModerationError(
            f"Enter a number of days from 1 to {SUSPENSION_MAX_DAYS}", field="days", status=400
        )
    person = check_person(zone=zone, person=person, moderator=moderator)
    now = timezone.now()
    if is_suspended(person, zone, now=now):
        raise ModerationError(
            "This person is already suspended from the zone. Lift that suspension first to "
            "change it."
        )
    suspension = Suspension.objects.create(
        zone=zone,
        user=person,
        reason=reason,
        starts_at=now,
        ends_at=now + timedelta(days=days),
        by=moderator,
    )
    record_action(
        action=ModerationAction.Action.SUSPEND,
        zone=zone,
        moderator=moderator,
        reason=reason,
        post=post,
        person=person,
        target=suspension,
    )
    notify(
        person,
        notices.SUSPENDED.key,
        title=f"You cannot post in {zone.name} until {when(suspension.ends_at)}",
        body=f"The moderators' reason: {reason}\n\nYou can still read the zone.",
        url=reverse("community:moderation:suspension", args=[suspension.pk]),
    )
    return suspension


@transaction.atomic
def suspension_lift(*, suspension: Suspension, moderator: User, reason: str = "") -> Suspension:
    reason = clean_reason(reason, required=False)
    now = timezone.now()
    if suspension.lifted_at is not None or suspension.ends_at <= now:
        raise ModerationError("This suspension has already ended.")
    suspension.lifted_at = now
    suspension.save(update_fields=["lifted_at"])
    record_action(
        action=ModerationAction.Action.LIFT,
        zone=suspension.zone,
        moderator=moderator,
        reason=reason,
        person=suspension.user,
        target=suspension,
    )
    notify(
        suspension.user,
        notices.SUSPENDED.key,
        title=f"You can post in {suspension.zone.name} again",
        body="A moderator lifted your suspension.",
        url=reverse("community:moderation:suspension", args=[suspension.pk]),
    )
    return suspension
