"""Who may read and write which conversation, and who moderates reports. The only place such
rules live.

A conversation has two sides. The employer side is the conversation's employer, their
representatives with an active grant, and staff of an organisation the employer has given
recorded consent to act for them (`pahub.jobs.permissions.employer_side_role` decides). The
PA side is the conversation's PA, alone. Anyone else gets 404, so a conversation's existence
is never revealed.

Staff never read conversations through the inbox unless they act for the employer. Moderators
(staff of organisations serving the employer's local authority) see only reported messages,
with a little context, through the moderation queue; each look is audited.
"""

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Organisation, User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.core import audit
from pahub.employers.permissions import (
    EmployerSide,
    can_act_for_employer,
    employer_area_id,
    employer_ids_user_can_act_for,
    employer_side_role,
    helping_organisation,
)
from pahub.messaging.models import Conversation, Message, Report


class Side:
    EMPLOYER = "employer"
    PA = "pa"


@dataclass(frozen=True)
class Participant:
    """One person's place in one conversation: which side, and in what capacity they write."""

    user: User
    side: str
    author_role: str
    # The organisation a staff member acts through; None for everyone else.
    organisation: Organisation | None = None

    @property
    def is_pa(self) -> bool:
        return self.side == Side.PA

    @property
    def is_employer_side(self) -> bool:
        return self.side == Side.EMPLOYER


CONVERSATION_RELATED = (
    "employer",
    "employer__employer_profile",
    "pa",
    "pa__pa_profile",
    "job",
)


def participant_in(user: User, conversation: Conversation) -> Participant | None:
    """How `user` takes part in `conversation`, or None when they do not."""
    if not user.is_authenticated:
        return None
    # The PA is checked first: a PA who also represents this employer still reads their own
    # conversation as the PA (services refuse to start such a conversation in the first place).
    if user.pk == conversation.pa_id:
        return Participant(user=user, side=Side.PA, author_role=Message.AuthorRole.PA)
    role = employer_side_role(user, conversation.employer)
    if role is None:
        return None
    organisation = None
    if role == EmployerSide.STAFF:
        organisation = helping_organisation(user, conversation.employer)
    return Participant(user=user, side=Side.EMPLOYER, author_role=role, organisation=organisation)


def access_conversation(
    user: User, conversation_id: int, *, audit_view: bool = False
) -> tuple[Conversation, Participant]:
    """The only way a view or endpoint loads a conversation; anyone not in it gets 404.

    Staff acting for an employer read a private conversation that is not their own, so each
    time they open one it is audited, as staff views of profiles are (`audit_view`: opening
    it to read, not posting to it).
    """
    conversation = get_object_or_404(
        Conversation.objects.select_related(*CONVERSATION_RELATED), pk=conversation_id
    )
    participant = participant_in(user, conversation)
    if participant is None:
        raise Http404
    if participant.author_role == EmployerSide.STAFF and audit_view:
        audit.record_view(user, conversation)
    return conversation, participant


def listed_participant(user: User, conversation: Conversation) -> Participant:
    """The side of a conversation that came from `conversations_for(user)`: the list already
    proved the user takes part, so which side is all a row needs, with no query per row.
    Only for showing lists; writing always goes through `access_conversation`."""
    if conversation.pa_id == user.pk:
        return Participant(user=user, side=Side.PA, author_role=Message.AuthorRole.PA)
    return Participant(user=user, side=Side.EMPLOYER, author_role=Message.AuthorRole.EMPLOYER)


def employer_ids_user_acts_for(user: User) -> set[int]:
    """Every employer whose conversations this user reads on the employer side.

    The one acting-for rule (`pahub.employers.permissions.employers_user_can_act_for`)
    worked out for all employers at once in one query, so the inbox costs the same however
    many employers a staff member helps.
    """
    return employer_ids_user_can_act_for(user)


def conversations_for(user: User) -> QuerySet[Conversation]:
    """Every conversation the user takes part in: as the PA, and on the employer side."""
    if not user.is_authenticated:
        return Conversation.objects.none()
    return conversations_of(user.pk, employer_ids_user_acts_for(user))


def conversations_of(user_id: int, employer_ids: Collection[int]) -> QuerySet[Conversation]:
    """`conversations_for` once the employers the user acts for are known."""
    return Conversation.objects.filter(Q(pa_id=user_id) | Q(employer_id__in=employer_ids))


def may_start_conversation(user: User, *, employer: User, pa: User) -> bool:
    """The employer side may write to a PA; a PA only answers within a conversation."""
    if employer_side_role(user, employer) is None:
        return False
    # Nobody messages themself, nor a PA who already acts for this employer.
    return pa.pk != employer.pk and employer_side_role(pa, employer) is None


# Moderation


def can_moderate_conversation(user: User, conversation: Conversation) -> bool:
    """Staff (any role) of an organisation serving the employer's local authority."""
    if not user.is_authenticated:
        return False
    if is_site_admin(user):
        return True
    area = employer_area_id(conversation.employer)
    return area is not None and area in staff_local_authority_ids(user)


def reports_user_may_moderate(user: User) -> QuerySet[Report]:
    """Reports about conversations whose employer lives in the moderator's areas."""
    reports = Report.objects.all()
    if is_site_admin(user):
        return reports
    areas = staff_local_authority_ids(user)
    profile_area = "message__conversation__employer__employer_profile__local_authority_id"
    return reports.filter(
        Q(**{f"{profile_area}__in": areas})
        | Q(
            **{f"{profile_area}__isnull": True},
            message__conversation__employer__local_authority_id__in=areas,
        )
    )


def access_report_for_moderator(user: User, report_id: int) -> Report:
    """Load a report for a moderator in the employer's area; audited, since it shows a
    private conversation to someone outside it."""
    report = get_object_or_404(
        Report.objects.select_related(
            "reporter",
            "resolved_by",
            "message__author",
            "message__author_organisation",
            *(f"message__conversation__{name}" for name in CONVERSATION_RELATED),
        ),
        pk=report_id,
    )
    if not can_moderate_conversation(user, report.message.conversation):
        raise Http404
    audit.record_view(user, report)
    return report


def message_may_be_reported_by(participant: Participant, message: Message) -> bool:
    """Participants report what the other side (or anyone else on their side) wrote; not
    their own words, not PA Hub's own event lines, and not what a moderator already hid."""
    return (
        message.author_role != Message.AuthorRole.HUB
        and message.author_id != participant.user.pk
        and message.hidden_by_moderator_at is None
    )


def access_message_in_conversation(conversation: Conversation, message_id: int) -> Message:
    """A message of a conversation the caller already has access to; 404 for any other."""
    return get_object_or_404(
        Message.objects.select_related("author", "author_organisation"),
        pk=message_id,
        conversation=conversation,
    )


def access_job_to_talk_about(user: User, job_id: int):
    """The job a new conversation is about, loaded for someone who may act for its employer.

    Messaging sits below jobs in the layers, so it reaches the job model through the
    conversation's own foreign key rather than importing jobs; the rule is the employers
    app's, the same one `jobs.permissions.access_job_for_manager` applies. Others get 404.
    """
    job_model = Conversation._meta.get_field("job").related_model
    job = get_object_or_404(job_model.objects.select_related("employer"), pk=job_id)
    if not can_act_for_employer(user, job.employer):
        raise Http404
    return job
