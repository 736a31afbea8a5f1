"""The kinds of notice the community sends (pahub/notifications/registry.py finds this
module). Each part of the community adds its own block of kinds here, under its own group.
"""

from pahub.notifications.registry import register_kind

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
