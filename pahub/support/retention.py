"""How long support keeps concerns and requests for help (the registry:
pahub/core/retention.py).
"""

from datetime import datetime

from django.db.models import QuerySet

from pahub.core import retention
from pahub.support.models import Concern, HelpRequest


def closed_help_requests_due(cutoff: datetime) -> QuerySet[HelpRequest]:
    return HelpRequest.objects.filter(closed_at__lt=cutoff)


def closed_concerns_due(cutoff: datetime) -> QuerySet[Concern]:
    return Concern.objects.filter(closed_at__lt=cutoff)


retention.rule(
    name="support.closed_help_requests",
    model=HelpRequest,
    what="Support: your requests for help, with their messages and calls",
    default_days=730,
    after="after the request was closed",
    action=retention.Action.DELETE,
    outcome="The request, its messages and calls are deleted.",
    why=(
        "If the same problem comes back within two years, the organisation that helped can see "
        "what was said and done. After that it is no longer needed."
    ),
    due=closed_help_requests_due,
)

retention.rule(
    name="support.closed_concerns",
    model=Concern,
    what="Safeguarding: concerns raised through PA Hub, once the council has closed them",
    default_days=6 * 365,
    after="after the council closed the concern",
    action=retention.Action.DELETE,
    outcome=(
        "PA Hub's copy of the concern and the staff's notes on it are deleted. The council "
        "keeps its own safeguarding record, for as long as its own rules say."
    ),
    why=(
        "A safeguarding concern may matter again if something else happens later, so PA Hub "
        "keeps it for six years after it was closed, in line with how long councils commonly "
        "keep adult safeguarding enquiries that did not go further."
    ),
    due=closed_concerns_due,
)
