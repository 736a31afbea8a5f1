"""How long staff invitations and withdrawn consents are kept (the registry:
pahub/core/retention.py)."""

from datetime import datetime

from django.db.models import QuerySet

from pahub.accounts.models import OrganisationConsent, StaffInvitation
from pahub.core import retention


def unused_invitations_due(cutoff: datetime) -> QuerySet[StaffInvitation]:
    return StaffInvitation.objects.filter(accepted_at__isnull=True, expires_at__lt=cutoff)


def withdrawn_consents_due(cutoff: datetime) -> QuerySet[OrganisationConsent]:
    return OrganisationConsent.objects.filter(withdrawn_at__lt=cutoff)


retention.rule(
    name="accounts.unused_staff_invitations",
    model=StaffInvitation,
    what="Invitations to join an organisation's staff that were never accepted",
    default_days=30,
    after="after the invitation expired",
    action=retention.Action.DELETE,
    outcome="The invitation, with the email address it was sent to, is deleted.",
    why=(
        "The person never joined, so we do not need their email address. A month lets the "
        "organisation see that the invitation ran out and send another."
    ),
    due=unused_invitations_due,
)

retention.rule(
    name="accounts.withdrawn_consents",
    model=OrganisationConsent,
    what="Agreements, now withdrawn, that an organisation's staff could act for you",
    default_days=6 * 365,
    after="after the agreement was withdrawn",
    action=retention.Action.DELETE,
    outcome="The record of the agreement is deleted.",
    # The record shows staff acted only with the person's agreement: as long as the audit log.
    why=(
        "The record shows that staff only acted for you while you agreed. We keep it as long "
        "as the audit log, for the same reason."
    ),
    due=withdrawn_consents_due,
)
