"""API: jobs for the people who manage them, under /api/v1/employer/jobs.

The employer, their representatives and staff acting with the employer's recorded consent
may list, create, change, publish, pause, resume, close and delete (drafts only) jobs.
Staff overseeing the job's local authority may read a job (audited) but not change it.
Every change goes through `jobs.services`, so the API gives the builder's messages.

Session authentication, like /me/profile: send the `csrftoken` cookie's value in an
`X-CSRFToken` header on POST, PATCH and DELETE.
"""

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from pahub.accounts.models import User
from pahub.core import audit
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import InputSchema, RecordId
from pahub.core.text_rules import check_text
from pahub.employers.permissions import can_act_for_employer
from pahub.jobs.builder.lookups import interests_by_name, language_by_code, skills_by_code
from pahub.jobs.builder.rules import (
    EmployerProfileMissing,
    JobInputError,
    JobNotReady,
    JobStateError,
    missing_steps,
)
from pahub.jobs.models import Job
from pahub.jobs.permissions import (
    can_manage_job,
    can_view_job_as_employer_side,
    jobs_user_may_manage,
)
from pahub.jobs.services import (
    job_close,
    job_create_draft,
    job_delete_draft,
    job_pause,
    job_publish,
    job_reopen,
    job_resume,
    job_update,
)
from pahub.places.postcodes import InvalidPostcode
from pahub.places.queries import UnknownDistrict, district_by_outcode
from pahub.register.availability import SLOT_BY_KEY, keys_from_mask, mask_from_keys
from pahub.taxonomy.dbs import DbsValue
from pahub.taxonomy.models import Skill

router = Router(tags=["jobs (employers)"])

GenderValue = Literal["", "woman", "man"]
MAX_LIST = 200


class JobChangesIn(InputSchema):
    """Fields left out are not changed."""

    multiline_fields = frozenset({"description", "gender_reason"})

    title: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=10000)
    tasks: list[str] | None = Field(None, description="Skill codes from /taxonomy/skills")
    hours: list[str] | None = Field(
        None, description="Weekly grid slot keys, like `monday_morning` or `friday_sleep_in`"
    )
    hours_per_week: Decimal | None = Field(None, description="More than 0, one decimal place")
    start_date: date | None = None
    kind: Literal["regular", "cover"] | None = None
    district: str | None = Field(
        None, max_length=8, description="Postcode district where the work is, like NE1"
    )
    hourly_pay: Decimal | None = Field(
        None, description="Pounds; at least the legal minimum on the start date"
    )
    is_apprenticeship: bool | None = None
    paid_by_direct_payment: bool | None = Field(
        None,
        description="Paid from a direct payment from the employer's council: its local rules apply",
    )
    required_dbs: DbsValue | None = Field(
        None, description="At least what the employer's council's local rules ask, if any"
    )
    requires_driver: bool | None = None
    required_language: str | None = Field(
        None, max_length=20, description="A language code like `bfi` (BSL), or empty for none"
    )
    required_gender: GenderValue | None = Field(
        None,
        description="Only with includes_intimate_care true and a gender_reason (Equality Act "
        "2010, Schedule 9)",
    )
    gender_reason: str | None = Field(None, max_length=2000)
    includes_intimate_care: bool | None = None
    required_skills: list[str] | None = Field(None, description="Skill codes")
    nice_interests: list[str] | None = Field(None, description="Interest names")
    nice_years_experience: int | None = Field(None, ge=0, le=50)
    nice_skills: list[str] | None = Field(None, description="Skill codes")


class JobCreateIn(JobChangesIn):
    employer_id: RecordId = Field(
        description="The employer the job is for (yourself, or someone you act for)"
    )
    title: str = Field(max_length=200)


MAX_REASON = 500


class CloseIn(InputSchema):
    multiline_fields = frozenset({"reason"})

    reason: str = Field("", max_length=MAX_REASON)


