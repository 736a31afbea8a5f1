"""The matching engine over PA profiles: one set of rules (`scoring`), used by every caller.

- `rank_profiles`: the best of some prefiltered profiles for a job (or anything shaped like
  one: a talent search, a cover request), explained. `pahub.jobs.matches` uses it for a job's
  matches, `pahub.cover.waves` for who to alert.
- `search_talent`: PAs for an employer's search, when there is no job yet.
- `candidates_for_profiles`, `pa_candidate`: `PACandidate`s loaded in bulk.

Matching knows nothing of jobs as rows: the job side (`pahub.jobs.matches`) builds
`JobNeeds` from its `Job`s and calls down into this module.

How a job's PAs are found among 100,000 (docs/matching.md has the measurements):

1. The database narrows to possible results (`candidates.candidate_profiles`): visible to
   the viewers, looking for work, every must-have met, within the PA's own travel distance
   (district bounding box, then exact miles), free at some of the job's times (bitmask).
2. The database adds up every part of the score except distance (`sql.partial_points`),
   exactly as `scoring` does, and streams rows best first.
3. Python adds each row's distance points. Distance is worth at most its weight, so once the
   worst of the best `limit` rows beats what any later row could reach, the rest are skipped.
4. The few rows kept are loaded in full and explained by `scoring.score`, the same function
   the tests compare against loading every PA and scoring it in Python
   (`tests/matching/naive.py`).
"""

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Case, Exists, F, OuterRef, QuerySet, Value, When
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core.sql_shapes import (
    STAND_IN_DAY,
    CompiledShape,
    compile_shape,
    day_value,
    padded_ids,
    padded_size,
    shape_cache,
    stand_ins,
)
from pahub.employers.models import EmployerProfile
from pahub.places.models import District
from pahub.register.availability import SLOT_BY_KEY, mask_from_keys
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.queries import verified_specialist_evidence
from pahub.taxonomy.models import Interest, Language, Skill
from pahub.taxonomy.snapshot import taxonomy

from . import candidates, pool
from .filters import TalentFilters
from .scoring import (
    SCORE_DECIMALS,
    WEIGHTS,
    JobNeeds,
    Match,
    PACandidate,
    distance_share,
    grid_hours,
    miles_to,
    quick_score,
    score,
    unmet_must_haves,
)
from .sql import partial_points

# What a result's profile is loaded with: what its card, the API and a saved search's digest
# show (the public name, the level and the district) and the user a cover alert goes to.
# Loading all 30-odd columns of the profile and its user (their dates converted one by one on
# SQLite) for 50 cards took twice as long. Any other field is read from the database when
# asked for, one query a profile (the pages' query-count tests would fail): add it here.
RESULT_FIELDS = (
    "display_name",
    "level",
    "user",
    "user__full_name",
    "user__known_as",
    "user__email",
    "user__district_id",
    "user__deleted_at",
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
    # Set when the induction was the PA Hub course's (the level reason says so); a join, not a
    # query of its own.
    "user__induction__certificate_code",
)


