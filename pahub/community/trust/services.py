"""Every write about endorsements and private feedback: one function per action, each in a
transaction and audited. Callers load what they pass through `permissions`, which decide who
may; these functions keep the rules of the things themselves (one open request at a time,
only a written endorsement is shown, feedback is words and never a number).

Notices go out after commit, so a rolled-back write never tells anyone anything. Audit rows
name what happened, never the words of an endorsement or of feedback.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import User
from pahub.community.models import Endorsement, Feedback
from pahub.community.models.trust import (
    ENDORSEMENT_MAX_LENGTH,
    FEEDBACK_MAX_LENGTH,
    REQUEST_MESSAGE_MAX_LENGTH,
    STAFF_NOTE_MAX_LENGTH,
)
from pahub.community.notices import (
    ENDORSEMENT_ANSWERED,
    ENDORSEMENT_REQUESTED,
    FEEDBACK_REPEATED_CONCERNS,
)
from pahub.community.trust import relationships
from pahub.core import audit
from pahub.employers.permissions import employer_area_id
from pahub.notifications.services import notify, notify_many

# "Repeated concerns surface": this many people raising a concern within the window.
REPEATED_CONCERN_PEOPLE = 2
REPEATED_CONCERN_WINDOW = timedelta(days=365)


class TrustError(Exception):
    """A rule of endorsements or feedback refused the action (409: the state moved on)."""

    status = 409

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TrustInputError(Exception):
    """Bad input, naming the field it is about (a form shows it there; the API answers 400)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def first_name(person: User) -> str:
    if person.is_former:
        return "A former member"
    return (person.known_as or person.full_name or "").split(" ")[0] or person.display_name


def check_length(field: str, value: str, *, limit: int, what: str, required: bool) -> str:
    value = value.strip()
    if required and not value:
        raise TrustInputError(field, f"Enter {what}")
    if len(value) > limit:
        raise TrustInputError(
            field, f"{what[0].upper()}{what[1:]} must be {limit:,} characters or fewer"
        )
    return value


# Endorsements ------------------------------------------------------------------------------


@transaction.atomic
def endorsement_request(*, pa: User, employer: User, message: str = "") -> Endorsement:
    """A PA asks one of their employers for a short written endorsement."""
    message = check_length(
        "message", message, limit=REQUEST_MESSAGE_MAX_LENGTH, what="your message", required=False
    )
    if not relationships.has_employed(employer_id=employer.pk, pa_id=pa.pk):
        raise TrustError("You can only ask someone who hired you or booked you on PA Hub.")
    if Endorsement.objects.filter(
        pa=pa, employer=employer, status=Endorsement.Status.REQUESTED
    ).exists():
        raise TrustError(
            f"You have already asked {first_name(employer)}. They have not answered yet."
        )
    endorsement = Endorsement.objects.create(pa=pa, employer=employer, request_message=message)
    audit.record(pa, "endorsement.requested", endorsement, employer_id=employer.pk)
    url = reverse("community:endorsement_write", kwargs={"endorsement_id": endorsement.pk})
    name = first_name(pa)
    transaction.on_commit(
        lambda: notify(
            employer,
            ENDORSEMENT_REQUESTED.key,
            title=f"{name} asks you for a short endorsement",
            body=f"{name} worked for you through PA Hub and asks if you would write a few "
            "words about working with them. You can say no.",
            url=url,
        )
    )
    return endorsement


def require_requested(endorsement: Endorsement) -> None:
    if endorsement.status != Endorsement.Status.REQUESTED:
        raise TrustError("This request has already been answered.")


@transaction.atomic
def endorsement_write(*, endorsement: Endorsement, text: str, by: User) -> Endorsement:
    """The employer (or their representative) writes the endorsement. It stays hidden until
    the PA chooses to show it."""
    endorsement = Endorsement.objects.select_for_update().get(pk=endorsement.pk)
    text = check_length(
        "text", text, limit=ENDORSEMENT_MAX_LENGTH, what="your endorsement", required=True
    )
    require_requested(endorsement)
    endorsement.status = Endorsement.Status.WRITTEN
    endorsement.text = text
    endorsement.written_by = by
    endorsement.written_at = timezone.now()
    endorsement.shown = False
    endorsement.save(update_fields=["status", "text", "written_by", "written_at", "shown"])
    audit.record(by, "endorsement.written", endorsement, employer_id=endorsement.employer_id)
    tell_pa(
        endorsement,
        title=f"{first_name(endorsement.employer)} wrote you an endorsement",
        body="Read it and choose whether your profile shows it. Nobody else sees it until you do.",
    )
    return endorsement


@transaction.atomic
def endorsement_decline(*, endorsement: Endorsement, by: User) -> Endorsement:
    endorsement = Endorsement.objects.select_for_update().get(pk=endorsement.pk)
    require_requested(endorsement)
    endorsement.status = Endorsement.Status.DECLINED
    endorsement.closed_at = timezone.now()
    endorsement.save(update_fields=["status", "closed_at"])
    audit.record(by, "endorsement.declined", endorsement, employer_id=endorsement.employer_id)
    tell_pa(
        endorsement,
        title=f"{first_name(endorsement.employer)} will not write an endorsement",
        body="People say no for many reasons, often just time. You can ask someone else you "
        "worked for.",
    )
    return endorsement


