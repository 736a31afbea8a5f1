"""Every PA looking for work, in this process's memory as columns of numbers, kept in step with
the database by the change feed; a job's candidates are found and scored there in a few
milliseconds instead of by a query over 200,000 profiles.

What it holds is a copy of the profiles' matching columns (the same the matching index
holds), their languages as bits, their home area and chosen areas. It is never the truth:

- every call first reads the change feed (`PoolChange`, written by database triggers on each
  insert, update and delete of a profile, its languages, its chosen areas and a PA's home
  area) and reloads the profiles named there, so a change committed by any process on any
  server is seen by the next match in every other;
- the few profiles it ranks highest are then loaded by the database's own prefilter
  (`candidates.candidate_profiles`, the visibility rule and every must-have as SQL) and
  explained by `scoring.score`, exactly as before; a profile the copy got wrong can never be
  a result.

The tests compare it with the naive reference (every PA loaded and scored in Python) on
hand-made and random registers, check it is kept in step by every kind of write, and check
its visibility agrees with `can_view_profile` for every kind of viewer. docs/matching.md,
"The pool", has the design and the measurements.
"""

import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

import numpy as np
from django.db import connection

from pahub.accounts.models import User
from pahub.core.slot_sets import SlotSets
from pahub.register.masks import has_bit
from pahub.register.models import PAProfile, ProfileLanguage

from .candidates import Reach, ViewerScope, looking_for_work, reach_of, viewer_scope
from .models import PoolChange
from .scoring import (
    ACTIVITY_STEPS,
    DISTANCE_SHARE_AT_EDGE,
    INTERESTS_FOR_FULL_POINTS,
    SCORE_DECIMALS,
    SLOT_HOURS,
    TOP_LEVEL,
    WEIGHTS,
    JobNeeds,
    grid_hours,
)

# More changed profiles than this at once (a seed, an import) and the pool is loaded afresh.
RELOAD_AFTER_CHANGES = 5_000
# The feed keeps a day of changes (`prune_changes`); a pool not refreshed for an hour is
# reloaded rather than trusting that nothing it needs was pruned.
RELOAD_AFTER_SECONDS = 60 * 60
FEED_KEPT_SECONDS = 24 * 60 * 60
# An id missing from the feed is a transaction still open (or rolled back); it is looked for
# again on each refresh for this long.
GAP_WAIT_SECONDS = 120
# How far below the newest id a full load looks for ids still missing (see `start_at_newest`).
GAP_LOOKBACK_IDS = 1_000
MICROSECONDS_A_DAY = 86_400_000_000
# The feed's table, read with SQL of our own (a model's name, never input).
FEED = PoolChange._meta.db_table

VISIBLE_TO_ALL = 1
VISIBLE_LOCALLY = 2
VISIBILITY_CODES = {
    PAProfile.Visibility.ALL_EMPLOYERS: VISIBLE_TO_ALL,
    PAProfile.Visibility.LOCAL: VISIBLE_LOCALLY,
}

COLUMNS = (
    "pk",
    "user_id",
    "district_id",
    "travel_miles",
    "availability",
    "dbs_rank",
    "has_driving_licence",
    "has_own_car",
    "gender",
    "level",
    "years_experience",
    "last_active_at",
    "skills_mask",
    "interests_mask",
    "visibility",
    "is_paused",
    "user__local_authority_id",
)

INT_COLUMNS = (
    "pk",
    "user",
    "district",
    "travel",
    "availability",
    "dbs",
    "driver",
    "gender",
    "level",
    "years",
    "active_us",
    "skills",
    "interests",
    "languages",
    "visibility",
    "home_area",
)

# The columns the score reads, gathered for the candidates alone: the other eight are only
# tested by `_candidates` (scoring a talent search on the seed: 1.54 to 1.24 ms).
SCORED_COLUMNS = (
    "district",
    "travel",
    "availability",
    "level",
    "years",
    "active_us",
    "skills",
    "interests",
)


