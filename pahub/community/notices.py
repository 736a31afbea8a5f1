"""The kinds of notice the community sends (pahub/notifications/registry.py finds this
module). Each part of the community adds its own kinds here, one block each.

New posts default to the daily digest: a forum is not urgent, and one email a day about the
threads someone follows is plenty.
"""

from pahub.notifications.registry import Channel, register_kind

GROUP = "Community"

NEW_POSTS = register_kind(
    "community.new_posts",
    group=GROUP,
    label="New posts in threads you follow",
    default=Channel.DIGEST,
    hint="We name the thread and how many new posts; the words only if you ask on the thread.",
)
GROUP_INVITATION = register_kind(
    "community.group_invitation",
    group=GROUP,
    label="An organisation invited you to a community group",
)

MODERATION_GROUP = "Community moderation"

# Moderation (pahub/community/moderation/services.py).
POST_HIDDEN = register_kind(
    "community.post_hidden",
    group=MODERATION_GROUP,
    label="A moderator hid one of your community posts, and why",
)
WARNING = register_kind(
    "community.warning",
    group=MODERATION_GROUP,
    label="A moderator warned you about something you posted in the community",
)
SUSPENDED = register_kind(
    "community.suspended",
    group=MODERATION_GROUP,
    label="You may not post in a community zone for a while, or may again",
    required=True,
    reason="you need to know why you cannot post, and until when.",
)
REPORT_OUTCOME = register_kind(
    "community.report_outcome",
    group=MODERATION_GROUP,
    label="What moderators decided about a post you reported",
)

# Trust: endorsements and private feedback (pahub/community/trust/).

TRUST_GROUP = "Endorsements and feedback"

ENDORSEMENT_REQUESTED = register_kind(
    "community.endorsement_requested",
    group=TRUST_GROUP,
    label="A PA who worked for you asks for a short endorsement",
)
ENDORSEMENT_ANSWERED = register_kind(
    "community.endorsement_answered",
    group=TRUST_GROUP,
    label="An employer wrote the endorsement you asked for, or said no",
)
FEEDBACK_REPEATED_CONCERNS = register_kind(
    "community.feedback_repeated_concerns",
    group=TRUST_GROUP,
    label="Staff: several people raised concerns about the same person in your area",
    required=True,
    reason="repeated concerns about someone may mean a person is at risk, so staff serving "
    "the area must know.",
)
