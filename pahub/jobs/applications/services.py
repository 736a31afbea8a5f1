"""Applications and invitations: one function per action, each one transaction, audited.

A PA applies (or says they are interested); the employer side invites a PA to apply,
shortlists, declines or hires. Every step is written into the job's conversation between the
employer and the PA (a line from PA Hub itself, plus any message the person wrote), so both
sides see the same story. The PA is told by email of an invitation and of a decision, kindly,
and the email never carries what anyone wrote: only that there is something to read.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.core import audit
from pahub.employers.permissions import employer_side_role, helping_organisation
from pahub.jobs.builder.rules import JobStateError
from pahub.jobs.matches.needs import job_needs
from pahub.jobs.models import Application, Job
from pahub.jobs.notices import APPLICATION_UPDATE, INVITATION
from pahub.jobs.services import job_mark_filled
from pahub.matching.engine import pa_candidate
from pahub.matching.scoring import unmet_must_haves
from pahub.messaging.models import Conversation, Message
from pahub.messaging.queries import is_blocked_between
from pahub.messaging.services import conversation_get_or_create, hub_event_post, message_post
from pahub.notifications.services import notify
from pahub.register.models import PAProfile

MAX_MESSAGE_LENGTH = 1500

# Applications still in play: the PA is waiting to hear, or the employer to decide.
ACTIVE_STATUSES = (
    Application.Status.INVITED,
    Application.Status.APPLIED,
    Application.Status.INTERESTED,
    Application.Status.SHORTLISTED,
)
BLOCKED_MESSAGE = (
    "You and this {other} cannot contact each other on PA Hub, so this cannot be sent. "
    "If you think this is a mistake, contact the PA Hub support team."
)


class ApplicationError(Exception):
    """An action that breaks a rule; `message` is written for the person who tried it."""

    def __init__(self, message: str, *, application: Application | None = None) -> None:
        super().__init__(message)
        self.message = message
        # When the PA already applied or was invited: the page links to that conversation.
        self.application = application


# Names and links the story is told with


def pa_name(pa: User) -> str:
    """The name a PA chose to show employers (never their legal name unless they chose it);
    a PA who deleted their account is "a former PA Hub user", as everywhere."""
    if pa.is_former:
        return pa.display_name
    profile = PAProfile.objects.filter(user=pa).only("display_name").first()
    if profile and profile.display_name:
        return profile.display_name
    return pa.known_as or pa.full_name.split(" ")[0] or "The PA"


def site_link(name: str, *args) -> str:
    """An absolute link for emails."""
    return settings.SITE_URL + reverse(name, args=args)


def conversation_link(conversation: Conversation | None) -> str | None:
    if conversation is None:
        return site_link("messaging:inbox")
    return site_link("messaging:conversation", conversation.pk) or site_link("messaging:inbox")


def quoted(job: Job) -> str:
    return f"“{job.title}”"


def email_pa(application: Application, template: str, **extra) -> None:
    """Email the PA after the change is saved (a rollback sends nothing), via the task queue.

    The email says what happened and where to read more; never what anyone wrote.
    """
    job = application.job
    context = {
        "pa_name": pa_name(application.pa),
        "job_title": job.title,
        "district": job.district_id or "",
        "job_link": site_link("jobs:detail", job.pk),
        "conversation_link": conversation_link(application.conversation),
        "applications_link": site_link("jobs:my_applications"),
        "jobs_link": site_link("jobs:list"),
        "site_url": settings.SITE_URL,
        **extra,
    }
    subject = render_to_string(f"jobs/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"jobs/email/{template}_body.txt", context)
    invited = template == "invitation"
    # Through the notification service: an in-app notice always, the email by their choice.
    notify(
        application.pa,
        INVITATION.key if invited else APPLICATION_UPDATE.key,
        title=subject,
        body=f"Job: {job.title}",
        url=reverse("jobs:detail", args=[job.pk]) if invited else reverse("jobs:my_applications"),
        email=(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body),
    )


def post_as_employer_side(*, conversation: Conversation, by: User, job: Job, body: str) -> None:
    """A message written by someone on the employer side, saying in which capacity."""
    role = employer_side_role(by, job.employer) or Message.AuthorRole.EMPLOYER
    organisation = helping_organisation(by, job.employer) if role == "staff" else None
    message_post(
        conversation=conversation,
        author=by,
        author_role=role,
        body=body,
        author_organisation=organisation,
    )


def locked_job(job: Job) -> Job:
    """The job row, locked until the transaction ends, so two decisions cannot cross."""
    return Job.objects.select_for_update(of=("self",)).select_related("employer").get(pk=job.pk)


def locked_application(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("job__employer", "pa", "conversation")
        .get(pk=application.pk)
    )


# What the PA meets


@dataclass(frozen=True)
class MustHaveCheck:
    unmet: tuple[str, ...]

    @property
    def meets_all(self) -> bool:
        return not self.unmet


def must_have_check(job: Job, profile: PAProfile) -> MustHaveCheck:
    """Which of the job's must-haves the PA's profile does not show, in words, by the
    matching engine's own rule.

    How far the PA will travel is their own preference, not the job's must-have: the PA is
    placed at the job's district so that only the job's requirements are checked.
    """
    needs = job_needs(job)
    pa = replace(pa_candidate(profile), latitude=needs.latitude, longitude=needs.longitude)
    return MustHaveCheck(unmet=tuple(unmet_must_haves(needs, pa)))


# The PA's side


@transaction.atomic
def application_submit(
    *,
    job: Job,
    pa: User,
    origin: str,
    message: str = "",
) -> Application:
    """A PA applies for an open job, or says they are interested, with a short message.

    A PA applies once. Someone invited may apply; someone who said they were interested may
    go on to apply. A PA who does not meet every must-have may still apply: they are shown
    which ones, and the employer decides; what was unmet is recorded in the audit log.
    """
    if origin not in (Application.Origin.APPLIED, Application.Origin.INTERESTED):
        raise ApplicationError("Choose whether to apply or to say you are interested.")
    if not pa.has_role(Role.PA):
        raise ApplicationError("Only Personal Assistants can apply for jobs.")
    job = locked_job(job)
    if job.status != Job.Status.PUBLISHED:
        raise ApplicationError("This job is no longer open for applications.")
    if job.employer_id == pa.pk:
        raise ApplicationError("This is your own job, so you cannot apply for it.")
    profile = PAProfile.objects.filter(user=pa).first()
    if profile is None:
        raise ApplicationError(
            "Start your PA profile before you apply, so the employer can read about you."
        )
    if is_blocked_between(job.employer, pa):
        raise ApplicationError(BLOCKED_MESSAGE.format(other="employer"))
    message = message.strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ApplicationError(f"Your message must be {MAX_MESSAGE_LENGTH:,} characters or fewer.")
    status = (
        Application.Status.APPLIED
        if origin == Application.Origin.APPLIED
        else Application.Status.INTERESTED
    )
    application = Application.objects.select_for_update(of=("self",)).filter(job=job, pa=pa).first()
    if application is not None and not may_move_on(application, status):
        raise ApplicationError(already_message(application), application=application)

    name = pa_name(pa)
    conversation = conversation_get_or_create(employer=job.employer, pa=pa, job=job)
    if application is None:
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    job=job,
                    pa=pa,
                    origin=origin,
                    status=status,
                    message=message,
                    conversation=conversation,
                )
        except IntegrityError:
            # The same PA pressed the button twice at once; the first one counts.
            application = Application.objects.get(job=job, pa=pa)
            raise ApplicationError(already_message(application), application=application) from None
        event = "applied for" if status == Application.Status.APPLIED else "is interested in"
    else:
        was_invited = application.status == Application.Status.INVITED
        application.status = status
        application.message = message or application.message
        application.conversation = conversation
        application.save(update_fields=["status", "message", "conversation", "updated_at"])
        if was_invited:
            event = (
                "accepted the invitation and applied for"
                if status == Application.Status.APPLIED
                else "accepted the invitation and is interested in"
            )
        else:
            event = "has now applied for"
    hub_event_post(conversation=conversation, body=f"{name} {event} {quoted(job)}.")
    if message:
        message_post(
            conversation=conversation, author=pa, author_role=Message.AuthorRole.PA, body=message
        )
    check = must_have_check(job, profile)
    audit.record(
        pa,
        f"application.{status}",
        application,
        job_id=job.pk,
        unmet_must_haves=list(check.unmet),
    )
    return application


def may_move_on(application: Application, status: str) -> bool:
    """An invited PA may apply or say they are interested; an interested one may apply."""
    if application.status == Application.Status.INVITED:
        return True
    return (
        application.status == Application.Status.INTERESTED and status == Application.Status.APPLIED
    )


def already_message(application: Application) -> str:
    messages = {
        Application.Status.APPLIED: "You have already applied for this job.",
        Application.Status.INTERESTED: "You have already said you are interested in this job.",
        Application.Status.SHORTLISTED: (
            "You have already applied, and the employer shortlisted you."
        ),
        Application.Status.DECLINED: (
            "You applied for this job before, and the employer has decided."
        ),
        Application.Status.HIRED: "You have been hired for this job.",
        Application.Status.UNSUCCESSFUL: "You applied for this job before; it has been filled.",
        Application.Status.WITHDRAWN: "You withdrew from this job, so you cannot apply again.",
    }
    return messages.get(application.status, "You have already applied for this job.")


@transaction.atomic
def application_withdraw(*, application: Application, by: User) -> Application:
    """The PA steps back: from an application, or from an invitation they do not want."""
    application = locked_application(application)
    if application.pa_id != by.pk:
        raise ApplicationError("Only the PA can withdraw their application.")
    if application.status not in ACTIVE_STATUSES:
        raise ApplicationError(
            "This application has already been decided, so it cannot be withdrawn."
        )
    was_invited = application.status == Application.Status.INVITED
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    name = pa_name(by)
    action = "said no thanks to the invitation for" if was_invited else "withdrew from"
    conversation = application.conversation or conversation_get_or_create(
        employer=application.job.employer, pa=by, job=application.job
    )
    hub_event_post(conversation=conversation, body=f"{name} {action} {quoted(application.job)}.")
    audit.record(by, "application.withdrawn", application)
    return application


# The employer's side


@transaction.atomic
def application_invite(
    *,
    job: Job,
    profile: PAProfile,
    by: User,
    message: str = "",
) -> Application:
    """Invite a PA to apply for an open job. The caller has checked that `by` may manage the
    job and may see the PA's profile; the PA is emailed that they were invited (no message
    content), and any message goes into the conversation."""
    job = locked_job(job)
    pa = profile.user
    if job.status != Job.Status.PUBLISHED:
        raise ApplicationError("You can invite PAs only while the job is open for applications.")
    if job.employer_id == pa.pk:
        raise ApplicationError("This PA is the employer of this job.")
    if is_blocked_between(job.employer, pa):
        raise ApplicationError(BLOCKED_MESSAGE.format(other="PA"))
    message = message.strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ApplicationError(f"Your message must be {MAX_MESSAGE_LENGTH:,} characters or fewer.")
    name = profile.shown_name
    existing = Application.objects.filter(job=job, pa=pa).first()
    if existing is not None:
        raise ApplicationError(invited_already_message(name, existing), application=existing)
    conversation = conversation_get_or_create(employer=job.employer, pa=pa, job=job)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                job=job,
                pa=pa,
                origin=Application.Origin.INVITED,
                status=Application.Status.INVITED,
                message=message,
                conversation=conversation,
            )
    except IntegrityError:
        existing = Application.objects.get(job=job, pa=pa)
        raise ApplicationError(
            invited_already_message(name, existing), application=existing
        ) from None
    hub_event_post(
        conversation=conversation, body=f"{name} was invited to apply for {quoted(job)}."
    )
    if message:
        post_as_employer_side(conversation=conversation, by=by, job=job, body=message)
    audit.record(by, "application.invited", application, job_id=job.pk)
    email_pa(application, "invitation", has_message=bool(message))
    return application


def invited_already_message(name: str, application: Application) -> str:
    if application.status == Application.Status.INVITED:
        return f"You have already invited {name} to apply for this job."
    if application.origin == Application.Origin.INVITED:
        status = application.get_status_display().lower()
        return f"You invited {name} before; their application is: {status}."
    return f"{name} has already applied for this job."


@transaction.atomic
def application_shortlist(*, application: Application, by: User) -> Application:
    application = locked_application(application)
    if application.status == Application.Status.SHORTLISTED:
        raise ApplicationError(f"{pa_name(application.pa)} is already on the shortlist.")
    if application.status not in ACTIVE_STATUSES:
        raise ApplicationError("This application has already been decided.")
    if application.job.status not in (Job.Status.PUBLISHED, Job.Status.PAUSED):
        raise ApplicationError("This job is closed, so its applications cannot change.")
    application.status = Application.Status.SHORTLISTED
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    hub_event_post(
        conversation=conversation_for(application),
        body=f"{pa_name(application.pa)} is on the shortlist for {quoted(application.job)}.",
    )
    audit.record(by, "application.shortlisted", application)
    return application


KIND_DECLINE = (
    "Thank you for your interest in {job}. The employer has decided not to take your "
    "application further this time. This is often about hours, place or timing rather than "
    "about you. We hope you find the right job on PA Hub soon."
)
KIND_FILLED = (
    "Thank you for your interest in {job}. The job has now been filled, so the employer is "
    "not taking other applications further. We hope you find the right job on PA Hub soon."
)


@transaction.atomic
def application_decline(
    *,
    application: Application,
    by: User,
    note: str = "",
) -> Application:
    """Not taken further. The PA is told kindly, in the conversation and by email; a note
    from the employer goes into the conversation only."""
    application = locked_application(application)
    if application.status not in ACTIVE_STATUSES:
        raise ApplicationError("This application has already been decided.")
    note = note.strip()
    if len(note) > MAX_MESSAGE_LENGTH:
        raise ApplicationError(f"Your note must be {MAX_MESSAGE_LENGTH:,} characters or fewer.")
    application.status = Application.Status.DECLINED
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    conversation = conversation_for(application)
    hub_event_post(conversation=conversation, body=KIND_DECLINE.format(job=quoted(application.job)))
    if note:
        post_as_employer_side(conversation=conversation, by=by, job=application.job, body=note)
    audit.record(by, "application.declined", application, with_note=bool(note))
    email_pa(application, "declined", has_note=bool(note))
    return application


@transaction.atomic
def application_hire(*, application: Application, by: User) -> Job:
    """The employer hires this PA: the job is filled and closes, and everyone else still
    waiting on it is told kindly that it has been filled."""
    job = locked_job(application.job)
    application = locked_application(application)
    if application.status not in ACTIVE_STATUSES:
        raise ApplicationError("This application has already been decided.")
    if job.status not in (Job.Status.PUBLISHED, Job.Status.PAUSED):
        raise ApplicationError("This job is already closed or filled.")
    now = timezone.now()
    try:
        job = job_mark_filled(job=job, pa=application.pa, by=by)
    except JobStateError as error:
        raise ApplicationError(error.message) from None
    application.status = Application.Status.HIRED
    application.decided_by = by
    application.decided_at = now
    application.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    hub_event_post(
        conversation=conversation_for(application),
        body=f"{pa_name(application.pa)} has been hired for {quoted(job)}. Congratulations!",
    )
    audit.record(by, "application.hired", application, job_id=job.pk)
    email_pa(application, "hired")
    others = list(
        Application.objects.select_for_update(of=("self",))
        .filter(job=job, status__in=ACTIVE_STATUSES)
        .exclude(pk=application.pk)
        .select_related("job", "pa", "conversation")
    )
    for other in others:
        other.status = Application.Status.UNSUCCESSFUL
        other.decided_by = by
        other.decided_at = now
        other.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
        hub_event_post(
            conversation=conversation_for(other), body=KIND_FILLED.format(job=quoted(job))
        )
        email_pa(other, "unsuccessful")
    if others:
        audit.record(
            by,
            "application.others_unsuccessful",
            job,
            application_ids=[other.pk for other in others],
        )
    return job


def conversation_for(application: Application) -> Conversation:
    """The application's conversation, started now if it was lost (e.g. deleted)."""
    if application.conversation_id:
        return application.conversation
    conversation = conversation_get_or_create(
        employer=application.job.employer, pa=application.pa, job=application.job
    )
    application.conversation = conversation
    application.save(update_fields=["conversation", "updated_at"])
    return conversation
