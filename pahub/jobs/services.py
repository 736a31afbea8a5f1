"""A job's life: the builder's answers and every change of status, one function per action.

Views, the API, commands and tasks all call these functions; none of them saves a job
themselves. Each runs in one transaction, locks the job's row first (two tabs or two
people acting for the same employer cannot interleave), checks the rules on the merged
state (`pahub.jobs.builder.rules`) and writes an audit event.

    draft --publish--> published --pause--> paused --resume--> published
    published/paused --close--> closed --reopen--> published
    published/paused/closed --mark filled--> filled (final; records who was hired)
    draft --delete--> (gone)
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import EmployerSide, employer_side_role, helping_organisation
from pahub.jobs.builder.rules import (
    INPUT_ONLY_FIELDS,
    RELATED_FIELDS,
    SIMPLE_FIELDS,
    STEP_FIELDS,
    STEPS,
    EmployerProfileMissing,
    JobNotReady,
    JobStateError,
    check_changes,
    check_gender,
    check_hours,
    check_pay_is_lawful,
    job_problems,
)
from pahub.jobs.local_rules import apply_to_answers, requirements_for_job, with_rule_problems
from pahub.jobs.models import Job
from pahub.rules.queries import requirements_for
from pahub.taxonomy.dbs import dbs_rank

# -------------------------------------------------------------------------------------


def _locked(job: Job) -> Job:
    """Lock the job's row and read its current state, so concurrent actions queue up."""
    fresh = Job.objects.select_for_update().get(pk=job.pk)
    for field in (
        "status",
        "completed_steps",
        "published_at",
        "closed_at",
        "hired_pa_id",
        "required_dbs_rank",
    ):
        setattr(job, field, getattr(fresh, field))
    return job


@transaction.atomic
def job_create_draft(*, employer: User, by: User, title: str) -> Job:
    """Start a job for `employer`, placed in their district. `by` must be able to act for
    them (the caller checks); when `by` is staff, the job records their organisation."""
    profile = (
        EmployerProfile.objects.select_related("district", "local_authority")
        .filter(user=employer)
        .first()
    )
    if profile is None:
        raise EmployerProfileMissing(
            "Set up the employer profile first: a job is placed in the employer's district."
        )
    changes = {"title": title}
    check_changes(changes, today=timezone.localdate())
    organisation = None
    if employer_side_role(by, employer) == EmployerSide.STAFF:
        organisation = helping_organisation(by, employer)
    # A new job starts at what the employer's council's rules ask of every job (a rule for
    # jobs paid by a direct payment joins when the pay step says so).
    requirements = requirements_for(profile.local_authority_id, False)
    job = Job.objects.create(
        employer=employer,
        posted_by=by,
        required_dbs=requirements.dbs.dbs_level if requirements.dbs else "",
        required_dbs_rank=requirements.dbs_rank,
        required_level=requirements.min_level,
        posted_by_organisation=organisation,
        title=changes["title"],
        district=profile.district,
        local_authority=profile.local_authority,
        status=Job.Status.DRAFT,
        completed_steps=["title"],
    )
    audit.record(
        by,
        "job.created",
        job,
        employer=employer.pk,
        organisation=organisation.name if organisation else "",
    )
    return job


def steps_answered(changes: Mapping[str, Any]) -> list[str]:
    return [step for step, fields in STEP_FIELDS.items() if set(fields) & changes.keys()]


