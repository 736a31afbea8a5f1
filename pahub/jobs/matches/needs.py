"""A job as the matching engine sees it: `JobNeeds` built from `Job` rows.

Matching is pure and knows nothing of the `Job` model; this is where a job's must-haves,
hours, tasks, nice-to-haves and interests (its own and its employer's) become the plain data
`pahub.matching.scoring` scores, with the reasons of the employer's council's local rules.
Three or four queries however many jobs.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import F, QuerySet, Value

from pahub.core.sql_shapes import (
    CompiledShape,
    compile_shape,
    padded_ids,
    padded_size,
    shape_cache,
    stand_ins,
)
from pahub.employers.models import EmployerProfile
from pahub.jobs.models import Job
from pahub.matching.engine import pairs_by_first
from pahub.matching.must_haves import MustHaves
from pahub.matching.scoring import JobNeeds
from pahub.rules.queries import requirements_for_many
from pahub.taxonomy import dbs
from pahub.taxonomy.models import Skill

SKILL_LISTS = {
    "tasks": Job.tasks.through,
    "required": Job.required_skills.through,
    "nice_skills": Job.nice_skills.through,
}
INTEREST_LISTS = ("nice_interests", "employer_interests")
LISTS = (*SKILL_LISTS, *INTEREST_LISTS)


def job_lists(job_ids, employer_ids: set[int]) -> QuerySet:
    """Every task, required and nice-to-have skill and nice-to-have interest of these jobs,
    and every interest of these employers, with their names, as (list, owner, item, name):
    one query for five lists (a job's id is the owner, or an employer's user id for the
    employer's interests)."""
    parts = [
        model.objects.filter(job_id__in=job_ids)
        .annotate(list=Value(name), owner=F("job_id"), item=F("skill_id"), name=F("skill__name"))
        .order_by()
        .values_list("list", "owner", "item", "name")
        for name, model in SKILL_LISTS.items()
    ]
    parts.append(
        Job.nice_interests.through.objects.filter(job_id__in=job_ids)
        .annotate(
            list=Value("nice_interests"),
            owner=F("job_id"),
            item=F("interest_id"),
            name=F("interest__name"),
        )
        .order_by()
        .values_list("list", "owner", "item", "name")
    )
    parts.append(
        EmployerProfile.interests.through.objects.filter(employerprofile__user_id__in=employer_ids)
        .annotate(
            list=Value("employer_interests"),
            owner=F("employerprofile__user_id"),
            item=F("interest_id"),
            name=F("interest__name"),
        )
        .order_by()
        .values_list("list", "owner", "item", "name")
    )
    return parts[0].union(*parts[1:], all=True)


# What `needs_for_jobs` reads of each job, in this order.
JOB_COLUMNS = (
    "pk",
    "hours_grid",
    "hours_per_week",
    "district_id",
    "district__latitude",
    "district__longitude",
    "required_dbs_rank",
    "requires_driver",
    "required_language_id",
    "required_language__name",
    "required_gender",
    "nice_years_experience",
    "employer_id",
    "required_level",
    "paid_by_direct_payment",
    "employer__employer_profile__local_authority_id",
    "local_authority_id",
)


# Where job_rows_and_lists finds the employer and the two booleans in a row.
EMPLOYER = JOB_COLUMNS.index("employer_id")
BOOLEANS = (JOB_COLUMNS.index("requires_driver"), JOB_COLUMNS.index("paid_by_direct_payment"))


def job_rows_query(job_ids) -> QuerySet:
    """`JOB_COLUMNS` of these jobs: the one definition of what a job's needs are read from."""
    return Job.objects.filter(pk__in=job_ids).values_list(*JOB_COLUMNS)


def job_rows_and_lists(jobs: QuerySet[Job] | Sequence[int]) -> tuple[list[tuple], list[tuple]]:
    """The jobs' `JOB_COLUMNS` rows and their `job_lists` rows, in two queries.

    A job's matches are worked out one job at a time, and building these two querysets (the
    lists are a union of five) cost more Python time than PostgreSQL took to answer: for a
    list of ids their SQL is built once per size of list (`core.sql_shapes`), as the
    profiles' lists are. A subquery, or more ids than the largest size, goes the long way.
    """
    if isinstance(jobs, QuerySet):
        return _built_for_this_call(jobs.values("pk"))
    ids = [int(pk) for pk in jobs]
    if not ids:
        return [], []
    size = padded_size(len(ids))
    if size is None:
        return _built_for_this_call(ids)
    rows = [
        _as_read_by_django(row) for row in _job_rows_shape(size).fetchall(padded_ids(ids, size))
    ]
    employer_ids = sorted({row[EMPLOYER] for row in rows})
    if not employer_ids:
        return rows, []
    employers_size = padded_size(len(employer_ids))
    values = [*padded_ids(ids, size), *padded_ids(employer_ids, employers_size)]
    return rows, _job_lists_shape(size, employers_size).fetchall(values)


def _built_for_this_call(job_ids) -> tuple[list[tuple], list[tuple]]:
    rows = list(job_rows_query(job_ids))
    return rows, list(job_lists(job_ids, {row[EMPLOYER] for row in rows}))


def _as_read_by_django(row: tuple) -> tuple:
    # The driver's own values: SQLite gives its booleans as 0 and 1, which Django's
    # converters would have made bools (the rest is read as Django reads it, or as float).
    row = list(row)
    for index in BOOLEANS:
        row[index] = bool(row[index])
    return tuple(row)


@shape_cache
def _job_rows_shape(size: int) -> CompiledShape:
    ids = stand_ins(size)
    return compile_shape(job_rows_query(ids), ids)


@shape_cache
def _job_lists_shape(jobs_size: int, employers_size: int) -> CompiledShape:
    job_ids = stand_ins(jobs_size)
    employer_ids = stand_ins(employers_size, start=jobs_size)
    return compile_shape(job_lists(job_ids, employer_ids), [*job_ids, *employer_ids])


def needs_for_jobs(jobs: QuerySet[Job] | Sequence[int]) -> dict[int, JobNeeds]:
    """`JobNeeds` for many jobs in a fixed number of queries, however many jobs (no N+1). The names the
    sentences need come with the ids, joined, rather than the whole taxonomy."""
    rows, lists = job_rows_and_lists(jobs)
    skill_names: dict[int, str] = {}
    interest_names: dict[int, str] = {}
    listed: dict[str, dict[int, set[int]]] = {name: defaultdict(set) for name in LISTS}
    for kind, owner, item, item_name in lists:
        listed[kind][owner].add(item)
        names = interest_names if kind in INTEREST_LISTS else skill_names
        names[item] = item_name
    skills = listed
    nice_interests = listed["nice_interests"]
    employer_interests = listed["employer_interests"]
    language_names = {row[8]: row[9] for row in rows if row[8]}
    # The local rules of each job's employer's council, to say why a must-have is asked.
    rules = requirements_for_many(
        (profile_council or job_council, paid) for *_, paid, profile_council, job_council in rows
    )
    needs = {}
    for (
        pk,
        grid,
        hours,
        district,
        latitude,
        longitude,
        dbs_rank,
        driver,
        language_id,
        _language_name,
        gender,
        nice_years,
        employer_id,
        required_level,
        paid,
        profile_council,
        job_council,
    ) in rows:
        needs[pk] = JobNeeds(
            job_id=pk,
            hours_grid=grid,
            hours_per_week=float(hours) if hours is not None else None,
            district=district or "",
            latitude=latitude,
            longitude=longitude,
            required_dbs_rank=dbs_rank,
            requires_driver=driver,
            required_language_ids=frozenset([language_id] if language_id else []),
            required_gender=gender,
            required_skill_ids=frozenset(skills["required"].get(pk, ())),
            min_level=required_level,
            rule_reasons=rules[(profile_council or job_council, paid)].reasons_for(
                dbs_rank=dbs_rank, level=required_level
            ),
            task_ids=frozenset(skills["tasks"].get(pk, ())),
            nice_skill_ids=frozenset(skills["nice_skills"].get(pk, ())),
            nice_years_experience=nice_years,
            interest_ids=frozenset(
                nice_interests.get(pk, set()) | employer_interests.get(employer_id, set())
            ),
            skill_names=skill_names,
            interest_names=interest_names,
            language_names=language_names,
        )
    return needs


def job_needs(job: Job) -> JobNeeds:
    return needs_for_jobs([job.pk])[job.pk]


def job_interests(jobs: dict[int, int]) -> dict[int, frozenset[int]]:
    """Each job's interests (`jobs` maps job id to employer id): its nice-to-have interests
    and its employer's own, together. Two queries however many jobs."""
    nice = pairs_by_first(
        Job.nice_interests.through.objects.filter(job_id__in=list(jobs)).values_list(
            "job_id", "interest_id"
        )
    )
    employers = pairs_by_first(
        EmployerProfile.interests.through.objects.filter(
            employerprofile__user_id__in=set(jobs.values())
        ).values_list("employerprofile__user_id", "interest_id")
    )
    return {
        job_id: frozenset(nice.get(job_id, set()) | employers.get(employer_id, set()))
        for job_id, employer_id in jobs.items()
    }


def job_must_haves(
    job: Job, *, required_skills: Iterable[Skill] | None = None, with_reason: bool = False
) -> MustHaves:
    """The job's must-haves as plain data for `must_haves_in_words`, from the loaded row:
    `job.required_language`, and `job.required_skills.all()` unless the skills are given
    (prefetch both when showing many jobs). The employer's own reason for a gender
    requirement only `with_reason` (their own pages and printouts, never the public's)."""
    skills = job.required_skills.all() if required_skills is None else required_skills
    return MustHaves(
        dbs_rank=dbs.dbs_rank(job.required_dbs),
        requires_driver=job.requires_driver,
        languages=(job.required_language.name,) if job.required_language_id else (),
        gender=job.required_gender,
        gender_reason=job.gender_reason if with_reason else "",
        skills=tuple(skill.name for skill in skills),
    )