def tell_pa(endorsement: Endorsement, *, title: str, body: str) -> None:
    pa = endorsement.pa
    url = reverse("community:endorsements")
    transaction.on_commit(
        lambda: notify(pa, ENDORSEMENT_ANSWERED.key, title=title, body=body, url=url)
    )


@transaction.atomic
def endorsement_set_shown(*, endorsement: Endorsement, shown: bool, by: User) -> Endorsement:
    """The PA shows a written endorsement on their profile, or hides it again."""
    endorsement = Endorsement.objects.select_for_update().get(pk=endorsement.pk)
    if endorsement.status != Endorsement.Status.WRITTEN:
        raise TrustError("Only a written endorsement can be shown on your profile.")
    if endorsement.shown != shown:
        endorsement.shown = shown
        endorsement.save(update_fields=["shown"])
        audit.record(by, "endorsement.shown" if shown else "endorsement.hidden", endorsement)
    return endorsement


@transaction.atomic
def endorsement_withdraw(*, endorsement: Endorsement, by: User) -> Endorsement:
    """The employer takes back what they wrote: it leaves the profile and its words are
    deleted, as they are the employer's."""
    endorsement = Endorsement.objects.select_for_update().get(pk=endorsement.pk)
    if endorsement.status != Endorsement.Status.WRITTEN:
        raise TrustError("Only a written endorsement can be withdrawn.")
    endorsement.status = Endorsement.Status.WITHDRAWN
    endorsement.text = ""
    endorsement.shown = False
    endorsement.closed_at = timezone.now()
    endorsement.save(update_fields=["status", "text", "shown", "closed_at"])
    audit.record(by, "endorsement.withdrawn", endorsement, employer_id=endorsement.employer_id)
    return endorsement


# Private feedback --------------------------------------------------------------------------


def area_of(person: User, about_role: str) -> str | None:
    """The council area whose staff read feedback about this person."""
    if about_role == Feedback.About.EMPLOYER:
        return employer_area_id(person)
    return person.local_authority_id


def concern_senders(about_id: int, *, now=None) -> int:
    """How many different people raised a concern about this person in the window."""
    since = (now or timezone.now()) - REPEATED_CONCERN_WINDOW
    return Feedback.objects.filter(
        about_id=about_id, category=Feedback.Category.CONCERN, created_at__gte=since
    ).aggregate(people=Count("sender", distinct=True))["people"]


def area_staff(local_authority_id: str | None) -> list[User]:
    """Who hears that concerns are repeating: staff of organisations serving the area, or
    the site's administrators when the person has no area."""
    people = User.objects.filter(is_active=True)
    if local_authority_id:
        people = people.filter(
            memberships__organisation__local_authorities__gss_code=local_authority_id
        )
    else:
        people = people.filter(is_superuser=True)
    return list(people.distinct())


@transaction.atomic
def feedback_send(
    *, sender: User, about: User, about_role: str, category: str, text: str
) -> Feedback:
    """Private feedback about someone the sender worked with, for the staff of their area."""
    if category not in Feedback.Category.values:
        raise TrustInputError("category", "Choose what kind of feedback this is")
    text = check_length(
        "text", text, limit=FEEDBACK_MAX_LENGTH, what="your feedback", required=True
    )
    already_raised = (
        category == Feedback.Category.CONCERN
        and Feedback.objects.filter(
            sender=sender,
            about=about,
            category=Feedback.Category.CONCERN,
            created_at__gte=timezone.now() - REPEATED_CONCERN_WINDOW,
        ).exists()
    )
    feedback = Feedback.objects.create(
        sender=sender,
        about=about,
        about_role=about_role,
        category=category,
        text=text,
        local_authority_id=area_of(about, about_role),
    )
    audit.record(sender, "feedback.sent", feedback, about_id=about.pk, category=category)
    # A new person raising a concern, once two or more have: staff of the area are told.
    if (
        category == Feedback.Category.CONCERN
        and not already_raised
        and concern_senders(about.pk) >= REPEATED_CONCERN_PEOPLE
    ):
        tell_staff_of_repeated_concerns(feedback)
    return feedback


def tell_staff_of_repeated_concerns(feedback: Feedback) -> None:
    staff = [
        person
        for person in area_staff(feedback.local_authority_id)
        if person.pk != feedback.about_id
    ]
    url = reverse("community:feedback_staff_detail", kwargs={"feedback_id": feedback.pk})
    audit.record(None, "feedback.repeated_concerns", feedback, about_id=feedback.about_id)
    transaction.on_commit(
        lambda: notify_many(
            staff,
            FEEDBACK_REPEATED_CONCERNS.key,
            title="Several people have raised concerns about the same person",
            body="Two or more people raised a concern about someone in your area in the last "
            "12 months. Read the feedback on PA Hub.",
            url=url,
        )
    )


@transaction.atomic
def feedback_mark(*, feedback: Feedback, status: str, note: str, by: User) -> Feedback:
    """Staff record that they read the feedback or acted on it, with a note."""
    if status not in (Feedback.Status.READ, Feedback.Status.ACTED):
        raise TrustInputError("status", "Choose read or acted on")
    note = check_length("note", note, limit=STAFF_NOTE_MAX_LENGTH, what="your note", required=False)
    feedback.status = status
    feedback.staff_note = note
    feedback.handled_by = by
    feedback.handled_at = timezone.now()
    feedback.save(update_fields=["status", "staff_note", "handled_by", "handled_at"])
    audit.record(by, "feedback.marked", feedback, status=status, with_note=bool(note))
    return feedback