def days_since(moment: datetime, now: datetime) -> int:
    """Whole days between two moments; the database's activity bands count the same way."""
    return max(0, (now - moment) // timedelta(days=1))


def candidates_for_profiles(
    profiles: QuerySet[PAProfile] | Sequence[int], *, now: datetime | None = None
) -> dict[int, PACandidate]:
    """`PACandidate`s for many profiles in two queries: the rows, then skill, interest and
    language ids together (only ids: names come from the job's side)."""
    ids = profiles.values("pk") if isinstance(profiles, QuerySet) else list(profiles)
    rows = PAProfile.objects.filter(pk__in=ids).values_list(*PROFILE_COLUMNS)
    return build_candidates(rows, ids, now=now or timezone.now())


def candidates_from_profiles(
    profiles: Iterable[PAProfile], *, now: datetime
) -> dict[int, PACandidate]:
    """`PACandidate`s for profiles already loaded with their users' districts (one query,
    for their lists), so a page that shows the profiles loads each row once."""
    rows = [
        (
            profile.pk,
            profile.user.district_id,
            profile.user.district.latitude if profile.user.district_id else None,
            profile.user.district.longitude if profile.user.district_id else None,
            *(getattr(profile, column) for column in PROFILE_COLUMNS[4:-1]),
            course_induction_code(profile),
        )
        for profile in profiles
    ]
    return build_candidates(rows, [row[0] for row in rows], now=now)


def course_induction_code(profile: PAProfile) -> str:
    """The induction certificate's code, from a profile loaded with `user__induction`."""
    induction = getattr(profile.user, "induction", None)
    return induction.certificate_code if induction is not None else ""


# What each row of `profile_lists` is: the kind of list, and for a skill whether verified
# specialist evidence backs it.
SKILL, VERIFIED_SKILL, INTEREST, LANGUAGE = range(4)


def profile_lists(ids: Sequence[int] | QuerySet, *, today: date) -> list[tuple[int, int, int]]:
    """Every skill (with whether verified specialist evidence backs it), interest and language
    of these profiles, as (kind, profile id, item id): one query, three lists.

    Every match page explains a page of PAs this way, and building the union's SQL cost more
    than PostgreSQL's answer (2 to 3 ms against 1 to 3): it is built once per size of list
    (`core.sql_shapes`) and run with these ids and this day. `ids` may be a subquery."""
    if isinstance(ids, QuerySet):
        return list(profile_lists_query(ids, today=today))
    # Plain ints: the pool's ids may be numpy's, which the drivers do not take.
    ids = [int(pk) for pk in ids]
    if not ids:
        return []
    size = padded_size(len(ids))
    if size is None:
        return list(profile_lists_query(ids, today=today))
    day = day_value(today)
    return _profile_lists_shape(size).fetchall([*padded_ids(ids, size), day])


@shape_cache
def _profile_lists_shape(size: int) -> CompiledShape:
    ids = stand_ins(size)
    query = profile_lists_query(ids, today=STAND_IN_DAY)
    return compile_shape(query, [*ids, day_value(STAND_IN_DAY)])


def profile_lists_query(ids: Sequence[int] | QuerySet, *, today: date) -> QuerySet:
    """`profile_lists` as a queryset: the one definition of the three lists."""
    verified = Exists(
        verified_specialist_evidence(today=today).filter(
            profile_id=OuterRef("paprofile_id"), skill_id=OuterRef("skill_id")
        )
    )
    skills = (
        PAProfile.skills.through.objects.filter(paprofile_id__in=ids)
        .annotate(
            kind=Case(When(verified, then=Value(VERIFIED_SKILL)), default=Value(SKILL)),
            owner=F("paprofile_id"),
            item=F("skill_id"),
        )
        .order_by()
        .values_list("kind", "owner", "item")
    )
    interests = (
        PAProfile.interests.through.objects.filter(paprofile_id__in=ids)
        .annotate(kind=Value(INTEREST), owner=F("paprofile_id"), item=F("interest_id"))
        .order_by()
        .values_list("kind", "owner", "item")
    )
    languages = (
        ProfileLanguage.objects.filter(profile_id__in=ids)
        .annotate(kind=Value(LANGUAGE), owner=F("profile_id"), item=F("language_id"))
        .order_by()
        .values_list("kind", "owner", "item")
    )
    return skills.union(interests, languages, all=True)


def build_candidates(rows: Iterable[tuple], ids, *, now: datetime) -> dict[int, PACandidate]:
    lists: dict[int, dict[int, set[int]]] = {
        kind: defaultdict(set) for kind in (SKILL, VERIFIED_SKILL, INTEREST, LANGUAGE)
    }
    for kind, owner, item in profile_lists(ids, today=timezone.localdate(now)):
        lists[kind][owner].add(item)
    verified_skills = lists[VERIFIED_SKILL]
    skills = lists[SKILL]
    for owner, items in verified_skills.items():
        skills[owner] |= items
    interests, languages = lists[INTEREST], lists[LANGUAGE]
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
        induction_code,
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
            verified_skill_ids=frozenset(verified_skills.get(pk, ())),
            interest_ids=frozenset(interests.get(pk, ())),
            years_experience=years,
            level=level,
            induction_by_course=bool(induction_code),
            days_since_active=days_since(last_active_at, now),
        )
    return found


def pa_candidate(profile: PAProfile, *, now: datetime | None = None) -> PACandidate:
    return candidates_for_profiles([profile.pk], now=now)[profile.pk]


