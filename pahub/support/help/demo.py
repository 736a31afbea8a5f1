"""The demo's request for help, made through the services like any other: Margaret, an
employer in North Tyneside, asked about her PA's holiday, and the support agency's worker
picked it up and answered. It shows the person's thread and the staff queue in `make run`."""

from pahub.accounts.models import Organisation, User
from pahub.support.help.services import (
    HelpInput,
    help_message_add,
    help_request_create,
    help_request_pick_up,
)
from pahub.support.models import HelpRequest

NEED = (
    "My PA has asked to carry over five days of holiday into next year. I want to be fair to "
    "her, but I do not know what the rules are or what I should write down."
)
ANSWER = (
    "Thank you for asking. You can agree to carry over holiday, and it is best to write down "
    "how many days and by when they must be taken, so you both know. I can send you a short "
    "letter template. Would that help?"
)


def demo_extension(*, people: dict[str, User]) -> None:
    """Margaret's request, picked up and answered once; left alone if it exists."""
    margaret = people.get("employer.margaret")
    adviser = people.get("verifier.twils")
    if margaret is None or adviser is None:
        return
    if HelpRequest.objects.filter(person=margaret).exists():
        return
    organisation = Organisation.objects.filter(memberships__user=adviser).first()
    if organisation is None:
        return
    help_request = help_request_create(
        person=margaret,
        values=HelpInput(topic=HelpRequest.Topic.CONTRACT, need=NEED, contact_by="messages"),
    )
    help_request_pick_up(help_request=help_request, organisation=organisation, by=adviser)
    help_message_add(help_request=help_request, author=adviser, body=ANSWER)
