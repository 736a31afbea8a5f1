"""Changing requests for help: one function per action, called by the pages and the API.

Two advisers can never pick up the same request. Picking up is one conditional UPDATE
(`WHERE status = 'waiting'`): the database applies it to the row once, so of two advisers
pressing at the same moment exactly one changes the row and the other changes nothing and is
told someone else has it. It needs no lock held across the request and works the same on
PostgreSQL and SQLite.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Membership, Organisation, User
from pahub.core import audit
from pahub.cover.times import to_local
from pahub.notifications.services import notify, notify_many
from pahub.support.help.queries import area_for, serving_organisations, staff_of
from pahub.support.models import HelpCall, HelpMessage, HelpRequest
from pahub.support.notices import (
    HELP_CALL,
    HELP_CLOSED,
    HELP_PICKED_UP,
    HELP_REPLY,
    HELP_REQUEST_ARRIVED,
)

NEED_LIMIT = 5000
MESSAGE_LIMIT = 5000


class HelpError(Exception):
    """Why a request for help could not be changed, in words for the person who tried."""

    message = "This could not be done."
    # The API answers 409 for a state that no longer allows the action.
    status = 409

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.message
        super().__init__(self.message)


class AlreadyPickedUp(HelpError):
    message = "Someone else has already picked up this request."


class NoHelpInArea(HelpError):
    message = (
        "No support organisation on PA Hub works in your area yet, so nobody here could "
        "pick up your request."
    )


class HelpInputError(ValueError):
    """Answers that break the rules of a request, each message for its field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        self.field = next(iter(problems))
        self.message = problems[self.field]
        super().__init__(f"{self.field}: {self.message}")


@dataclass(frozen=True)
class HelpInput:
    """What a person says they need, from the form or the API."""

    topic: str
    need: str
    contact_by: str
    phone: str = ""
    call_times: str = ""


def help_problems(values: HelpInput) -> dict[str, str]:
    """What is wrong with a request's answers, field by field; the form and the API both
    show these messages."""
    problems: dict[str, str] = {}
    if values.topic not in HelpRequest.Topic.values:
        problems["topic"] = "Choose what you need help with"
    if not values.need.strip():
        problems["need"] = "Tell us what you need help with"
    elif len(values.need) > NEED_LIMIT:
        problems["need"] = f"What you need must be {NEED_LIMIT:,} characters or fewer"
    if values.contact_by not in HelpRequest.ContactBy.values:
        problems["contact_by"] = "Choose how you would like to be contacted"
    elif values.contact_by == HelpRequest.ContactBy.PHONE and not values.phone.strip():
        problems["phone"] = "Enter the phone number to call you on"
    if len(values.phone) > 30:
        problems["phone"] = "Enter a phone number of 30 characters or fewer"
    if len(values.call_times) > 300:
        problems["call_times"] = "The times that suit you must be 300 characters or fewer"
    return problems


@transaction.atomic
def help_request_create(
    *, person: User, values: HelpInput, on_behalf_of: User | None = None
) -> HelpRequest:
    """Ask for help; every support organisation serving the area hears about it."""
    problems = help_problems(values)
    if problems:
        raise HelpInputError(problems)
    area = area_for(person, on_behalf_of=on_behalf_of)
    organisations = serving_organisations(area)
    if area is None or not organisations.exists():
        raise NoHelpInArea
    phone_call = values.contact_by == HelpRequest.ContactBy.PHONE
    help_request = HelpRequest.objects.create(
        person=person,
        on_behalf_of=on_behalf_of,
        topic=values.topic,
        need=values.need.strip(),
        contact_by=values.contact_by,
        phone=values.phone.strip() if phone_call else "",
        call_times=values.call_times.strip() if phone_call else "",
        area=area,
    )
    audit.record(person, "help_request.created", help_request, area=area.name)
    title = f"Someone in {area.name} asked for help: {help_request.get_topic_display()}"
    body = "Pick it up from your organisation's queue of requests for help."
    notify_many(
        list(staff_of(organisations)),
        HELP_REQUEST_ARRIVED.key,
        title=title,
        body=body,
        url=help_request_path(help_request),
        email_for=lambda _user: (title, f"{body}\n\n{help_request_url(help_request)}"),
    )
    return help_request


