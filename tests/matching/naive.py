"""The reference the engine is checked against: every PA (or every open job) loaded and
scored in Python, the slow and obvious way.

Used by the tests (tests/matching/test_engine*.py) and by the benchmark
(bench/matching_bench.py, which runs from the repository root with it on `sys.path`), so the
two compare the engine with the same thing. Not part of PA Hub itself.
"""

from django.utils import timezone

from pahub.accounts.models import User
from pahub.jobs.matches.needs import job_needs, needs_for_jobs
from pahub.jobs.matches.queries import JobResult, explain_jobs
from pahub.jobs.models import Job
from pahub.matching import candidates
from pahub.matching.engine import (
    DEFAULT_LIMIT,
    PAResult,
    candidates_for_profiles,
    clamp_limit,
    explain_profiles,
    pa_candidate,
)
from pahub.matching.scoring import score, unmet_must_haves
from pahub.register.models import PAProfile


def naive_matches_for_job(job: Job, *, viewer: User, limit: int = DEFAULT_LIMIT) -> list[PAResult]:
    """What `matches_for_job` must return, the slow and obvious way: load every PA the viewers
    may see, keep those with no unmet must-have who are free at some of the job's times,
    score them all and sort. Visibility is still the database's (`visible_profiles_q`)."""
    now = timezone.now()
    needs = job_needs(job)
    profiles = candidates.profiles_for_viewers(job.employer, viewer).exclude(
        user_id=job.employer_id
    )
    scored = []
    for pa in candidates_for_profiles(profiles, now=now).values():
        if unmet_must_haves(needs, pa):
            continue
        if needs.hours_grid and not needs.hours_grid & pa.availability:
            continue
        match = score(needs, pa)
        scored.append((-match.score, match.miles, pa.profile_id))
    scored.sort()
    chosen = [pk for _, _, pk in scored[: clamp_limit(limit)]]
    return explain_profiles(needs, chosen, limit=clamp_limit(limit), now=now)


def naive_matches_for_pa(profile: PAProfile, *, limit: int = DEFAULT_LIMIT) -> list[JobResult]:
    """What `matches_for_pa` must return: every open job loaded and scored in Python."""
    pa = pa_candidate(profile)
    jobs = Job.objects.filter(status=Job.Status.PUBLISHED).exclude(employer_id=profile.user_id)
    scored = []
    for needs in needs_for_jobs(jobs).values():
        if unmet_must_haves(needs, pa):
            continue
        if needs.hours_grid and not needs.hours_grid & pa.availability:
            continue
        match = score(needs, pa)
        scored.append((-match.score, match.miles, needs.job_id, needs))
    scored.sort(key=lambda row: row[:3])
    chosen = [row[3] for row in scored[: clamp_limit(limit)]]
    return explain_jobs(pa, chosen, limit=clamp_limit(limit))