# Ranking many profiles for one job


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
    offset: int = 0,
) -> list[PAResult]:
    """The best `limit` of these (prefiltered) profiles for the job after the best `offset`,
    explained."""
    possible = weight_applying(needs)
    best_distance = WEIGHTS["distance"]
    keep = offset + limit + SPARE_ROWS
    # A min-heap of the best rows so far, worst first: (score, -miles, -profile id).
    best: list[tuple[float, float, int]] = []
    rows = (
        profiles.annotate(partial=partial_points(needs, now=now))
        .order_by("-partial", "pk")
        .values_list("pk", "district_id", "travel_miles", "partial")
    )

    # One query, read in chunks until no later row can enter the best: asking for the first
    # few hundred rows and then for the rest ran the whole query twice for the jobs with the
    # most candidates, which are the slowest.
    for pk, district, travel_miles, database_partial in rows.iterator(chunk_size=keep * 4):
        # The database adds the parts in its own order: the last bits of its float can differ
        # from Python's sum, and among many equal scores that moved the cut-off.
        partial = round(database_partial, 9)
        ceiling = round((partial + best_distance) / possible * 100, SCORE_DECIMALS)
        if len(best) >= keep and best[0][0] > ceiling:
            break
        miles = reach.miles_by_district[district]
        points = partial + WEIGHTS["distance"] * distance_share(miles, travel_miles)
        entry = (round(points / possible * 100, SCORE_DECIMALS), -miles, -pk)
        if len(best) < keep:
            heapq.heappush(best, entry)
        elif entry > best[0]:
            heapq.heapreplace(best, entry)
    return explain_profiles(needs, [-pk for _, _, pk in best], limit=limit, offset=offset, now=now)


def rank_candidates(
    needs: JobNeeds,
    *,
    viewers: tuple[User, ...],
    exclude_user_id: int | None,
    limit: int,
    now: datetime,
    offset: int = 0,
) -> tuple[list[PAResult], int]:
    """The best `limit` of every PA who could be a result for the job (after the best
    `offset`, for a later page), explained, and how many could: ranked by the in-memory pool (`pool.py`) when every skill, interest and
    language the job names has a bit, else by the database (`rank_profiles`).

    Either way only PAs the database's own rules allow are loaded (visibility and looking for
    work as SQL), every must-have is checked again and each is explained by `scoring.score`,
    so the pool only chooses which few profiles to load.
    """
    if needs.latitude is None or needs.longitude is None:
        return [], 0
    if not pool.fits(needs):
        reach = candidates.reach_of(needs)
        profiles = candidates.candidate_profiles(
            needs, reach, viewers=viewers, exclude_user_id=exclude_user_id
        )
        ranked = rank_profiles(needs, profiles, reach, limit=limit, offset=offset, now=now)
        return ranked, profiles.count()
    best, found = pool.PROFILES.rank(
        needs,
        viewers=viewers,
        exclude_user_id=exclude_user_id,
        now=now,
        keep=offset + limit + SPARE_ROWS,
    )
    # Who may be shown at all is the database's rule (looking for work, visible to every
    # viewer); `explain_profiles` checks every must-have again from the rows it loads.
    shown = candidates.profiles_for_viewers(*viewers, among=best)
    if exclude_user_id is not None:
        shown = shown.exclude(user_id=exclude_user_id)
    explained = explain_profiles(needs, best, limit=limit, offset=offset, now=now, among=shown)
    return explained, found


def explain_profiles(
    needs: JobNeeds,
    profile_ids: list[int],
    *,
    limit: int,
    now: datetime,
    offset: int = 0,
    among: QuerySet[PAProfile] | None = None,
) -> list[PAResult]:
    """Load the chosen profiles (those still `among` the candidates, when given), score and
    explain `limit` of them after the best `offset`, best first.

    The numbers the score needs are read as plain rows for all of them; only the `limit`
    shown are loaded as model instances (with their users) and given their sentences."""
    source = PAProfile.objects if among is None else among
    rows = list(source.filter(pk__in=profile_ids).values_list(*PROFILE_COLUMNS))
    loaded = build_candidates(rows, [row[0] for row in rows], now=now)
    eligible = [
        (quick_score(needs, candidate), miles_or_none(needs, candidate), pk, candidate)
        for pk, candidate in loaded.items()
        # The prefilter's rules again, in Python: a must-have is never broken by a result.
        if not unmet_must_haves(needs, candidate) and free_at_some_time(needs, candidate)
    ]
    # `quick_score` is `score().score` (a property test checks it).
    eligible.sort(key=lambda item: (-item[0], item[1], item[2]))
    shown = eligible[offset : offset + limit]
    profiles = (
        PAProfile.objects.select_related("user")
        .only(*RESULT_FIELDS)
        .in_bulk([pk for _, _, pk, _ in shown])
    )
    return [
        PAResult(profile=profiles[pk], match=score(needs, candidate))
        for _, _, pk, candidate in shown
        if pk in profiles
    ]