@transaction.atomic
def help_request_pick_up(
    *, help_request: HelpRequest, organisation: Organisation, by: User
) -> HelpRequest:
    """Take a waiting request on for one organisation, with `by` as the adviser."""
    if not Membership.objects.filter(user=by, organisation=organisation).exists():
        raise HelpError("You can only pick up a request for an organisation you work for.")
    if not serving_organisations(help_request.area).filter(pk=organisation.pk).exists():
        raise HelpError(f"{organisation.name} does not work in {help_request.area.name}.")
    now = timezone.now()
    changed = HelpRequest.objects.filter(
        pk=help_request.pk, status=HelpRequest.Status.WAITING
    ).update(
        status=HelpRequest.Status.HELPING,
        organisation=organisation,
        adviser=by,
        picked_up_at=now,
        last_activity_at=now,
    )
    if not changed:
        raise AlreadyPickedUp
    help_request.refresh_from_db()
    audit.record(by, "help_request.picked_up", help_request, organisation=organisation.name)
    title = f"{organisation.name} is helping with your request"
    body = f"{by.display_name} from {organisation.name} picked up your request for help."
    for user in askers(help_request):
        notify(
            user,
            HELP_PICKED_UP.key,
            title=title,
            body=body,
            url=help_request_path(help_request),
            email=(title, f"{body}\n\n{help_request_url(help_request)}"),
        )
    return help_request


@transaction.atomic
def help_message_add(*, help_request: HelpRequest, author: User, body: str) -> HelpMessage:
    """Add a message to the private thread: from the person, or from the organisation helping."""
    body = body.strip()
    if not body:
        raise HelpInputError({"body": "Write your message"})
    if len(body) > MESSAGE_LIMIT:
        raise HelpInputError(
            {"body": f"Your message must be {MESSAGE_LIMIT:,} characters or fewer"}
        )
    locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if locked.status == HelpRequest.Status.CLOSED:
        raise HelpError("This request is closed. Ask for help again if you need more.")
    asking = author.pk in {locked.person_id, locked.on_behalf_of_id}
    if not asking and not _works_for(author, locked.organisation_id):
        raise HelpError("Pick up this request before you reply to it.")
    message = HelpMessage.objects.create(
        help_request=locked, author=author, body=body, from_adviser=not asking
    )
    locked.last_activity_at = message.created_at
    locked.save(update_fields=["last_activity_at"])
    audit.record(author, "help_request.message_added", locked)
    path, url = help_request_path(locked), help_request_url(locked)
    if asking:
        if locked.adviser is not None and locked.adviser.is_active:
            title = f"{author.display_name} replied about their request for help"
            notify(
                locked.adviser,
                HELP_REPLY.key,
                title=title,
                url=path,
                email=(title, f"Read it and reply: {url}"),
            )
    else:
        title = f"{locked.organisation.name} replied about your request for help"
        for user in askers(locked):
            notify(user, HELP_REPLY.key, title=title, url=path, email=(title, f"Read it: {url}"))
    return message


@transaction.atomic
def help_call_propose(
    *, help_request: HelpRequest, by: User, starts_at: datetime, now: datetime | None = None
) -> HelpCall:
    """The adviser suggests a time to phone; the person says whether it suits them."""
    now = now or timezone.now()
    if help_request.status != HelpRequest.Status.HELPING or not _works_for(
        by, help_request.organisation_id
    ):
        raise HelpError("Pick up this request before you arrange a call.")
    if help_request.contact_by != HelpRequest.ContactBy.PHONE or not help_request.phone:
        raise HelpError("This person asked for messages, not a phone call.")
    if starts_at <= now:
        raise HelpInputError({"starts_at": "The call must be in the future"})
    call = HelpCall.objects.create(help_request=help_request, proposed_by=by, starts_at=starts_at)
    audit.record(by, "help_request.call_proposed", help_request, starts_at=starts_at.isoformat())
    title = f"{help_request.organisation.name} would like to call you {call_time_words(call)}"
    body = "Say whether the time suits you."
    for user in askers(help_request):
        notify(
            user,
            HELP_CALL.key,
            title=title,
            body=body,
            url=help_request_path(help_request),
            email=(title, f"{body}\n\n{help_request_url(help_request)}"),
        )
    return call


