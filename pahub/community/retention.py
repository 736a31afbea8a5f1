"""How long the community keeps the records of moderation (the registry:
pahub/core/retention.py).

Posts stay while the thread does: other people's replies and quotes rely on them, and their
author can delete their account (personal_data.py). What goes on a clock is what moderators
wrote down about people: reports once they are decided, the actions taken, and suspensions
once they are over.
"""

from datetime import datetime

from django.db.models import QuerySet

from pahub.community.models import Feedback, ModerationAction, PostReport, Suspension
from pahub.core import retention


def decided_reports_due(cutoff: datetime) -> QuerySet[PostReport]:
    return PostReport.objects.filter(resolved_at__lt=cutoff)


def moderation_actions_due(cutoff: datetime) -> QuerySet[ModerationAction]:
    return ModerationAction.objects.filter(created_at__lt=cutoff)


def private_feedback_due(cutoff: datetime) -> QuerySet[Feedback]:
    return Feedback.objects.filter(created_at__lt=cutoff)


def ended_suspensions_due(cutoff: datetime) -> QuerySet[Suspension]:
    return Suspension.objects.filter(ends_at__lt=cutoff)


retention.rule(
    name="community.decided_reports",
    model=PostReport,
    what="Community: reports of posts, once a moderator has decided them",
    default_days=365,
    after="after the decision",
    action=retention.Action.DELETE,
    outcome="The report is deleted. A hidden post stays hidden.",
    why=(
        "Moderators look back at recent reports to see whether the same problem keeps coming "
        "up. After a year a decided report no longer helps with that."
    ),
    due=decided_reports_due,
)

retention.rule(
    name="community.moderation_actions",
    model=ModerationAction,
    what="Community: moderators' actions (posts hidden or restored, warnings, suspensions)",
    default_days=730,
    after="after the action",
    action=retention.Action.DELETE,
    outcome="The record of the action is deleted. The audit log keeps its own entry for its own time.",
    why=(
        "A warning or a suspension matters if the same thing happens again soon. After two "
        "years it should no longer count against anyone."
    ),
    due=moderation_actions_due,
)

retention.rule(
    name="community.ended_suspensions",
    model=Suspension,
    what="Community: suspensions from a zone, once they have ended",
    default_days=365,
    after="after the suspension ended",
    action=retention.Action.DELETE,
    outcome="The suspension is deleted.",
    why="Once a suspension is over and a year has passed, there is no reason to keep it.",
    due=ended_suspensions_due,
)

retention.rule(
    name="community.private_feedback",
    model=Feedback,
    what="Community: private feedback about a PA or an employer, sent to your area's staff",
    default_days=730,
    after="after it was sent",
    action=retention.Action.DELETE,
    outcome="The feedback is deleted.",
    why=(
        "Staff look for concerns that repeat within a year, and may need to look back a little "
        "further when they act on one. After two years feedback should no longer count for or "
        "against anyone."
    ),
    due=private_feedback_due,
)