def _epoch_microseconds(moment: datetime) -> int:
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


class Codes:
    """Small whole numbers for strings (districts, areas, genders), so columns are numeric."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}

    def of(self, value: str | None) -> int:
        if not value:
            return -1
        if value not in self.number:
            self.number[value] = len(self.number)
        return self.number[value]

    def known(self, value: str | None) -> int | None:
        return self.number.get(value) if value else None


class Columns:
    """A pool's rows as whole-number columns: one slot per row ever loaded, and `live` for
    the rows that are candidates (a profile looking for work, a published job)."""

    def __init__(self, names: Iterable[str], capacity: int = 1024) -> None:
        self.size = 0
        self.data = {name: np.zeros(capacity, dtype=np.int64) for name in names}
        self.live = np.zeros(capacity, dtype=bool)

    def new_slot(self) -> int:
        if self.size == len(self.live):
            grown = max(1024, len(self.live) * 2)
            for name, column in self.data.items():
                self.data[name] = np.resize(column, grown)
            self.live = np.resize(self.live, grown)
            self.live[self.size :] = False
        self.size += 1
        return self.size - 1

    def __getitem__(self, name: str) -> np.ndarray:
        return self.data[name][: self.size]


class ChangeFeed:
    """One pool's place in the change feed: which changes it has applied.

    Ids are given out when a row is written but seen when its transaction commits, so a
    later id can be seen before an earlier one; a missing id is looked for again on each read
    for `GAP_WAIT_SECONDS` (then it was rolled back, or its change is applied by then).
    """

    def __init__(self) -> None:
        self.low = 0  # every change with an id up to this has been applied
        self.seen: set[int] = set()  # applied ids above `low`
        self.newest = 0
        self.gaps: dict[int, float] = {}  # missing id -> when first missed

    def start_at_newest(self) -> None:
        """Before a full load: a change made while loading is applied again next time, and an
        id missing among the last `GAP_LOOKBACK_IDS` is waited for as a gap (its transaction
        may still be open, so the load cannot see its change)."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(id) FROM {FEED}")  # noqa: S608
            newest = cursor.fetchone()[0] or 0
            start = max(0, newest - GAP_LOOKBACK_IDS)
            cursor.execute(
                f"SELECT id FROM {FEED} WHERE id > %s AND id <= %s",  # noqa: S608
                [start, newest],
            )
            present = {row[0] for row in cursor.fetchall()}
        self.__init__()
        self.low = self.newest = start
        self.seen = present
        self._advance(newest)

    def read(self) -> dict[str, set[int]] | None:
        """The ids changed since the last read, by kind; None if the feed went backwards (a
        test's rollback, a database restored), so nothing it says can be trusted."""
        with connection.cursor() as cursor:
            # One round trip: the changes since, and the newest id (the row of kind '').
            cursor.execute(
                f"SELECT id, kind, object_id FROM {FEED} WHERE id > %s "  # noqa: S608
                f"UNION ALL SELECT MAX(id), '', 0 FROM {FEED}",
                [self.low],
            )
            rows = cursor.fetchall()
        newest = next((row[0] for row in rows if row[1] == ""), None) or 0
        if newest < self.newest:
            return None
        changed: dict[str, set[int]] = defaultdict(set)
        for change_id, kind, object_id in rows:
            if kind and change_id not in self.seen:
                self.seen.add(change_id)
                changed[kind].add(object_id)
        self._advance(newest)
        return changed

    def _advance(self, newest: int) -> None:
        now = time.monotonic()
        for missing in range(self.newest + 1, newest + 1):
            if missing not in self.seen:
                self.gaps[missing] = now
        self.newest = max(self.newest, newest)
        self.gaps = {
            missing: since
            for missing, since in self.gaps.items()
            if missing not in self.seen and now - since < GAP_WAIT_SECONDS
        }
        self.low = min(self.gaps, default=self.newest + 1) - 1
        self.seen = {seen for seen in self.seen if seen > self.low}


