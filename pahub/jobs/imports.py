"""Importing a council's job list (kind "jobs"): each row becomes a draft job for an
employer already on PA Hub who has agreed that the organisation may act for them.

A job list is hundreds of rows, not tens of thousands, so each row goes through the job
builder's own services (`job_create_draft`, `job_update`), with every rule they apply, in a
savepoint of its own: a row a rule refuses leaves nothing behind. In a dry run the runner
rolls the whole chunk back, so the dry run applies exactly the same rules.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from pahub.accounts.models import User
from pahub.core.imports.kinds import Chunk, ImportField, ImportKind, RowDecision, register_kind
from pahub.core.imports.models import ImportRowResult
from pahub.employers.permissions import employers_user_can_act_for
from pahub.jobs.builder.rules import EmployerProfileMissing, JobInputError
from pahub.jobs.models import Job
from pahub.jobs.services import job_create_draft, job_update

Outcome = ImportRowResult.Outcome

FIELDS = (
    ImportField("title", "Job title", required=True, aliases=("title", "job", "role")),
    ImportField(
        "employer_email",
        "Employer's email address",
        required=True,
        aliases=("employer email", "employer", "email"),
    ),
    ImportField("description", "Description", aliases=("details", "about the job")),
    ImportField("hourly_pay", "Hourly pay", aliases=("pay", "rate", "hourly rate")),
)
UPDATABLE = ("description", "hourly_pay")


def row_keys(values: dict[str, str]) -> list[str]:
    email = values.get("employer_email", "").strip().lower()
    title = " ".join(values.get("title", "").split()).casefold()
    return [f"job:{email}|{title}" if email and title else ""]


class Refused(ValueError):
    pass


def _clean(values: dict[str, str]) -> dict:
    title = " ".join(values.get("title", "").split())
    if not title:
        raise Refused("Job title is missing")
    email = values.get("employer_email", "").strip().lower()
    if not email:
        raise Refused("Employer's email address is missing")
    pay_text = values.get("hourly_pay", "").strip().lstrip("£")
    pay = None
    if pay_text:
        try:
            pay = Decimal(pay_text).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise Refused(f"Hourly pay '{pay_text}' is not an amount in pounds") from None
    return {
        "title": title,
        "employer_email": email,
        "description": values.get("description", "").strip(),
        "hourly_pay": pay,
    }


def _changes(row: dict, job: Job | None = None) -> dict:
    """The answers a row gives beyond the title, as job_update takes them."""
    wanted = {"description": row["description"], "hourly_pay": row["hourly_pay"]}
    wanted = {name: value for name, value in wanted.items() if value not in ("", None)}
    if job is None:
        return wanted
    return {name: value for name, value in wanted.items() if getattr(job, name) != value}


def _employers(staff: User | None, emails: set[str]) -> tuple[dict[str, User], set[str]]:
    """Employers this staff member may act for, by email; and the emails of anyone else on
    PA Hub, so a row can say which of the two it is."""
    if staff is None:
        return {}, set()
    allowed = {
        user.email.lower(): user
        for user in employers_user_can_act_for(staff).filter(email__in=emails)
    }
    known = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    return allowed, known


def handle_chunk(chunk: Chunk) -> list[RowDecision]:
    run, staff = chunk.run, chunk.run.started_by
    decisions, cleaned = [], []
    for number, values in chunk.rows:
        try:
            cleaned.append((number, _clean(values)))
        except Refused as refusal:
            decisions.append(RowDecision(number, Outcome.REFUSED, str(refusal)))
    allowed, known = _employers(staff, {row["employer_email"] for _n, row in cleaned})
    existing: dict[tuple[int, str], Job] = {}
    for job in Job.objects.filter(employer__in=list(allowed.values())).order_by("pk"):
        existing.setdefault((job.employer_id, job.title.casefold()), job)
    for number, row in cleaned:
        employer = allowed.get(row["employer_email"])
        if employer is None:
            reason = (
                f"{row['employer_email']} has not agreed that {run.organisation.name} may act "
                "for them"
                if row["employer_email"] in known
                else f"No employer on PA Hub has the email address {row['employer_email']}"
            )
            decisions.append(RowDecision(number, Outcome.REFUSED, reason))
            continue
        job = existing.get((employer.pk, row["title"].casefold()))
        decisions.append(_write(number, row, employer, job, staff, run))
    return decisions


def _write(number: int, row: dict, employer: User, job: Job | None, staff, run) -> RowDecision:
    ours = job is not None and job.posted_by_organisation_id == run.organisation_id
    if job is not None and not (ours and job.status == Job.Status.DRAFT):
        return RowDecision(
            number, Outcome.DUPLICATE, "The employer already has a job with this title", job.pk
        )
    changes = _changes(row, job)
    if job is not None and not changes:
        return RowDecision(number, Outcome.DUPLICATE, "Already imported, no change", job.pk)
    try:
        with transaction.atomic():
            if job is None:
                job = job_create_draft(employer=employer, by=staff, title=row["title"])
            if changes:
                job_update(job=job, changes=changes, by=staff)
    except (JobInputError, EmployerProfileMissing) as problem:
        message = getattr(problem, "message", str(problem))
        return RowDecision(number, Outcome.REFUSED, message)
    if ours:
        labels = ", ".join(name.replace("_", " ") for name in changes)
        return RowDecision(number, Outcome.UPDATED, f"Changed: {labels}", job.pk)
    return RowDecision(number, Outcome.CREATED, "New draft job for the employer to check", job.pk)


register_kind(
    ImportKind(
        name="jobs", title="Job list", fields=FIELDS, row_keys=row_keys, handle_chunk=handle_chunk
    )
)
