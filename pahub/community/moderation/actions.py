"""The moderator's actions on one post, as the page and the API offer them: which apply to a
post in its state, the form each needs and the service each calls."""

from collections.abc import Callable
from dataclasses import dataclass

from pahub.accounts.models import User
from pahub.community.models import ModerationAction, Post
from pahub.community.moderation import services
from pahub.community.moderation.forms import ReasonForm, SuspendForm


@dataclass(frozen=True)
class PostAction:
    key: str
    button: str
    label: str
    help_text: str
    reason_required: bool
    done: str

    def form(self, data=None) -> ReasonForm:
        form_class = SuspendForm if self.key == ModerationAction.Action.SUSPEND else ReasonForm
        return form_class(
            data,
            prefix=self.key,
            label=self.label,
            help_text=self.help_text,
            required=self.reason_required,
        )


A = ModerationAction.Action
POST_ACTIONS = {
    action.key: action
    for action in (
        PostAction(
            A.HIDE,
            "Hide the post",
            "Why are you hiding it?",
            "The author reads this on their post and in a notice.",
            True,
            "Post hidden. The author has been told why.",
        ),
        PostAction(
            A.KEEP,
            "Keep the post",
            "Note for other moderators (optional)",
            "The people who reported it are told it was kept, not this note.",
            False,
            "Post kept. The people who reported it have been told.",
        ),
        PostAction(
            A.RELEASE,
            "Publish the post",
            "Note for other moderators (optional)",
            "Kept with the moderation record.",
            False,
            "Post published.",
        ),
        PostAction(
            A.RESTORE,
            "Restore the post",
            "Note for other moderators (optional)",
            "Kept with the moderation record.",
            False,
            "Post restored.",
        ),
        PostAction(
            A.WARN,
            "Send a warning",
            "What should they know?",
            "The author reads this in a notice.",
            True,
            "Warning sent.",
        ),
        PostAction(
            A.SUSPEND,
            "Suspend from the zone",
            "Why are you suspending them?",
            "They read this in a notice and on their suspension page.",
            True,
            "Suspended. They can still read the zone but cannot post.",
        ),
    )
}


def available_actions(post: Post, *, open_report_count: int) -> list[PostAction]:
    """The actions that make sense for the post now."""
    keys = []
    if post.status == Post.Status.HELD:
        keys += [A.RELEASE, A.HIDE]
    elif post.status == Post.Status.HIDDEN:
        keys += [A.RESTORE]
    else:
        keys += [A.HIDE]
        if open_report_count:
            keys += [A.KEEP]
    if post.author_id is not None:
        keys += [A.WARN, A.SUSPEND]
    return [POST_ACTIONS[key] for key in keys]


def perform(*, action: str, post: Post, moderator: User, reason: str, days: int | None = None):
    """Call the one service for the action (the page and the API both come here)."""
    zone = post.thread.zone
    calls: dict[str, Callable[[], object]] = {
        A.HIDE: lambda: services.post_hide(post=post, moderator=moderator, reason=reason),
        A.KEEP: lambda: services.post_keep(post=post, moderator=moderator, reason=reason),
        A.RELEASE: lambda: services.post_release(post=post, moderator=moderator, reason=reason),
        A.RESTORE: lambda: services.post_restore(post=post, moderator=moderator, reason=reason),
        A.WARN: lambda: services.person_warn(
            zone=zone, person=post.author, moderator=moderator, reason=reason, post=post
        ),
        A.SUSPEND: lambda: services.person_suspend(
            zone=zone,
            person=post.author,
            moderator=moderator,
            reason=reason,
            days=days,
            post=post,
        ),
    }
    if action not in calls:
        raise services.ModerationError("Choose an action", field="action", status=400)
    return calls[action]()