class JobOut(Schema):
    id: int
    employer_id: int
    title: str
    description: str
    status: str
    kind: str
    tasks: list[str]
    hours: list[str]
    hours_per_week: Decimal | None
    start_date: date | None
    hourly_pay: Decimal | None
    is_apprenticeship: bool
    paid_by_direct_payment: bool
    district: str | None
    local_authority: str | None
    required_dbs: str
    required_level: int = Field(description="The lowest PA Hub level, set by local rules (0: any)")
    requires_driver: bool
    required_language: str | None
    required_gender: str
    gender_reason: str
    required_skills: list[str]
    nice_interests: list[str]
    nice_years_experience: int | None
    nice_skills: list[str]
    completed_steps: list[str]
    missing_steps: list[str]
    posted_by_organisation: str | None
    hired_pa_id: int | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    closed_at: datetime | None


NULLABLE = {"hours_per_week", "nice_years_experience", "required_language"}
LIST_FIELDS = {"tasks", "hours", "required_skills", "nice_interests", "nice_skills"}


def with_answers(jobs: QuerySet[Job]) -> QuerySet[Job]:
    """Everything JobOut needs, in a fixed number of queries however many jobs there are."""
    skills = Skill.objects.only("id", "code")
    return jobs.select_related(
        "local_authority", "required_language", "posted_by_organisation"
    ).prefetch_related(
        Prefetch("tasks", queryset=skills),
        Prefetch("required_skills", queryset=skills),
        Prefetch("nice_skills", queryset=skills),
        "nice_interests",
    )


def job_out(job: Job) -> JobOut:
    return JobOut(
        id=job.pk,
        employer_id=job.employer_id,
        title=job.title,
        description=job.description,
        status=job.status,
        kind=job.kind,
        tasks=[skill.code for skill in job.tasks.all()],
        hours=keys_from_mask(job.hours_grid),
        hours_per_week=job.hours_per_week,
        start_date=job.start_date,
        hourly_pay=job.hourly_pay,
        is_apprenticeship=job.is_apprenticeship,
        paid_by_direct_payment=job.paid_by_direct_payment,
        district=job.district_id,
        local_authority=job.local_authority.name if job.local_authority_id else None,
        required_dbs=job.required_dbs,
        required_level=job.required_level,
        requires_driver=job.requires_driver,
        required_language=job.required_language.code if job.required_language_id else None,
        required_gender=job.required_gender,
        gender_reason=job.gender_reason,
        required_skills=[skill.code for skill in job.required_skills.all()],
        nice_interests=[interest.name for interest in job.nice_interests.all()],
        nice_years_experience=job.nice_years_experience,
        nice_skills=[skill.code for skill in job.nice_skills.all()],
        completed_steps=job.completed_steps,
        missing_steps=missing_steps(job),
        posted_by_organisation=(
            job.posted_by_organisation.name if job.posted_by_organisation_id else None
        ),
        hired_pa_id=job.hired_pa_id,
        created_at=job.created_at,
        updated_at=job.updated_at,
        published_at=job.published_at,
        closed_at=job.closed_at,
    )


def fresh_out(job: Job) -> JobOut:
    return job_out(with_answers(Job.objects.filter(pk=job.pk)).get())


def changes_from(payload: JobChangesIn, *, exclude: set[str] = frozenset()) -> dict[str, Any]:
    """The payload as `job_update` changes; JobInputError names a bad value."""
    given = payload.model_dump(exclude_unset=True, exclude=set(exclude))
    for name, value in given.items():
        if value is None and name not in NULLABLE:
            raise JobInputError(name, f"{name} cannot be null; leave it out to keep it")
    changes = {name: value for name, value in given.items() if name not in LIST_FIELDS}
    for name in ("tasks", "required_skills", "nice_skills"):
        if name in given:
            changes[name] = skills_by_code(given[name], field=name)
    if "nice_interests" in given:
        changes["nice_interests"] = interests_by_name(given["nice_interests"])
    if "hours" in given:
        unknown = [key for key in given["hours"] if key not in SLOT_BY_KEY]
        if unknown:
            raise JobInputError(
                "hours_grid",
                f"Unknown weekly grid slot: {unknown[0]}. Use keys like monday_morning",
            )
        changes["hours_grid"] = mask_from_keys(given["hours"])
    if "required_language" in given:
        changes["required_language"] = language_by_code(given["required_language"])
    if "district" in given:
        try:
            changes["district"] = district_by_outcode(given["district"])
        except (InvalidPostcode, UnknownDistrict) as error:
            raise JobInputError("district", error.message) from None
    if "gender_reason" in given:
        changes["gender_reason"] = given["gender_reason"] or ""
    return changes