class ProfilePool:
    """One process's copy (see the module's docstring). Thread-safe: one lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._empty()

    def _empty(self) -> None:
        self.columns = Columns(INT_COLUMNS)
        self.slot_of: dict[int, int] = {}
        self.slot_of_user: dict[int, int] = {}
        self.districts = Codes()
        self.areas = Codes()
        self.genders = Codes()
        # Area code -> the slots that chose it (and as a mask, built when a match first asks).
        self.chosen = SlotSets()
        self.loaded = False
        self.refreshed_at = 0.0
        self.feed = ChangeFeed()

    # Keeping in step

    def forget(self) -> None:
        """Drop the copy; the next call loads it again (tests, and a database replaced)."""
        with self.lock:
            self._empty()

    def refresh(self) -> None:
        """Apply every change recorded since the last call (or load everything)."""
        with self.lock:
            too_old = time.monotonic() - self.refreshed_at > RELOAD_AFTER_SECONDS
            if not self.loaded or too_old:
                self._load_all()
                return
            changes = self.feed.read()
            if changes is None:
                self._load_all()
                return
            profile_ids = changes[PoolChange.Kind.PROFILE]
            if user_ids := changes[PoolChange.Kind.USER]:
                profile_ids |= set(
                    PAProfile.objects.filter(user_id__in=sorted(user_ids)).values_list(
                        "pk", flat=True
                    )
                )
            if len(profile_ids) > RELOAD_AFTER_CHANGES:
                self._load_all()
                return
            if profile_ids:
                self._load(
                    PAProfile.objects.filter(pk__in=sorted(profile_ids)), sorted(profile_ids)
                )
            self.refreshed_at = time.monotonic()

    def _load_all(self) -> None:
        self._empty()
        self.feed.start_at_newest()
        self._load(PAProfile.objects.filter(looking_for_work()), None)
        self.loaded = True
        self.refreshed_at = time.monotonic()

    def _load(self, profiles, ids: Sequence[int] | None) -> None:
        """Load these profiles' rows into their slots (`ids`: the ones asked for, so those
        gone or no longer looking for work leave the pool; None: a full load)."""
        rows = list(profiles.values_list(*COLUMNS))
        wanted = [row[0] for row in rows]
        languages = ProfileLanguage.objects.all()
        areas = PAProfile.visible_in.through.objects.all()
        if ids is not None:
            languages = languages.filter(profile_id__in=wanted)
            areas = areas.filter(paprofile_id__in=wanted)
        language_bits: dict[int, int] = defaultdict(int)
        for profile_id, language_id in languages.values_list("profile_id", "language_id"):
            if has_bit(language_id):
                language_bits[profile_id] |= 1 << (language_id - 1)
        chosen: dict[int, list[int]] = defaultdict(list)
        for profile_id, area in areas.values_list("paprofile_id", "localauthority_id"):
            chosen[profile_id].append(self.areas.of(area))
        if ids is None:
            self._put_all(rows, language_bits, chosen)
            return
        for gone in set(ids) - set(wanted):
            self._drop(gone)
        for row in rows:
            self._put(row, language_bits.get(row[0], 0), tuple(chosen.get(row[0], ())))

    def _put_all(
        self, rows: list[tuple], language_bits: dict[int, int], chosen: dict[int, list[int]]
    ) -> None:
        """A full load into the empty pool: `_put` for every row, a column at a time (one
        numpy array per column rather than 16 assignments a row: seconds at 200,000 PAs)."""
        count = len(rows)
        self.columns = Columns(INT_COLUMNS, capacity=max(1024, count))
        (pk, user, district, travel, availability, dbs, licence, car, gender, level, years,
         active, skills, interests, visibility, paused, home_area) = (
            zip(*rows, strict=True) if rows else [()] * len(COLUMNS))  # fmt: skip
        values = {
            "pk": pk,
            "user": user,
            "district": map(self.districts.of, district),
            "travel": travel,
            "availability": availability,
            "dbs": dbs,
            "driver": (int(has and owns) for has, owns in zip(licence, car, strict=True)),
            "gender": map(self.genders.of, gender),
            "level": level,
            "years": (given or 0 for given in years),
            "active_us": map(_epoch_microseconds, active),
            "skills": skills,
            "interests": interests,
            "languages": (language_bits.get(key, 0) for key in pk),
            "visibility": (VISIBILITY_CODES.get(seen, 0) for seen in visibility),
            "home_area": map(self.areas.of, home_area),
        }
        for name, column in values.items():
            self.columns.data[name][:count] = np.fromiter(column, dtype=np.int64, count=count)
        self.columns.live[:count] = np.fromiter(
            (
                not held and seen in VISIBILITY_CODES
                for held, seen in zip(paused, visibility, strict=True)
            ),
            dtype=bool,
            count=count,
        )
        self.columns.size = count
        self.slot_of = {key: slot for slot, key in enumerate(pk)}
        self.slot_of_user = {key: slot for slot, key in enumerate(user)}
        for slot, key in enumerate(pk):
            if areas := chosen.get(key):
                self._choose(slot, tuple(areas))

    def _put(self, row: tuple, languages: int, chosen: tuple[int, ...]) -> None:
        (pk, user, district, travel, availability, dbs, licence, car, gender, level, years,
         active, skills, interests, visibility, paused, home_area) = row  # fmt: skip
        slot = self.slot_of.get(pk)
        if slot is None:
            slot = self.columns.new_slot()
            self.slot_of[pk] = slot
            self.slot_of_user[user] = slot
        values = {
            "pk": pk,
            "user": user,
            "district": self.districts.of(district),
            "travel": travel,
            "availability": availability,
            "dbs": dbs,
            "driver": int(licence and car),
            "gender": self.genders.of(gender),
            "level": level,
            "years": years or 0,
            "active_us": _epoch_microseconds(active),
            "skills": skills,
            "interests": interests,
            "languages": languages,
            "visibility": VISIBILITY_CODES.get(visibility, 0),
            "home_area": self.areas.of(home_area),
        }
        for name, value in values.items():
            self.columns.data[name][slot] = value
        self.columns.live[slot] = not paused and visibility in VISIBILITY_CODES
        self._choose(slot, chosen)

    def _choose(self, slot: int, chosen: tuple[int, ...]) -> None:
        self.chosen.choose(slot, chosen)

    def _drop(self, pk: int) -> None:
        slot = self.slot_of.get(pk)
        if slot is not None:
            self.columns.live[slot] = False
            self._choose(slot, ())

    # Finding and ranking

    def rank(
        self,
        needs: JobNeeds,
        *,
        viewers: Sequence[User],
        exclude_user_id: int | None,
        now: datetime,
        keep: int,
    ) -> tuple[list[int], int]:
        """The `keep` best candidates' profile ids, best first, and how many there are."""
        self.refresh()
        with self.lock:
            live = self.columns.live[: self.columns.size]
            if not live.any():
                return [], 0
            # Districts no further than the furthest any PA here travels (not 100 miles).
            furthest = int(np.max(self.columns["travel"], where=live, initial=0))
            reach = reach_of(needs, furthest_travel=furthest)
            found = self._candidates(needs, reach, viewers, exclude_user_id)
            if not len(found):
                return [], 0
            scores, miles = self._scores(needs, reach, found, now)
            return best_ids(self.columns["pk"][found], scores, miles, keep), len(found)

    def _candidates(
        self,
        needs: JobNeeds,
        reach: Reach,
        viewers: Sequence[User],
        exclude_user_id: int | None,
    ) -> np.ndarray:
        """Slots of every profile that could be a result (the prefilter's rules).

        Worked out over whole columns: a job's reach holds most of a region's PAs (half to
        nine tenths of them in the seeded North East), and one pass along a column costs less
        than gathering the slots in reach first and narrowing them step by step."""
        columns = self.columns
        data = {name: columns[name] for name in INT_COLUMNS}
        miles = self._reach_miles(reach)[data["district"]]
        keep = columns.live[: columns.size] & (miles <= data["travel"])
        if needs.hours_grid:
            keep &= (data["availability"] & needs.hours_grid) != 0
        if needs.required_dbs_rank:
            keep &= data["dbs"] >= needs.required_dbs_rank
        if needs.requires_driver:
            keep &= data["driver"] == 1
        if needs.required_gender:
            gender = self.genders.known(needs.required_gender)
            keep &= data["gender"] == (-2 if gender is None else gender)
        if needs.min_level:
            keep &= data["level"] >= needs.min_level
        required = _mask(needs.required_skill_ids)
        if required:
            keep &= (data["skills"] & required) == required
        for language in needs.required_language_ids:
            keep &= (data["languages"] >> (language - 1)) & 1 == 1
        if exclude_user_id is not None:
            keep &= data["user"] != exclude_user_id
        for viewer in dict.fromkeys(viewers):
            keep &= self._visible(viewer_scope(viewer))
        return np.flatnonzero(keep)

    def _reach_miles(self, reach: Reach) -> np.ndarray:
        """Miles to each district code in reach, infinity for the rest; one more place at the
        end, so a profile with no district (code -1) reads infinity too."""
        miles = np.full(len(self.districts.number) + 1, np.inf)
        for outcode, distance in reach.miles_by_district.items():
            code = self.districts.known(outcode)
            if code is not None:
                miles[code] = distance
        return miles

    def _visible(self, scope: ViewerScope) -> np.ndarray:
        """`visible_profiles_q`'s rule over every slot, as a mask (the pool holds only
        profiles looking for work)."""
        size = self.columns.size
        if not scope.signed_in:
            return np.zeros(size, dtype=bool)
        if scope.sees_everyone:
            return np.ones(size, dtype=bool)
        data = self.columns
        visible = data["user"] == scope.user_id
        if scope.staff_areas:
            codes = [self.areas.known(area) for area in scope.staff_areas]
            codes = [code for code in codes if code is not None]
            visible |= np.isin(data["home_area"], codes)
            for code in codes:
                visible |= self._chosen_mask(code)
        if scope.sees_all_employers_profiles:
            visible |= data["visibility"] == VISIBLE_TO_ALL
        if scope.local_area:
            code = self.areas.known(scope.local_area)
            if code is not None:
                visible |= (data["visibility"] == VISIBLE_LOCALLY) & self._chosen_mask(code)
        return visible

    def _chosen_mask(self, code: int) -> np.ndarray:
        """Which slots chose the area with this code."""
        return self.chosen.mask(code, self.columns.size)

    def _scores(
        self, needs: JobNeeds, reach: Reach, found: np.ndarray, now: datetime
    ) -> tuple[np.ndarray, np.ndarray]:
        """`scoring.score_from_counts` for every candidate at once: the same shares, weights
        and order of adding, so the numbers agree with Python's to the last rounding."""
        data = {name: self.columns[name][found] for name in SCORED_COLUMNS}
        miles = self._reach_miles(reach)[data["district"]]
        travel = data["travel"].astype(np.float64)
        job_hours = grid_hours(needs.hours_grid)
        free = np.zeros(len(found), dtype=np.float64)
        for slot, hours in enumerate(SLOT_HOURS):
            if needs.hours_grid >> slot & 1:
                free += ((data["availability"] >> slot) & 1) * hours
        tasks = _mask(needs.task_ids)
        nice = _mask(needs.nice_skill_ids)
        interests = _mask(needs.interest_ids)
        nice_count = len(needs.nice_skill_ids) + (1 if needs.nice_years_experience else 0)
        nice_had = np.bitwise_count(data["skills"] & nice).astype(np.float64)
        if needs.nice_years_experience:
            nice_had += data["years"] >= needs.nice_years_experience
        shared = np.minimum(
            np.bitwise_count(data["interests"] & interests), INTERESTS_FOR_FULL_POINTS
        )
        activity = activity_shares(data["active_us"], now)
        shares = [
            ("availability", free / job_hours if job_hours else 0.0, job_hours > 0),
            ("distance", 1 - (1 - DISTANCE_SHARE_AT_EDGE) * miles / travel, True),
            (
                "tasks",
                np.bitwise_count(data["skills"] & tasks) / len(needs.task_ids) if tasks else 0.0,
                bool(tasks),
            ),
            ("nice_to_haves", nice_had / nice_count if nice_count else 0.0, nice_count > 0),
            (
                "interests",
                shared / min(len(needs.interest_ids), INTERESTS_FOR_FULL_POINTS)
                if interests
                else 0.0,
                bool(interests),
            ),
            ("level", np.clip(data["level"], 0, TOP_LEVEL) / TOP_LEVEL, True),
            ("activity", activity, True),
        ]
        return scores_from_shares(shares, len(found)), miles