def miles_or_none(needs: JobNeeds, candidate: PACandidate) -> float:
    """`Match.miles`: the miles, or infinity when not known."""
    miles = miles_to(needs, candidate)
    return float("inf") if miles is None else miles


def free_at_some_time(needs: JobNeeds, candidate: PACandidate) -> bool:
    return not needs.hours_grid or bool(needs.hours_grid & candidate.availability)


def clamp_limit(limit: int) -> int:
    return max(1, min(MAX_LIMIT, int(limit)))


# The talent search: PAs for an employer, before there is a job


def needs_from_filters(filters: TalentFilters, *, viewer: User) -> JobNeeds | None:
    """A talent search as the job it is looking for; None if its district is unknown."""
    district = filters.centre or (
        District.objects.filter(outcode=filters.outcode, latitude__isnull=False)
        .values_list("latitude", "longitude")
        .first()
    )
    if district is None:
        return None
    # The sentences name only what the search asks for (required skills and languages, the
    # employer's interests), as a job's do.
    known = taxonomy()
    skill_names = known.skill_names(filters.skill_codes)
    language_names = known.language_names(filters.language_codes)
    # The employer's own interests, when the person searching is one, rank PAs who share them.
    interest_names = dict(
        EmployerProfile.interests.through.objects.filter(
            employerprofile__user_id=viewer.pk
        ).values_list("interest_id", "interest__name")
    )
    keys = [key for key in filters.availability_keys if key in SLOT_BY_KEY]
    return JobNeeds(
        hours_grid=mask_from_keys(keys),
        district=filters.outcode,
        latitude=district[0],
        longitude=district[1],
        requires_driver=filters.driver,
        required_language_ids=frozenset(language_names),
        required_skill_ids=frozenset(skill_names),
        min_level=filters.min_level,
        max_miles=float(filters.miles),
        interest_ids=frozenset(interest_names),
        skill_names=skill_names,
        interest_names=interest_names,
        language_names=language_names,
    )


def search_talent(
    *, viewer: User, filters: TalentFilters, limit: int = DEFAULT_LIMIT
) -> list[PAResult]:
    """PAs for an employer's search, best first, each explained like a job's matches."""
    return search_talent_with_count(viewer=viewer, filters=filters, limit=limit)[0]


def search_talent_with_count(
    *, viewer: User, filters: TalentFilters, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> tuple[list[PAResult], int]:
    """The best `limit` PAs for the search after the best `offset` (a page of results), and
    how many it found in all. Only the best `MAX_LIMIT` are ever ranked, so a page starts
    within them."""
    now = timezone.now()
    needs = needs_from_filters(filters, viewer=viewer)
    if needs is None:
        return [], 0
    offset = max(0, min(offset, MAX_LIMIT - 1))
    limit = min(clamp_limit(limit), MAX_LIMIT - offset)
    return rank_candidates(
        needs,
        viewers=(viewer,),
        exclude_user_id=viewer.pk,
        limit=limit,
        offset=offset,
        now=now,
    )


def search_talent_page(
    *, viewer: User, filters: TalentFilters, number: object, per_page: int
) -> tuple[Page, int]:
    """One page of a talent search's results (`Page.object_list` holds its `PAResult`s, best
    first) and how many PAs the search found in all.

    Only the best `MAX_LIMIT` are ranked, so only they are paged. As `Paginator.get_page`
    does, a page number that is not a whole number gives the first page, and one past the
    last page gives the last."""
    asked = page_number_within(number, last=MAX_LIMIT // per_page)
    results, total = search_talent_with_count(
        viewer=viewer, filters=filters, limit=per_page, offset=(asked - 1) * per_page
    )
    paginator = Paginator(range(min(total, MAX_LIMIT)), per_page)
    page = paginator.get_page(asked)
    if page.number != asked:
        results, total = search_talent_with_count(
            viewer=viewer, filters=filters, limit=per_page, offset=page.start_index() - 1
        )
    return Page(results, page.number, paginator), total


def page_number_within(number: object, *, last: int) -> int:
    """A page number from a query string, between 1 and `last`: 1 when it is not a number."""
    try:
        asked = int(str(number))
    except ValueError:
        return 1
    return max(1, min(asked, last))


__all__ = [
    "PAResult",
    "rank_candidates",
    "rank_profiles",
    "search_talent",
    "search_talent_page",
    "search_talent_with_count",
    "taxonomy_names",
]