def input_error(error: JobInputError) -> Status:
    field = "hours" if error.field == "hours_grid" else error.field
    return Status(400, {"detail": f"{field}: {error.message}", "field": field})


def not_ready(error: JobNotReady) -> Status:
    return Status(
        400,
        {
            "detail": "The job cannot be opened to applications yet: " + str(error),
            "problems": [{"step": p.step, "message": p.message} for p in error.problems],
        },
    )


def load_job(job_id: int) -> Job:
    return get_object_or_404(with_answers(Job.objects.select_related("employer")), pk=job_id)


def access_job_for_reader(request: HttpRequest, job_id: int) -> Job:
    """The employer side, or staff overseeing the job's area (audited); 404 otherwise."""
    job = load_job(job_id)
    user = request.auth
    if can_manage_job(user, job):
        return job
    if can_view_job_as_employer_side(user, job):
        audit.record_view(user, job)
        return job
    raise Http404


def access_job_for_changer(request: HttpRequest, job_id: int) -> Job | Status:
    """The employer side may change a job; overseeing staff are told why they may not
    (403), and anyone else learns nothing (404)."""
    job = load_job(job_id)
    if not can_manage_job(request.auth, job):
        if not can_view_job_as_employer_side(request.auth, job):
            raise Http404
        return Status(
            403,
            {
                "detail": "You can see this job but not change it: the employer has not agreed "
                "that your organisation may act for them."
            },
        )
    return job


@router.get(
    "/employer/jobs",
    response=list[JobOut],
    auth=django_auth,
    summary="Jobs you manage",
    description="Jobs of every employer you may act for, newest first; filter by status.",
)
def jobs_list(
    request: HttpRequest,
    status: Literal["draft", "published", "paused", "closed", "filled"] | None = None,
    employer_id: RecordId | None = None,
) -> list[JobOut]:
    jobs = jobs_user_may_manage(request.auth).order_by("-updated_at")
    if status:
        jobs = jobs.filter(status=status)
    if employer_id is not None:
        jobs = jobs.filter(employer_id=employer_id)
    return [job_out(job) for job in with_answers(jobs)[:MAX_LIST]]