@transaction.atomic
def job_update(
    *,
    job: Job,
    changes: Mapping[str, Any],
    by: User,
    steps: Iterable[str] | None = None,
    today: date | None = None,
) -> Job:
    """Change any of a job's answers and record the steps answered.

    `changes` holds model values: Skill and Interest objects for the lists, a District for
    `district` (its local authority comes with it), a Language or None, the weekly-grid
    bitmask for `hours_grid`, and Decimals or the text typed for pay and hours. Raises
    JobInputError, saving nothing, if a rule is broken; JobStateError if the job is closed.
    """
    today = today or timezone.localdate()
    unknown = set(changes) - SIMPLE_FIELDS - RELATED_FIELDS - INPUT_ONLY_FIELDS
    if unknown:
        raise ValueError(f"Not a job answer: {sorted(unknown)}")
    _locked(job)
    if job.status in (Job.Status.CLOSED, Job.Status.FILLED):
        raise JobStateError(
            f"This job is {job.get_status_display().lower()}, so it cannot be changed. "
            "Reopen it first, or start a new job."
        )
    changes = dict(changes)
    check_changes(changes, today=today)
    # The employer's council's local rules, for the job as it will be once saved.
    requirements = requirements_for_job(
        job, paid_by_direct_payment=changes.get("paid_by_direct_payment")
    )
    apply_to_answers(job, changes, requirements)

    # The merged state's rules: the answers given, over what the job holds already.
    grid = changes.get("hours_grid", job.hours_grid)
    hours = changes.get("hours_per_week", job.hours_per_week)
    if {"hours_grid", "hours_per_week"} & changes.keys():
        check_hours(grid=grid, hours_per_week=hours)
    if "required_gender" in changes or "gender_reason" in changes:
        gender = changes.get("required_gender", job.required_gender)
        if not gender:
            changes["gender_reason"] = ""  # no requirement, so no reason is kept
        check_gender(
            required_gender=gender,
            gender_reason=changes.get("gender_reason", job.gender_reason),
            # Changing only the reason of a requirement already saved needs no new tick.
            includes_intimate_care=changes.get(
                "includes_intimate_care",
                "required_gender" not in changes and bool(job.required_gender),
            ),
        )
    pay = changes.get("hourly_pay", job.hourly_pay)
    apprenticeship = changes.get("is_apprenticeship", job.is_apprenticeship)
    start = changes.get("start_date", job.start_date)
    pay_answers = {"hourly_pay", "is_apprenticeship"}
    if job.status != Job.Status.DRAFT:
        # An advertised job must stay lawful: a later start date may fall in a tax year
        # with a higher minimum. A draft is checked as a whole before it is published.
        pay_answers.add("start_date")
    if pay is not None and pay_answers & changes.keys():
        check_pay_is_lawful(
            pay, on=max(start, today) if start else today, is_apprenticeship=apprenticeship
        )

    update_fields = ["updated_at"]
    for name in SIMPLE_FIELDS & changes.keys():
        setattr(job, name, changes[name])
        update_fields.append(name)
    if "required_dbs" in changes:
        job.required_dbs_rank = dbs_rank(job.required_dbs)
        update_fields.append("required_dbs_rank")
    # Not an answer: always what the rules ask, so a retired rule stops asking it.
    job.required_level = requirements.min_level
    update_fields.append("required_level")
    if "district" in changes:
        job.district = changes["district"]
        job.local_authority_id = changes["district"].local_authority_id
        update_fields += ["district", "local_authority"]
    answered = steps_answered(changes) if steps is None else list(steps)
    if answered:
        job.completed_steps = [
            step for step in STEPS if step in job.completed_steps or step in answered
        ]
        update_fields.append("completed_steps")
    job.save(update_fields=sorted(set(update_fields)))
    for name in RELATED_FIELDS & changes.keys():
        getattr(job, name).set(changes[name])
    audit.record(
        by,
        "job.updated",
        job,
        steps=answered,
        fields=sorted(changes.keys() - {"includes_intimate_care"}),
    )
    return job


def job_update_step(*, job: Job, step: str, data: Mapping[str, Any], by: User) -> Job:
    """Save one page of the builder: only that step's answers."""
    if step not in STEP_FIELDS:
        raise ValueError(f"No such job step: {step}")
    stray = set(data) - set(STEP_FIELDS[step])
    if stray:
        raise ValueError(f"The {step} step does not answer {sorted(stray)}")
    return job_update(job=job, changes=data, by=by, steps=[step])


def _require_status(job: Job, allowed: Iterable[str], message: str) -> None:
    if job.status not in set(allowed):
        raise JobStateError(message)


