"""The matching engine: one set of rules (`scoring`), used both ways.

- `matches_for_job`: PAs for a job, best first, for someone on the job's employer side.
- `matches_for_pa`: open jobs for a PA, best first.
- `search_talent`: PAs for an employer's search, when there is no job yet.
- `explain_jobs_for_pa`: the match between a PA and jobs listed elsewhere (public search).

How a job's PAs are found among 100,000 (docs/matching.md has the measurements):

1. The database narrows to possible results (`candidates.candidate_profiles`): visible to
   the viewers, looking for work, every must-have met, within the PA's own travel distance
   (district bounding box, then exact miles), free at some of the job's times (bitmask).
2. The database adds up every part of the score except distance (`partial_points`), exactly
   as `scoring` does, and streams rows best first.
3. Python adds each row's distance points. Distance is worth at most its weight, so once the
   worst of the best `limit` rows beats what any later row could reach, the rest are skipped.
4. The few rows kept are loaded in full and explained by `scoring.score`, the same function
   the tests compare against loading every PA and scoring it in Python (`naive_matches_for_job`).
"""

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from operator import add

from django.db.models import (
    Case,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Least
from django.utils import timezone

from pahub.accounts.models import User
from pahub.employers.models import EmployerProfile
from pahub.jobs.models import Job
from pahub.places.models import District
from pahub.register.availability import SLOT_BY_KEY, mask_from_keys
from pahub.register.models import Interest, Language, PAProfile, ProfileLanguage, Skill

from . import candidates
from .filters import TalentFilters
from .scoring import (
    ACTIVITY_STEPS,
    INTERESTS_FOR_FULL_POINTS,
    SCORE_DECIMALS,
    SLOT_HOURS,
    TOP_LEVEL,
    WEIGHTS,
    Counts,
    JobNeeds,
    Match,
    PACandidate,
    distance_share,
    grid_hours,
    score,
    score_from_counts,
    unmet_must_haves,
)

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Kept beyond `limit` while ranking, so rounding in the database's sums can never push a
# result out of the list that Python's exact score would keep.
SPARE_ROWS = 10


@dataclass
class PAResult:
    profile: PAProfile
    match: Match


@dataclass
class JobResult:
    job: Job
    match: Match


# Loading what the score needs


@dataclass(frozen=True)
class Names:
    """Names of the taxonomy's skills, interests and languages, for the sentences."""

    skills: dict[int, str]
    interests: dict[int, str]
    languages: dict[int, str]


def taxonomy_names() -> Names:
    return Names(
        skills=dict(Skill.objects.values_list("pk", "name")),
        interests=dict(Interest.objects.values_list("pk", "name")),
        languages=dict(Language.objects.values_list("pk", "name")),
    )


def pairs_by_first(rows: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    grouped: dict[int, set[int]] = defaultdict(set)
    for owner, item in rows:
        grouped[owner].add(item)
    return grouped


def needs_for_jobs(jobs: QuerySet[Job] | Sequence[int]) -> dict[int, JobNeeds]:
    """`JobNeeds` for many jobs in six queries, however many jobs (no N+1). The names the
    sentences need come with the ids, joined, rather than the whole taxonomy."""
    job_ids = jobs.values("pk") if isinstance(jobs, QuerySet) else list(jobs)
    rows = list(
        Job.objects.filter(pk__in=job_ids).values_list(
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
        )
    )
    skill_names: dict[int, str] = {}
    interest_names: dict[int, str] = {}

    def listed(rows, names: dict[int, str]) -> dict[int, set[int]]:
        grouped: dict[int, set[int]] = defaultdict(set)
        for owner, item, name in rows:
            grouped[owner].add(item)
            names[item] = name
        return grouped

    skills = {
        name: listed(
            model.objects.filter(job_id__in=job_ids).values_list(
                "job_id", "skill_id", "skill__name"
            ),
            skill_names,
        )
        for name, model in (
            ("tasks", Job.tasks.through),
            ("required", Job.required_skills.through),
            ("nice_skills", Job.nice_skills.through),
        )
    }
    nice_interests = listed(
        Job.nice_interests.through.objects.filter(job_id__in=job_ids).values_list(
            "job_id", "interest_id", "interest__name"
        ),
        interest_names,
    )
    employer_interests = listed(
        EmployerProfile.interests.through.objects.filter(
            employerprofile__user_id__in={row[-1] for row in rows}
        ).values_list("employerprofile__user_id", "interest_id", "interest__name"),
        interest_names,
    )
    language_names = {row[8]: row[9] for row in rows if row[8]}
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


PROFILE_COLUMNS = (
    "pk",
    "district_id",
    "district__latitude",
    "district__longitude",
    "travel_miles",
    "availability",
    "dbs_rank",
    "has_driving_licence",
    "has_own_car",
    "gender",
    "years_experience",
    "level",
    "last_active_at",
)


def days_since(moment: datetime, now: datetime) -> int:
    """Whole days between two moments; the database's activity bands count the same way."""
    return max(0, (now - moment) // timedelta(days=1))


def candidates_for_profiles(
    profiles: QuerySet[PAProfile] | Sequence[int], *, now: datetime | None = None
) -> dict[int, PACandidate]:
    """`PACandidate`s for many profiles in four queries: the rows, then skill, interest and
    language ids in bulk (only ids: names come from the job's side)."""
    ids = profiles.values("pk") if isinstance(profiles, QuerySet) else list(profiles)
    rows = PAProfile.objects.filter(pk__in=ids).values_list(*PROFILE_COLUMNS)
    return build_candidates(rows, ids, now=now or timezone.now())


def candidates_from_profiles(
    profiles: Iterable[PAProfile], *, now: datetime
) -> dict[int, PACandidate]:
    """`PACandidate`s for profiles already loaded with their users' districts (three
    queries, for their lists), so a page that shows the profiles loads each row once."""
    rows = [
        (
            profile.pk,
            profile.user.district_id,
            profile.user.district.latitude if profile.user.district_id else None,
            profile.user.district.longitude if profile.user.district_id else None,
            *(getattr(profile, column) for column in PROFILE_COLUMNS[4:]),
        )
        for profile in profiles
    ]
    return build_candidates(rows, [row[0] for row in rows], now=now)


def build_candidates(rows: Iterable[tuple], ids, *, now: datetime) -> dict[int, PACandidate]:
    skills = pairs_by_first(
        PAProfile.skills.through.objects.filter(paprofile_id__in=ids).values_list(
            "paprofile_id", "skill_id"
        )
    )
    interests = pairs_by_first(
        PAProfile.interests.through.objects.filter(paprofile_id__in=ids).values_list(
            "paprofile_id", "interest_id"
        )
    )
    languages = pairs_by_first(
        ProfileLanguage.objects.filter(profile_id__in=ids).values_list("profile_id", "language_id")
    )
    found = {}
    for (
        pk,
        district,
        latitude,
        longitude,
        travel_miles,
        availability,
        dbs_rank,
        licence,
        car,
        gender,
        years,
        level,
        last_active_at,
    ) in rows:
        found[pk] = PACandidate(
            profile_id=pk,
            district=district or "",
            latitude=latitude,
            longitude=longitude,
            travel_miles=travel_miles,
            availability=availability,
            dbs_rank=dbs_rank,
            has_driving_licence=licence,
            has_own_car=car,
            language_ids=frozenset(languages.get(pk, ())),
            gender=gender,
            skill_ids=frozenset(skills.get(pk, ())),
            interest_ids=frozenset(interests.get(pk, ())),
            years_experience=years,
            level=level,
            days_since_active=days_since(last_active_at, now),
        )
    return found


def pa_candidate(profile: PAProfile, *, now: datetime | None = None) -> PACandidate:
    return candidates_for_profiles([profile.pk], now=now)[profile.pk]


# The score's parts in SQL, for ranking many PAs against one job


def _as_float(expression) -> ExpressionWrapper:
    return ExpressionWrapper(expression, output_field=FloatField())


def _one_if(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


class FreeHours(Expression):
    """Hours of the job's slots a PA is free for: `((availability >> slot) & 1) * hours`
    added up over the job's slots, written out once (a query is built per request)."""

    output_field = IntegerField()

    def __init__(self, slots: list[int]) -> None:
        super().__init__()
        self.slots = slots
        self.availability = F("availability")

    def get_source_expressions(self) -> list:
        return [self.availability]

    def set_source_expressions(self, expressions: list) -> None:
        (self.availability,) = expressions

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        column, params = compiler.compile(self.availability)
        terms = [f"(({column} >> {slot}) & 1) * {SLOT_HOURS[slot]}" for slot in self.slots]
        return f"({' + '.join(terms)})", params * len(self.slots)


class ListedCount(Expression):
    """How many of these skills (or interests) are listed for the row (a profile, or a job),
    as one correlated `(SELECT COUNT(*) ... WHERE owner = outer.id AND skill IN (...))`: a
    short range of the (owner, skill) index, read only for rows that got through the
    prefilter. With `values=None`, how many are listed at all.

    Measured against one `id IN (SELECT profile ... WHERE skill = n)` per skill (read once
    into a hash): on PostgreSQL each of those hashes 14,000 rows for a common skill, in every
    parallel worker, which cost more than the whole prefilter; on SQLite they were slower too.
    """

    output_field = IntegerField()

    def __init__(
        self, through, column: str, values: Iterable[int] | None, owner: str = "paprofile_id"
    ) -> None:
        super().__init__()
        self.through = through
        self.column = column
        self.values = None if values is None else sorted(values)
        self.owner = owner
        self.profile = F("pk")

    def get_source_expressions(self) -> list:
        return [self.profile]

    def set_source_expressions(self, expressions: list) -> None:
        (self.profile,) = expressions

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        if self.values == []:
            return "0", []
        quote = connection.ops.quote_name
        outer, outer_params = compiler.compile(self.profile)
        table = quote(self.through._meta.db_table)
        owner = f"{table}.{quote(self.owner)}"
        sql = f"(SELECT COUNT(*) FROM {table} WHERE {owner} = {outer}"  # noqa: S608
        if self.values is None:
            return f"{sql})", outer_params
        column = f"{table}.{quote(self.column)}"
        param_marks = ", ".join(["%s"] * len(self.values))
        return f"{sql} AND {column} IN ({param_marks}))", [*outer_params, *self.values]


class SkillPoints(ListedCount):
    """The points a profile's skills earn, in one correlated subquery: the sum, over the
    profile's skills that the job names, of each skill's points (a task's share of the tasks'
    weight plus a nice-to-have's share of theirs; a skill can be both)."""

    output_field = FloatField()

    def __init__(self, points: dict[int, float]) -> None:
        super().__init__(PAProfile.skills.through, "skill_id", list(points))
        self.points = points

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        quote = connection.ops.quote_name
        outer, outer_params = compiler.compile(self.profile)
        table = quote(self.through._meta.db_table)
        owner = f"{table}.{quote('paprofile_id')}"
        column = f"{table}.{quote(self.column)}"
        by_points: dict[float, list[int]] = defaultdict(list)
        for skill_id, points in sorted(self.points.items()):
            by_points[points].append(skill_id)
        whens, when_params = [], []
        for points, skill_ids in by_points.items():
            whens.append(f"WHEN {column} IN ({', '.join(['%s'] * len(skill_ids))}) THEN %s")
            when_params += [*skill_ids, points]
        param_marks = ", ".join(["%s"] * len(self.values))
        sql = (
            f"(SELECT COALESCE(SUM(CASE {' '.join(whens)} ELSE 0 END), 0) "  # noqa: S608
            f"FROM {table} WHERE {owner} = {outer} AND {column} IN ({param_marks}))"
        )
        return sql, [*when_params, *outer_params, *self.values]


def interests_listed(interest_ids) -> ListedCount:
    return ListedCount(PAProfile.interests.through, "interest_id", list(interest_ids))


def _sum(terms: list) -> object:
    return reduce(add, terms) if terms else Value(0)


def partial_points(needs: JobNeeds, *, now: datetime):
    """Every part of `scoring.score` but distance, as points, computed by the database.

    Each line mirrors a `*_share` function in `scoring`: change one, change both (the tests
    compare the two on random data).
    """
    terms = []
    job_hours = grid_hours(needs.hours_grid)
    if job_hours:
        slots = [slot for slot in range(len(SLOT_HOURS)) if needs.hours_grid >> slot & 1]
        terms.append(FreeHours(slots) * Value(WEIGHTS["availability"] / job_hours))
    # Tasks and nice-to-have skills together: one look at the profile's skills, not two.
    nice_count = len(needs.nice_skill_ids) + (1 if needs.nice_years_experience else 0)
    skill_points: dict[int, float] = defaultdict(float)
    for pk in needs.task_ids:
        skill_points[pk] += WEIGHTS["tasks"] / len(needs.task_ids)
    for pk in needs.nice_skill_ids:
        skill_points[pk] += WEIGHTS["nice_to_haves"] / nice_count
    if skill_points:
        terms.append(SkillPoints(dict(skill_points)))
    if needs.nice_years_experience:
        terms.append(
            _one_if(Q(years_experience__gte=needs.nice_years_experience))
            * Value(WEIGHTS["nice_to_haves"] / nice_count)
        )
    if needs.interest_ids:
        shared = interests_listed(needs.interest_ids)
        most = min(len(needs.interest_ids), INTERESTS_FOR_FULL_POINTS)
        terms.append(
            Least(shared, Value(INTERESTS_FOR_FULL_POINTS)) * Value(WEIGHTS["interests"] / most)
        )
    terms.append(F("level") * Value(WEIGHTS["level"] / TOP_LEVEL))
    # Active within N whole days means last active after now minus N+1 days.
    activity = Case(
        *[
            When(
                last_active_at__gt=now - timedelta(days=most_days + 1),
                then=Value(WEIGHTS["activity"] * share),
            )
            for most_days, share, _ in ACTIVITY_STEPS
        ],
        default=Value(0.0),
        output_field=FloatField(),
    )
    terms.append(activity)
    return _as_float(_sum(terms))


def weight_applying(needs: JobNeeds) -> float:
    """The points possible for this job: the weights of the parts it asks for."""
    shares_apply = {
        "availability": grid_hours(needs.hours_grid) > 0,
        "distance": True,
        "tasks": bool(needs.task_ids),
        "nice_to_haves": bool(needs.nice_skill_ids) or bool(needs.nice_years_experience),
        "interests": bool(needs.interest_ids),
        "level": True,
        "activity": True,
    }
    return sum(WEIGHTS[key] for key, applies in shares_apply.items() if applies)


def rank_profiles(
    needs: JobNeeds,
    profiles: QuerySet[PAProfile],
    reach: candidates.Reach,
    *,
    limit: int,
    now: datetime,
) -> list[PAResult]:
    """The best `limit` of these (prefiltered) profiles for the job, explained."""
    possible = weight_applying(needs)
    best_distance = WEIGHTS["distance"]
    keep = limit + SPARE_ROWS
    # A min-heap of the best rows so far, worst first: (score, -miles, -profile id).
    best: list[tuple[float, float, int]] = []
    rows = (
        profiles.annotate(partial=partial_points(needs, now=now))
        .order_by("-partial", "pk")
        .values_list("pk", "district_id", "travel_miles", "partial")
    )

    def take(batch) -> tuple[bool, int]:
        """Add a batch of rows: (whether no later row can enter the best, rows read)."""
        read = 0
        for pk, district, travel_miles, partial in batch:
            read += 1
            ceiling = round((partial + best_distance) / possible * 100, SCORE_DECIMALS)
            if len(best) >= keep and best[0][0] > ceiling:
                return True, read
            miles = reach.miles_by_district[district]
            points = partial + WEIGHTS["distance"] * distance_share(miles, travel_miles)
            entry = (round(points / possible * 100, SCORE_DECIMALS), -miles, -pk)
            if len(best) < keep:
                heapq.heappush(best, entry)
            elif entry > best[0]:
                heapq.heapreplace(best, entry)
        return False, read

    # Most jobs are settled by the first few hundred rows; the database sorts just those.
    first = keep * 4
    settled, read = take(rows[:first])
    if not settled and read == first:
        take(rows[first:].iterator(chunk_size=2000))
    return explain_profiles(needs, [-pk for _, _, pk in best], limit=limit, now=now)


def explain_profiles(
    needs: JobNeeds, profile_ids: list[int], *, limit: int, now: datetime
) -> list[PAResult]:
    """Load the chosen profiles, score and explain each one, best first."""
    profiles = PAProfile.objects.select_related("user__district", "user__local_authority").in_bulk(
        profile_ids
    )
    loaded = candidates_from_profiles(profiles.values(), now=now)
    results = []
    for pk, candidate in loaded.items():
        # The prefilter's rules again, in Python: a must-have is never broken by a result.
        if unmet_must_haves(needs, candidate):
            continue
        results.append(PAResult(profile=profiles[pk], match=score(needs, candidate)))
    results.sort(key=lambda result: (-result.match.score, result.match.miles, result.profile.pk))
    return results[:limit]


def clamp_limit(limit: int) -> int:
    return max(1, min(MAX_LIMIT, int(limit)))


# The public functions


def matches_for_job(job: Job, *, viewer: User, limit: int = DEFAULT_LIMIT) -> list[PAResult]:
    """PAs for this job, best first. The caller has checked that `viewer` may see the job.

    Visible means visible to the job's employer (the PAs chose who may see them) and to the
    viewer too, so a representative or member of staff never sees a PA they could not open.
    """
    now = timezone.now()
    needs = job_needs(job)
    reach = candidates.reach_of(needs)
    if reach.centre is None:
        return []
    profiles = candidates.candidate_profiles(
        needs, reach, viewers=(job.employer, viewer), exclude_user_id=job.employer_id
    )
    return rank_profiles(needs, profiles, reach, limit=clamp_limit(limit), now=now)


def needs_from_filters(filters: TalentFilters, *, viewer: User) -> JobNeeds | None:
    """A talent search as the job it is looking for; None if its district is unknown."""
    district = (
        District.objects.filter(outcode=filters.outcode, latitude__isnull=False)
        .values_list("latitude", "longitude")
        .first()
    )
    if district is None:
        return None
    names = taxonomy_names()
    skill_ids = frozenset(
        Skill.objects.filter(code__in=filters.skill_codes).values_list("pk", flat=True)
    )
    language_ids = frozenset(
        Language.objects.filter(code__in=filters.language_codes).values_list("pk", flat=True)
    )
    # The employer's own interests, when the person searching is one, rank PAs who share them.
    interest_ids = frozenset(
        EmployerProfile.interests.through.objects.filter(
            employerprofile__user_id=viewer.pk
        ).values_list("interest_id", flat=True)
    )
    keys = [key for key in filters.availability_keys if key in SLOT_BY_KEY]
    return JobNeeds(
        hours_grid=mask_from_keys(keys),
        district=filters.outcode,
        latitude=district[0],
        longitude=district[1],
        requires_driver=filters.driver,
        required_language_ids=language_ids,
        required_skill_ids=skill_ids,
        min_level=filters.min_level,
        max_miles=float(filters.miles),
        interest_ids=interest_ids,
        skill_names=names.skills,
        interest_names=names.interests,
        language_names=names.languages,
    )


def talent_candidates(
    *, viewer: User, filters: TalentFilters
) -> tuple[JobNeeds, candidates.Reach, QuerySet[PAProfile]] | None:
    """What a talent search looks through; None if its district is unknown."""
    needs = needs_from_filters(filters, viewer=viewer)
    if needs is None:
        return None
    reach = candidates.reach_of(needs)
    profiles = candidates.candidate_profiles(
        needs, reach, viewers=(viewer,), exclude_user_id=viewer.pk
    )
    return needs, reach, profiles


def search_talent(
    *, viewer: User, filters: TalentFilters, limit: int = DEFAULT_LIMIT
) -> list[PAResult]:
    """PAs for an employer's search, best first, each explained like a job's matches."""
    return search_talent_with_count(viewer=viewer, filters=filters, limit=limit)[0]


def search_talent_with_count(
    *, viewer: User, filters: TalentFilters, limit: int = DEFAULT_LIMIT
) -> tuple[list[PAResult], int]:
    """The best `limit` PAs for the search and how many it found in all."""
    now = timezone.now()
    found = talent_candidates(viewer=viewer, filters=filters)
    if found is None:
        return [], 0
    needs, reach, profiles = found
    results = rank_profiles(needs, profiles, reach, limit=clamp_limit(limit), now=now)
    return results, profiles.count()


def matches_for_pa(profile: PAProfile, *, limit: int = DEFAULT_LIMIT) -> list[JobResult]:
    """Open jobs for this PA, best first: must-haves met, within their travel distance.

    The database prefilters and counts, for each job, its tasks and nice-to-have skills and
    how many of them the PA has; Python adds the rest (hours free, distance, interests) with
    `scoring.score_from_counts`, the same arithmetic as `score`; the best are then explained.
    """
    now = timezone.now()
    limit = clamp_limit(limit)
    pa = pa_candidate(profile, now=now)
    miles_by_district = candidates.districts_within_travel(pa)
    if not miles_by_district:
        return []
    skills = pa.skill_ids
    rows = list(
        candidates.open_jobs_for(pa)
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
    chosen = [pk for _, _, pk in ranked[: limit + SPARE_ROWS]]
    needs = needs_for_jobs(chosen)
    return explain_jobs(pa, [needs[pk] for pk in chosen], limit=limit)


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


def explain_jobs(pa: PACandidate, needs: Sequence[JobNeeds], *, limit: int) -> list[JobResult]:
    jobs = Job.objects.select_related("district", "local_authority").in_bulk(
        [item.job_id for item in needs]
    )
    results = []
    for job_needs_item in needs:
        if unmet_must_haves(job_needs_item, pa):
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


# The reference: every PA loaded and scored in Python, for tests and the benchmark


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


__all__ = [
    "JobResult",
    "PAResult",
    "explain_jobs_for_pa",
    "matches_for_job",
    "matches_for_pa",
    "search_talent",
]
