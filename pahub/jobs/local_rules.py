"""A job and the local rules of its employer's council: the jobs' one home for applying them.

The rules themselves (what is in force, the strictest wins, the reason in the council's
name) are `pahub.rules.queries.requirements_for`. Here a job's answers meet them:

- The DBS check a job asks for may not be lower than the rules' (the builder refuses it,
  naming the council's reason by the question); a job saved for any other answer is raised
  to it, so a rule added later applies to every edit.
- The minimum PA Hub level is not an employer's answer: it is always what the rules ask.
- When a council's rules change, its employers' drafts and open jobs follow at once
  (`follow_council_rules`, registered with `rules.followers`); docs/rules.md says why.

"The employer's council" is the council of the employer's profile (the council that pays a
direct payment), or the job's own council when the employer has no profile.
"""

from collections.abc import Iterable

from django.db.models import F
from django.db.models.functions import Coalesce

from pahub.accounts.models import User
from pahub.core import audit
from pahub.employers.models import EmployerProfile
from pahub.jobs.builder.rules import STEPS, JobInputError, JobProblem
from pahub.jobs.models import Job
from pahub.matching.must_haves import DBS_CHECKS
from pahub.register.levels import LEVEL_NAMES
from pahub.rules.queries import Requirements, requirements_for, requirements_for_many
from pahub.taxonomy.dbs import dbs_rank

# Jobs that may still change: a closed or filled job keeps the terms it was advertised on.
LIVE_STATUSES = (Job.Status.DRAFT, Job.Status.PUBLISHED, Job.Status.PAUSED)


def employer_council_id(job: Job) -> str | None:
    council_id = (
        EmployerProfile.objects.filter(user_id=job.employer_id)
        .values_list("local_authority_id", flat=True)
        .first()
    )
    return council_id or job.local_authority_id


def requirements_for_job(job: Job, *, paid_by_direct_payment: bool | None = None) -> Requirements:
    """What the employer's council's rules ask of this job (or of it with the direct payment
    answer changed, while the builder checks a new answer)."""
    paid = job.paid_by_direct_payment if paid_by_direct_payment is None else paid_by_direct_payment
    return requirements_for(employer_council_id(job), paid)


def dbs_words(rank: int) -> str:
    return DBS_CHECKS.get(rank, "a DBS check")


def dbs_refusal(requirements: Requirements) -> str:
    """The message by the DBS question when a lower check is chosen."""
    assert requirements.dbs is not None
    return (
        f"{requirements.dbs.reason}: choose {dbs_words(requirements.dbs.rank)} or higher. "
        f"{requirements.dbs.explanation}"
    )


def dbs_question_hint(requirements: Requirements) -> str:
    """What the DBS question says when a rule sets the lowest check."""
    if requirements.dbs is None:
        return ""
    return (
        f"{requirements.dbs.reason}: {dbs_words(requirements.dbs.rank)} or higher. "
        f"{requirements.dbs.explanation}"
    )


def apply_to_answers(job: Job, changes: dict, requirements: Requirements) -> None:
    """Refuse a DBS answer below the rules, or raise the job's check to them; `changes` is
    the job_update's dict of answers, changed in place."""
    if requirements.dbs is None:
        return
    if "required_dbs" in changes:
        if dbs_rank(changes["required_dbs"]) < requirements.dbs.rank:
            raise JobInputError("required_dbs", dbs_refusal(requirements))
    elif dbs_rank(job.required_dbs) < requirements.dbs.rank:
        changes["required_dbs"] = requirements.dbs.dbs_level


def local_rule_problems(job: Job) -> list[JobProblem]:
    """What stops a job opening under the rules: a safety net for a job whose employer moved
    council or whose answers were saved before the rule (followers raise live jobs at once)."""
    requirements = requirements_for_job(job)
    problems = []
    if requirements.dbs and dbs_rank(job.required_dbs) < requirements.dbs.rank:
        problems.append(JobProblem("must_haves", dbs_refusal(requirements)))
    return problems


def with_rule_problems(problems: list[JobProblem], job: Job) -> list[JobProblem]:
    order = {step: position for position, step in enumerate(STEPS)}
    combined = [*problems, *local_rule_problems(job)]
    return sorted(combined, key=lambda problem: order.get(problem.step, len(order)))


def rule_lines(job: Job, requirements: Requirements) -> list[str]:
    """The rules that set this job's must-haves, each with its reason, for the job's summary
    and check page: "Required by Gateshead Council for jobs paid by a direct payment: an
    enhanced DBS check or higher"."""
    lines = []
    if requirements.dbs and dbs_rank(job.required_dbs) <= requirements.dbs.rank:
        lines.append(f"{requirements.dbs.reason}: {dbs_words(requirements.dbs.rank)} or higher")
    if requirements.level:
        level = LEVEL_NAMES.get(requirements.level.rank, "a level")
        lines.append(f"{requirements.level.reason}: PAs at {level} or above on PA Hub")
    return lines


def rule_notes(requirements: Requirements) -> list[str]:
    return [f"{note.reason}. {note.funding_details}" for note in requirements.notes]


def jobs_of_council(council_id: str) -> Iterable[Job]:
    return (
        Job.objects.filter(status__in=LIVE_STATUSES)
        .annotate(
            council=Coalesce(F("employer__employer_profile__local_authority_id"), "local_authority")
        )
        .filter(council=council_id)
        .select_for_update(of=("self",))
    )


def follow_council_rules(*, council_id: str, by: User | None) -> None:
    """Keep the council's employers' live jobs in step with its rules: raise a DBS check
    below them, and set the minimum level to theirs. A DBS check is never lowered here (it
    is the employer's own answer too); the level, which is only ever the rules', is."""
    jobs = list(jobs_of_council(council_id))
    requirements = requirements_for_many({(council_id, job.paid_by_direct_payment) for job in jobs})
    for job in jobs:
        needed = requirements[(council_id, job.paid_by_direct_payment)]
        fields = []
        if needed.dbs and job.required_dbs_rank < needed.dbs.rank:
            job.required_dbs = needed.dbs.dbs_level
            job.required_dbs_rank = needed.dbs.rank
            fields += ["required_dbs", "required_dbs_rank"]
        if job.required_level != needed.min_level:
            job.required_level = needed.min_level
            fields.append("required_level")
        if fields:
            job.save(update_fields=[*fields, "updated_at"])
            audit.record(by, "job.local_rules_applied", job, council=council_id, fields=fields)
