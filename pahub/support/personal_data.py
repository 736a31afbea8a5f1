"""Support's part of a person's data: the safeguarding concerns they raised and their requests
for help, with the messages and calls about them.

- **Concerns** belong to the council's safeguarding record, which the council must keep for its
  own duties (Care Act 2014, section 42), so deleting an account keeps each concern without the
  person: the link to whoever raised it, handled it or wrote a note goes. A person's download
  holds the concerns they raised (what they wrote, the status and the outcome they were told),
  never the staff's notes and never a concern about them: every page refuses the person a
  concern is about, and so does the download (docs/safeguarding.md).
- **Requests for help** are the person's own: deleting the account deletes them with their
  messages and calls. An adviser's account going leaves the request to its organisation,
  without the adviser's name.
"""

from typing import Any

from django.db.models import Q

from pahub.core.personal_data import Fate, Step, register
from pahub.support.models import Concern, ConcernNote, HelpCall, HelpMessage, HelpRequest


def iso(value) -> str | None:
    return value.isoformat() if value else None


def export_support(user) -> dict[str, Any] | None:
    requests = (
        HelpRequest.objects.filter(Q(person=user) | Q(on_behalf_of=user))
        .select_related("organisation")
        .prefetch_related("messages", "calls")
        .order_by("created_at")
    )
    exported = {
        "safeguarding_concerns_you_raised": [
            {
                "area": concern.area.name,
                "who": concern.who,
                "what_happened": concern.what_happened,
                "someone_in_danger": concern.in_danger,
                "status": concern.get_status_display(),
                "outcome": concern.outcome,
                "raised_at": iso(concern.created_at),
            }
            # Never one about the person themselves, even if they raised it too.
            for concern in Concern.objects.filter(raiser=user)
            .exclude(about_user=user)
            .select_related("area")
            .order_by("created_at")
        ],
        "requests_for_help": [
            {
                "topic": request.get_topic_display(),
                "what_you_need": request.need,
                "phone": request.phone,
                "call_times": request.call_times,
                "status": request.get_status_display(),
                "helped_by": request.organisation.name if request.organisation_id else None,
                "outcome": request.get_outcome_display() if request.outcome else None,
                "outcome_note": request.outcome_note,
                "did_it_help": request.get_helped_display() if request.helped else None,
                "asked_at": iso(request.created_at),
                "messages": [
                    {
                        "from": "adviser" if message.from_adviser else "you",
                        "text": message.body,
                        "at": iso(message.created_at),
                    }
                    for message in request.messages.all()
                ],
                "calls": [
                    {"at": iso(call.starts_at), "status": call.get_status_display()}
                    for call in request.calls.all()
                ],
            }
            for request in requests
        ],
        "requests_you_advised_on": list(
            HelpRequest.objects.filter(adviser=user).order_by("pk").values_list("pk", flat=True)
        ),
    }
    return exported if any(exported.values()) else None


def erase_support(user) -> None:
    # The account's row stays (accounts.erasure), so its cascades never run: delete here.
    HelpRequest.objects.filter(Q(person=user) | Q(on_behalf_of=user)).delete()
    HelpRequest.objects.filter(adviser=user).update(adviser=None)
    HelpMessage.objects.filter(author=user).update(author=None)
    HelpCall.objects.filter(proposed_by=user).update(proposed_by=None)
    Concern.objects.filter(raiser=user).update(raiser=None, contact_details="")
    Concern.objects.filter(about_user=user).update(about_user=None)
    Concern.objects.filter(handled_by=user).update(handled_by=None)
    ConcernNote.objects.filter(author=user).update(author=None)


register(
    "support",
    models={
        "support.Concern": Fate.KEPT_ANONYMISED,
        "support.ConcernNote": Fate.KEPT_ANONYMISED,
        "support.HelpRequest": Fate.DELETED,
        "support.HelpMessage": Fate.DELETED,
        "support.HelpCall": Fate.DELETED,
    },
    export=export_support,
    erase={Step.RECORDS: erase_support},
)
