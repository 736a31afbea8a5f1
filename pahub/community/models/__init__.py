"""The community's data, one module per part (docs/community.md)."""

from pahub.community.models.moderation import ModerationAction, PostReport, Suspension
from pahub.community.models.trust import Endorsement, Feedback
from pahub.community.models.zones import (
    CommunityName,
    GroupMember,
    Post,
    Subscription,
    Thread,
    ThreadRead,
    Zone,
    ZoneRead,
)

__all__ = [
    "CommunityName",
    "Endorsement",
    "Feedback",
    "GroupMember",
    "ModerationAction",
    "Post",
    "PostReport",
    "Subscription",
    "Suspension",
    "Thread",
    "ThreadRead",
    "Zone",
    "ZoneRead",
]
