"""How long jobs and applications are kept (the registry: pahub/core/retention.py)."""

from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Coalesce

from pahub.core import retention
from pahub.jobs.models import Application, Job
from pahub.messaging.models import Conversation

ENDED_JOB = (Job.Status.CLOSED, Job.Status.FILLED)
ENDED_APPLICATION = (
    Application.Status.DECLINED,
    Application.Status.WITHDRAWN,
    Application.Status.UNSUCCESSFUL,
)


def _without_conversations(jobs: QuerySet[Job]) -> QuerySet[Job]:
    # A conversation about the job still reads "about: <job>"; it has its own rule, and
    # deleting the job first would also leave two general conversations for one pair.
    return jobs.exclude(Exists(Conversation.objects.filter(job=OuterRef("pk"))))


def ended_jobs_due(cutoff: datetime) -> QuerySet[Job]:
    ended = Job.objects.filter(status__in=ENDED_JOB).alias(
        ended_at=Coalesce("closed_at", "updated_at")
    )
    return _without_conversations(ended.filter(ended_at__lt=cutoff))


def draft_jobs_due(cutoff: datetime) -> QuerySet[Job]:
    return _without_conversations(
        Job.objects.filter(status=Job.Status.DRAFT, updated_at__lt=cutoff)
    )


def ended_applications_due(cutoff: datetime) -> QuerySet[Application]:
    return Application.objects.filter(status__in=ENDED_APPLICATION, updated_at__lt=cutoff)


KEPT_WHILE_CONVERSATION = "a conversation about the job is still kept"

retention.rule(
    name="jobs.ended_jobs",
    model=Job,
    what="Jobs that were closed or filled, with the applications for them",
    default_days=2 * 365,
    after="after the job was closed or filled",
    action=retention.Action.DELETE,
    outcome="The job and every application for it are deleted.",
    # Recruitment claims (Equality Act 2010) must be made within months; two years also lets
    # an employer look back at a job to advertise a similar one.
    why=(
        "This is long enough to answer any question about who applied and who was offered "
        "the job, and for an employer to look back at a job when they advertise a similar one."
    ),
    due=ended_jobs_due,
    kept_while=(KEPT_WHILE_CONVERSATION,),
)

retention.rule(
    name="jobs.draft_jobs",
    model=Job,
    what="Draft jobs that were never published",
    default_days=365,
    after="after the draft was last changed",
    action=retention.Action.DELETE,
    outcome="The draft is deleted.",
    why="A draft nobody has touched for a year is not going to be used.",
    due=draft_jobs_due,
    kept_while=(KEPT_WHILE_CONVERSATION,),
)

retention.rule(
    name="jobs.ended_applications",
    model=Application,
    what="Applications that were declined, withdrawn or not successful",
    default_days=365,
    after="after the application ended",
    action=retention.Action.DELETE,
    outcome="The application, and any note that came with it, is deleted.",
    # ICO employment guidance: keep records of unsuccessful candidates only as long as needed
    # to answer a claim; discrimination claims must be made within 3 months (6 for equal pay).
    why=(
        "Someone who was not offered a job has a few months to complain that they were "
        "treated unfairly. A year leaves time to answer, and nothing is gained by keeping it "
        "longer."
    ),
    due=ended_applications_due,
)