@router.post(
    "/employer/jobs",
    response={201: JobOut, 400: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Start a job (a draft) for an employer",
    description=(
        "Creates a draft for `employer_id`, placed in the employer's district, with any other "
        "answers given. The employer profile must exist. A value that breaks a job rule gives "
        "400 naming the field; nothing is saved."
    ),
)
def jobs_create(request: HttpRequest, payload: JobCreateIn):
    user: User = request.auth
    employer = User.objects.filter(pk=payload.employer_id, is_active=True).first()
    if employer is None or not can_act_for_employer(user, employer):
        return Status(404, {"detail": "No employer with that id that you may act for."})
    try:
        with transaction.atomic():
            changes = changes_from(payload, exclude={"employer_id", "title"})
            job = job_create_draft(employer=employer, by=user, title=payload.title)
            if changes:
                job = job_update(job=job, changes=changes, by=user)
    except JobInputError as error:
        return input_error(error)
    except EmployerProfileMissing as error:
        return Status(400, {"detail": str(error), "field": "employer_id"})
    return Status(201, fresh_out(job))


@router.get(
    "/employer/jobs/{job_id}",
    response={200: JobOut, 404: ErrorOut},
    auth=django_auth,
    summary="One job",
)
def jobs_get(request: HttpRequest, job_id: int):
    return Status(200, job_out(access_job_for_reader(request, job_id)))


@router.patch(
    "/employer/jobs/{job_id}",
    response={200: JobOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Change a job's answers",
    description=(
        "Send only the fields to change; each answered builder step is marked completed. "
        "400 names a value that breaks a rule (pay below the legal minimum on the start "
        "date, hours the weekly grid cannot hold, a gender requirement without the intimate "
        "care reason); 409 if the job is closed or filled."
    ),
)
def jobs_update(request: HttpRequest, job_id: int, payload: JobChangesIn):
    job = access_job_for_changer(request, job_id)
    if isinstance(job, Status):
        return job
    try:
        with transaction.atomic():
            changes = changes_from(payload)
            if changes:
                job = job_update(job=job, changes=changes, by=request.auth)
    except JobInputError as error:
        return input_error(error)
    except JobStateError as error:
        return Status(409, {"detail": error.message})
    return Status(200, fresh_out(job))


@router.delete(
    "/employer/jobs/{job_id}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Delete a draft",
    description="Only a draft can be deleted (409 otherwise): close an advertised job instead.",
)
def jobs_delete(request: HttpRequest, job_id: int):
    job = access_job_for_changer(request, job_id)
    if isinstance(job, Status):
        return job
    try:
        job_delete_draft(job=job, by=request.auth)
    except JobStateError as error:
        return Status(409, {"detail": error.message})
    return Status(204, None)


def status_action(request: HttpRequest, job_id: int, action, **kwargs):
    job = access_job_for_changer(request, job_id)
    if isinstance(job, Status):
        return job
    try:
        job = action(job=job, by=request.auth, **kwargs)
    except JobNotReady as error:
        return not_ready(error)
    except JobStateError as error:
        return Status(409, {"detail": error.message})
    return Status(200, fresh_out(job))


ACTION_RESPONSES = {200: JobOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


@router.post(
    "/employer/jobs/{job_id}/publish",
    response=ACTION_RESPONSES,
    auth=django_auth,
    summary="Publish a draft",
    description="400 lists what is missing or wrong, step by step; 409 if it is not a draft.",
)
def jobs_publish(request: HttpRequest, job_id: int):
    return status_action(request, job_id, job_publish)


@router.post(
    "/employer/jobs/{job_id}/pause",
    response=ACTION_RESPONSES,
    auth=django_auth,
    summary="Pause an open job",
)
def jobs_pause(request: HttpRequest, job_id: int):
    return status_action(request, job_id, job_pause)


@router.post(
    "/employer/jobs/{job_id}/resume",
    response=ACTION_RESPONSES,
    auth=django_auth,
    summary="Open a paused job again",
    description="400 if the pay is now below the legal minimum (rates rise each April).",
)
def jobs_resume(request: HttpRequest, job_id: int):
    return status_action(request, job_id, job_resume)


def close_reason(request: HttpRequest) -> str:
    """The optional `{"reason": "..."}` body (or a form's `reason`); ValueError if a body is
    there but is not that."""
    if request.content_type == "application/json":
        if not request.body.strip():
            return ""
        try:
            payload = json.loads(request.body)
        except ValueError:
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("reason", ""), str):
            raise ValueError('Send nothing, or {"reason": "..."}')
        reason = payload.get("reason", "")
    else:
        reason = request.POST.get("reason", "")
    if len(reason) > MAX_REASON:
        raise ValueError(f"The reason must be {MAX_REASON} characters or fewer")
    # Read by hand, so the text rules `InputSchema` applies are applied here.
    return check_text(reason, one_line=False)


@router.post(
    "/employer/jobs/{job_id}/close",
    response=ACTION_RESPONSES,
    auth=django_auth,
    summary="Close an open or paused job",
    description='Optionally send `{"reason": "..."}`; the reason is kept in the audit log.',
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": CloseIn.model_json_schema()}},
        }
    },
)
def jobs_close(request: HttpRequest, job_id: int):
    try:
        reason = close_reason(request)
    except ValueError as error:
        return Status(400, {"detail": str(error), "field": "reason"})
    return status_action(request, job_id, job_close, reason=reason)


@router.post(
    "/employer/jobs/{job_id}/reopen",
    response=ACTION_RESPONSES,
    auth=django_auth,
    summary="Reopen a closed job",
    description="400 if the pay is now below the legal minimum (rates rise each April).",
)
def jobs_reopen(request: HttpRequest, job_id: int):
    return status_action(request, job_id, job_reopen)
