"""A job's matches and a PA's matching jobs: the job side of the matching engine.

- `matches_for_job`: PAs for a job, best first, for someone on the job's employer side.
- `matches_for_pa`: open jobs for a PA, best first ("Jobs for you").
- `explain_jobs_for_pa`: the match between a PA and jobs listed elsewhere (public search).

The PAs' side (prefilters over profiles, the score in SQL, ranking) is `pahub.matching`;
this module adds what is about jobs: which jobs are open to a PA, and loading them.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from pahub.accounts.models import User
from pahub.jobs.models import Job
from pahub.matching import candidates
from pahub.matching.engine import (
    DEFAULT_LIMIT,
    SPARE_ROWS,
    PAResult,
    clamp_limit,
    pa_candidate,
    rank_candidates,
)
from pahub.matching.scoring import (
    Counts,
    JobNeeds,
    Match,
    PACandidate,
    grid_hours,
    score,
    score_from_counts,
    unmet_must_haves,
)
from pahub.matching.sql import ListedCount
from pahub.register.models import PAProfile

from .needs import job_interests, job_needs, needs_for_jobs
from .pool import JOBS


@dataclass
class JobResult:
    job: Job
    match: Match


# Which jobs a PA could match


def open_jobs_for(pa: PACandidate) -> QuerySet[Job]:
    """Published jobs whose must-haves this PA meets, in districts within their travel
    distance, at times they are free for some of. Distance is narrowed by district here."""
    jobs = Job.objects.filter(
        status=Job.Status.PUBLISHED,
        required_dbs_rank__lte=pa.dbs_rank,
        # Set by the employer's council's local rules (`jobs.local_rules`).
        required_level__lte=pa.level,
    )
    if not (pa.has_driving_licence and pa.has_own_car):
        jobs = jobs.filter(requires_driver=False)
    jobs = jobs.filter(Q(required_language__isnull=True) | Q(required_language__in=pa.language_ids))
    jobs = jobs.filter(Q(required_gender="") | Q(required_gender=pa.gender or "-"))
    # A job needing any skill this PA has not listed is out: one NOT IN over the job table.
    jobs = jobs.exclude(
        pk__in=Job.required_skills.through.objects.exclude(skill_id__in=pa.skill_ids).values(
            "job_id"
        )
    )
    if pa.availability:
        jobs = jobs.alias(free_in_grid=F("hours_grid").bitand(pa.availability)).exclude(
            Q(free_in_grid=0) & ~Q(hours_grid=0)
        )
    else:
        jobs = jobs.filter(hours_grid=0)
    return jobs


# A job's PAs, and a PA's jobs


def matches_for_job(job: Job, *, viewer: User, limit: int = DEFAULT_LIMIT) -> list[PAResult]:
    """PAs for this job, best first. The caller has checked that `viewer` may see the job.

    Visible means visible to the job's employer (the PAs chose who may see them) and to the
    viewer too, so a representative or member of staff never sees a PA they could not open.
    """
    now = timezone.now()
    needs = job_needs(job)
    results, _found = rank_candidates(
        needs,
        viewers=(job.employer, viewer),
        exclude_user_id=job.employer_id,
        limit=clamp_limit(limit),
        now=now,
    )
    return results


def matches_for_pa(profile: PAProfile, *, limit: int = DEFAULT_LIMIT) -> list[JobResult]:
    """Open jobs for this PA, best first: must-haves met, within their travel distance.

    The in-memory pool of published jobs (`pool.JOBS`) finds and scores the candidates; the
    best are loaded again from the database (published ones only), their needs built from
    the rows and explained by `scoring.score`. When a published job names a skill, interest
    or language without a bit, the database ranks instead (`ranked_by_database`).
    """
    now = timezone.now()
    limit = clamp_limit(limit)
    pa = pa_candidate(profile, now=now)
    miles_by_district = candidates.districts_within_travel(pa)
    if not miles_by_district:
        return []
    keep = limit + SPARE_ROWS
    chosen = JOBS.rank(pa, miles_by_district, exclude_employer_id=profile.user_id, keep=keep)
    if chosen is None:
        chosen = ranked_by_database(profile, pa, miles_by_district, keep=keep)
    needs = needs_for_jobs(chosen)
    return explain_jobs(
        pa, [needs[pk] for pk in chosen if pk in needs], limit=limit, employer_id=profile.user_id
    )


def ranked_by_database(
    profile: PAProfile, pa: PACandidate, miles_by_district: dict[str, float], *, keep: int
) -> list[int]:
    """The best `keep` open jobs' ids for this PA, ranked from numbers the database counts:
    for each candidate job its tasks and nice-to-have skills and how many of them the PA has;
    Python adds the rest (hours free, distance, interests) with `scoring.score_from_counts`."""
    skills = pa.skill_ids
    rows = list(
        open_jobs_for(pa)
        .filter(district_id__in=sorted(miles_by_district))
        .exclude(employer_id=profile.user_id)
        .annotate(
            task_count=ListedCount(Job.tasks.through, "skill_id", None, owner="job_id"),
            tasks_done=ListedCount(Job.tasks.through, "skill_id", skills, owner="job_id"),
            nice_count=ListedCount(Job.nice_skills.through, "skill_id", None, owner="job_id"),
            nice_had=ListedCount(Job.nice_skills.through, "skill_id", skills, owner="job_id"),
        )
        .values_list(
            "pk",
            "district_id",
            "hours_grid",
            "nice_years_experience",
            "employer_id",
            "task_count",
            "tasks_done",
            "nice_count",
            "nice_had",
        )
    )
    interests = job_interests({row[0]: row[4] for row in rows})
    ranked = []
    for pk, district, grid, nice_years, _employer, tasks, done, nice, nice_had in rows:
        listed = interests[pk]
        has_years = bool(nice_years) and (pa.years_experience or 0) >= nice_years
        numbers = Counts(
            job_hours=grid_hours(grid),
            free_hours=grid_hours(grid & pa.availability),
            miles=miles_by_district[district],
            travel_miles=pa.travel_miles,
            tasks=tasks,
            tasks_done=done,
            nice=nice + (1 if nice_years else 0),
            nice_had=nice_had + (1 if has_years else 0),
            interests=len(listed),
            interests_shared=len(listed & pa.interest_ids),
            level=pa.level,
            days_since_active=pa.days_since_active,
        )
        ranked.append((-score_from_counts(numbers), numbers.miles, pk))
    ranked.sort()
    return [pk for _, _, pk in ranked[:keep]]


def explain_jobs(
    pa: PACandidate, needs: Sequence[JobNeeds], *, limit: int, employer_id: int | None = None
) -> list[JobResult]:
    """The jobs still published (and not the PA's own, as an employer), each must-have checked
    again, scored and explained, best first."""
    published = Job.objects.filter(status=Job.Status.PUBLISHED)
    if employer_id is not None:
        published = published.exclude(employer_id=employer_id)
    jobs = published.select_related("district", "local_authority").in_bulk(
        [item.job_id for item in needs]
    )
    results = []
    for job_needs_item in needs:
        if job_needs_item.job_id not in jobs or unmet_must_haves(job_needs_item, pa):
            continue
        if job_needs_item.hours_grid and not job_needs_item.hours_grid & pa.availability:
            continue
        results.append(JobResult(job=jobs[job_needs_item.job_id], match=score(job_needs_item, pa)))
    results.sort(key=lambda result: (-result.match.score, result.match.miles, result.job.pk))
    return results[:limit]


def explain_jobs_for_pa(profile: PAProfile, jobs: Sequence[Job]) -> dict[int, Match]:
    """How well each of these jobs suits this PA, explained, whether or not they are a match
    (`Match.missing` then says why not): for job lists shown to a signed-in PA."""
    if not jobs:
        return {}
    pa = pa_candidate(profile)
    needs = needs_for_jobs([job.pk for job in jobs])
    return {pk: score(item, pa) for pk, item in needs.items()}