@transaction.atomic
def help_call_answer(*, call: HelpCall, by: User, agreed: bool) -> HelpCall:
    """The person says whether the proposed time suits them."""
    if call.status != HelpCall.Status.PROPOSED:
        raise HelpError("You have already answered about this call.")
    call.status = HelpCall.Status.AGREED if agreed else HelpCall.Status.DECLINED
    call.answered_at = timezone.now()
    call.save(update_fields=["status", "answered_at"])
    help_request = call.help_request
    audit.record(by, "help_request.call_answered", help_request, agreed=agreed)
    if help_request.adviser is not None:
        answer = "suits" if agreed else "does not suit"
        title = f"{by.display_name}: the call {call_time_words(call)} {answer} them"
        notify(
            help_request.adviser,
            HELP_CALL.key,
            title=title,
            url=help_request_path(help_request),
            email=(title, help_request_url(help_request)),
        )
    return call


@transaction.atomic
def help_request_close(
    *, help_request: HelpRequest, by: User, outcome: str, note: str = ""
) -> HelpRequest:
    """The organisation helping closes the request with what came of it."""
    if outcome not in HelpRequest.Outcome.values:
        raise HelpInputError({"outcome": "Choose what came of the request"})
    if len(note) > MESSAGE_LIMIT:
        raise HelpInputError({"note": f"The note must be {MESSAGE_LIMIT:,} characters or fewer"})
    locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if locked.status != HelpRequest.Status.HELPING or not _works_for(by, locked.organisation_id):
        raise HelpError("Only the organisation helping can close this request, once.")
    now = timezone.now()
    locked.status = HelpRequest.Status.CLOSED
    locked.outcome = outcome
    locked.outcome_note = note.strip()
    locked.closed_at = now
    locked.last_activity_at = now
    locked.save(
        update_fields=["status", "outcome", "outcome_note", "closed_at", "last_activity_at"]
    )
    audit.record(by, "help_request.closed", locked, outcome=outcome)
    title = f"{locked.organisation.name} closed your request for help"
    body = "Tell them whether it helped: only they and PA Hub see your answer."
    for user in askers(locked):
        notify(
            user,
            HELP_CLOSED.key,
            title=title,
            body=body,
            url=help_request_path(locked),
            email=(title, f"{body}\n\n{help_request_url(locked)}"),
        )
    return locked


@transaction.atomic
def help_request_feedback(*, help_request: HelpRequest, by: User, helped: str) -> HelpRequest:
    """The person says whether the help helped; private to the organisation and insights."""
    if helped not in HelpRequest.Helped.values:
        raise HelpInputError({"helped": "Choose yes, partly or no"})
    if help_request.status != HelpRequest.Status.CLOSED:
        raise HelpError("You can say whether it helped once the request is closed.")
    help_request.helped = helped
    help_request.helped_at = timezone.now()
    help_request.save(update_fields=["helped", "helped_at"])
    audit.record(by, "help_request.feedback", help_request)
    return help_request


def askers(help_request: HelpRequest) -> list[User]:
    people = [help_request.person]
    if help_request.on_behalf_of is not None:
        people.append(help_request.on_behalf_of)
    return [person for person in people if person.is_active and person.deleted_at is None]


def _works_for(user: User, organisation_id: int | None) -> bool:
    return (
        organisation_id is not None
        and Membership.objects.filter(user=user, organisation_id=organisation_id).exists()
    )


def call_time_words(call: HelpCall) -> str:
    local = to_local(call.starts_at)
    return f"on {local:%A %-d %B} at {local:%H:%M}"


def help_request_path(help_request: HelpRequest) -> str:
    return reverse("support:help_request", kwargs={"help_request_id": help_request.pk})


def help_request_url(help_request: HelpRequest) -> str:
    return settings.SITE_URL + help_request_path(help_request)