def best_ids(pks: np.ndarray, scores: np.ndarray, miles: np.ndarray, keep: int) -> list[int]:
    """The best `keep` ids: highest score, then nearest, then lowest id (`score`'s order)."""
    if len(pks) > keep:
        # Everything scoring at least the keep-th best, ties at the edge included.
        edge = np.partition(scores, len(scores) - keep)[len(scores) - keep]
        chosen = scores >= edge
        pks, scores, miles = pks[chosen], scores[chosen], miles[chosen]
    order = np.lexsort((pks, miles, -scores))[:keep]
    return [int(pk) for pk in pks[order]]


def scores_from_shares(
    shares: Iterable[tuple[str, np.ndarray | float, np.ndarray | bool]], size: int
) -> np.ndarray:
    """`scoring.score_from_counts` for many rows at once, from each part's share and whether
    the part applies (a job asking nothing of it): the same weights, the same order of
    adding, so the sums are Python's to the last bit (only the final rounding may differ,
    and the few rows kept are scored again by `scoring.score`)."""
    total = np.zeros(size, dtype=np.float64)
    most = np.zeros(size, dtype=np.float64)
    for key, share, applies in shares:
        weight = np.where(applies, float(WEIGHTS[key]), 0.0)
        total = total + weight * np.clip(np.where(applies, share, 0.0), 0.0, 1.0)
        most = most + weight
    return np.round(total / most * 100, SCORE_DECIMALS)


