"""The kinds of notice the community sends (pahub/notifications/registry.py finds this
module). Each part of the community adds its kinds here.

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