@transaction.atomic
def job_publish(*, job: Job, by: User, today: date | None = None) -> Job:
    """Open a draft to applications, once every rule is met."""
    _locked(job)
    _require_status(
        job,
        [Job.Status.DRAFT],
        f"Only a draft can be published; this job is {job.get_status_display().lower()}.",
    )
    problems = with_rule_problems(job_problems(job, today=today), job)
    if problems:
        raise JobNotReady(problems)
    job.required_dbs_rank = dbs_rank(job.required_dbs)
    job.status = Job.Status.PUBLISHED
    job.published_at = timezone.now()
    job.closed_at = None
    job.save(
        update_fields=["required_dbs_rank", "status", "published_at", "closed_at", "updated_at"]
    )
    audit.record(by, "job.published", job)
    return job


@transaction.atomic
def job_pause(*, job: Job, by: User) -> Job:
    """Stop showing an open job for a while; nothing else changes."""
    _locked(job)
    _require_status(job, [Job.Status.PUBLISHED], "Only a job open for applications can be paused.")
    job.status = Job.Status.PAUSED
    job.save(update_fields=["status", "updated_at"])
    audit.record(by, "job.paused", job)
    return job


def _check_still_lawful(job: Job, *, today: date | None) -> None:
    # The minimum wage rises each April, so a job advertised last year may now pay too little.
    problems = with_rule_problems(job_problems(job, today=today, for_publishing=False), job)
    if problems:
        raise JobNotReady(problems)


@transaction.atomic
def job_resume(*, job: Job, by: User, today: date | None = None) -> Job:
    _locked(job)
    _require_status(job, [Job.Status.PAUSED], "Only a paused job can be resumed.")
    _check_still_lawful(job, today=today)
    job.status = Job.Status.PUBLISHED
    job.save(update_fields=["status", "updated_at"])
    audit.record(by, "job.resumed", job)
    return job


@transaction.atomic
def job_close(*, job: Job, by: User, reason: str = "") -> Job:
    """Stop recruiting for good (it can be reopened). `reason` is kept in the audit log."""
    _locked(job)
    if job.status == Job.Status.DRAFT:
        raise JobStateError("A draft has not been advertised, so it cannot be closed: delete it.")
    _require_status(
        job,
        [Job.Status.PUBLISHED, Job.Status.PAUSED],
        f"This job is already {job.get_status_display().lower()}.",
    )
    job.status = Job.Status.CLOSED
    job.closed_at = timezone.now()
    job.save(update_fields=["status", "closed_at", "updated_at"])
    audit.record(by, "job.closed", job, reason=reason.strip()[:500])
    return job


@transaction.atomic
def job_reopen(*, job: Job, by: User, today: date | None = None) -> Job:
    _locked(job)
    _require_status(job, [Job.Status.CLOSED], "Only a closed job can be reopened.")
    _check_still_lawful(job, today=today)
    job.status = Job.Status.PUBLISHED
    job.closed_at = None
    job.published_at = timezone.now()
    job.save(update_fields=["status", "closed_at", "published_at", "updated_at"])
    audit.record(by, "job.reopened", job)
    return job


@transaction.atomic
def job_mark_filled(*, job: Job, pa: User, by: User) -> Job:
    """Record who was hired; the job is then filled for good. Called by the applications
    code when the employer marks a PA hired (it tells the other applicants)."""
    _locked(job)
    _require_status(
        job,
        [Job.Status.PUBLISHED, Job.Status.PAUSED, Job.Status.CLOSED],
        "Only a job that has been advertised can be filled."
        if job.status == Job.Status.DRAFT
        else "This job has already been filled.",
    )
    if pa.pk == job.employer_id:
        raise JobStateError("The employer cannot be hired for their own job.")
    job.status = Job.Status.FILLED
    job.hired_pa = pa
    job.closed_at = timezone.now()
    job.save(update_fields=["status", "hired_pa", "closed_at", "updated_at"])
    audit.record(by, "job.filled", job, hired_pa=pa.pk)
    return job


@transaction.atomic
def job_delete_draft(*, job: Job, by: User) -> None:
    """Delete a draft that was never advertised; advertised jobs are closed instead."""
    _locked(job)
    _require_status(
        job,
        [Job.Status.DRAFT],
        "Only a draft can be deleted. Close an advertised job instead.",
    )
    audit.record(by, "job.deleted", job, title=job.title)
    job.delete()