def activity_shares(active_us: np.ndarray, now: datetime) -> np.ndarray:
    """`scoring.activity_share` of each last-active moment (epoch microseconds)."""
    days = np.maximum((_epoch_microseconds(now) - active_us) // MICROSECONDS_A_DAY, 0)
    activity = np.zeros(len(active_us), dtype=np.float64)
    for most_days, share, _sentence in reversed(ACTIVITY_STEPS):
        activity = np.where(days <= most_days, share, activity)
    return activity


def _mask(ids: Iterable[int]) -> int:
    """The ids as bits (all of them have one: `fits` is checked before the pool is used)."""
    bits = 0
    for item in ids:
        bits |= 1 << (item - 1)
    return bits


def fits(needs: JobNeeds) -> bool:
    """Whether every skill, interest and language the job names has a bit (1 to 63); a job
    naming one beyond is ranked by the database alone."""
    named = (
        needs.required_skill_ids
        | needs.task_ids
        | needs.nice_skill_ids
        | needs.interest_ids
        | needs.required_language_ids
    )
    return all(has_bit(item) for item in named)


def prune_changes(*, now: datetime) -> int:
    """Delete changes older than the feed keeps (a day); how many went."""
    cutoff = now - timedelta(seconds=FEED_KEPT_SECONDS)
    deleted, _ = PoolChange.objects.filter(changed_at__lt=cutoff).delete()
    return deleted


PROFILES = ProfilePool()

__all__ = ["PROFILES", "ChangeFeed", "ProfilePool", "best_ids", "fits", "prune_changes"]
