"""Every published job, in this process's memory as columns of numbers, kept in step with the
database by the change feed: a PA's candidate jobs are found and scored there, the way
`pahub.matching.pool` does it for a job's PAs (its docstring says why this is safe).

What it holds per job: its district, hours grid, must-haves (DBS rank, level, driver,
language, gender, required skills as bits), tasks and nice-to-have skills as bits, the years
of experience it would like, its interests and its employer's own as bits, and whether it
is published. Triggers record every change to a job, its lists and its employer's interests
(`jobs/migrations/0008_matching_pool_triggers`). The few jobs it ranks highest are loaded
again from the database (published ones only), their `JobNeeds` built from the rows, every
must-have checked again and each explained by `scoring.score`.
"""

import threading
import time
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from pahub.employers.models import EmployerProfile
from pahub.jobs.models import Job
from pahub.matching.models import PoolChange
from pahub.matching.pool import (
    RELOAD_AFTER_CHANGES,
    RELOAD_AFTER_SECONDS,
    ChangeFeed,
    Codes,
    Columns,
    best_ids,
    scores_from_shares,
)
from pahub.matching.scoring import (
    DAY_BITS,
    DAY_HOURS,
    DISTANCE_SHARE_AT_EDGE,
    INTERESTS_FOR_FULL_POINTS,
    TOP_LEVEL,
    PACandidate,
    activity_share,
)
from pahub.register.availability import DAYS, PARTS
from pahub.register.masks import has_bit

COLUMNS = (
    "pk",
    "employer",
    "district",
    "grid",
    "dbs",
    "level",
    "driver",
    "language",
    "gender",
    "required",
    "tasks",
    "nice",
    "nice_years",
    "interests",
    "overflow",
)
JOB_FIELDS = (
    "pk",
    "employer_id",
    "district_id",
    "hours_grid",
    "required_dbs_rank",
    "required_level",
    "requires_driver",
    "required_language_id",
    "required_gender",
    "nice_years_experience",
    "status",
)
LISTS = {
    "tasks": Job.tasks.through,
    "required": Job.required_skills.through,
    "nice": Job.nice_skills.through,
}
DAY_HOURS_TABLE = np.array(DAY_HOURS, dtype=np.float64)


def week_hours(grids: np.ndarray) -> np.ndarray:
    """`scoring.grid_hours` of every grid: a day's six parts at a time, from the same table."""
    hours = np.zeros(len(grids), dtype=np.float64)
    for day in range(len(DAYS)):
        hours += DAY_HOURS_TABLE[(grids >> (day * len(PARTS))) & DAY_BITS]
    return hours


class JobPool:
    """One process's copy of the published jobs. Thread-safe: one lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._empty()

    def _empty(self) -> None:
        self.columns = Columns(COLUMNS)
        self.slot_of: dict[int, int] = {}
        self.districts = Codes()
        self.genders = Codes()
        self.loaded = False
        self.refreshed_at = 0.0
        self.feed = ChangeFeed()

    def forget(self) -> None:
        with self.lock:
            self._empty()

    # Keeping in step

    def refresh(self) -> None:
        with self.lock:
            too_old = time.monotonic() - self.refreshed_at > RELOAD_AFTER_SECONDS
            if not self.loaded or too_old:
                self._load_all()
                return
            changes = self.feed.read()
            if changes is None:
                self._load_all()
                return
            job_ids = set(changes[PoolChange.Kind.JOB])
            if employer_profiles := changes[PoolChange.Kind.EMPLOYER]:
                employers = EmployerProfile.objects.filter(pk__in=sorted(employer_profiles))
                job_ids |= set(
                    Job.objects.filter(employer__employer_profile__in=employers).values_list(
                        "pk", flat=True
                    )
                )
            if len(job_ids) > RELOAD_AFTER_CHANGES:
                self._load_all()
                return
            if job_ids:
                self._load(sorted(job_ids))
            self.refreshed_at = time.monotonic()

    def _load_all(self) -> None:
        self._empty()
        self.feed.start_at_newest()
        self._load(None)
        self.loaded = True
        self.refreshed_at = time.monotonic()

    def _load(self, ids: Sequence[int] | None) -> None:
        """Load these jobs (None: every published job) into their slots."""
        if ids is None:
            jobs = Job.objects.filter(status=Job.Status.PUBLISHED)
            of_jobs = {"job__status": Job.Status.PUBLISHED}
        else:
            jobs = Job.objects.filter(pk__in=ids)
            of_jobs = {"job_id__in": ids}
        rows = list(jobs.values_list(*JOB_FIELDS))
        wanted = [row[0] for row in rows]
        by_job = {
            name: _pairs(through.objects.filter(**of_jobs), "job_id", "skill_id")
            for name, through in LISTS.items()
        }
        interests = _pairs(
            Job.nice_interests.through.objects.filter(**of_jobs), "job_id", "interest_id"
        )
        by_employer = _pairs(
            EmployerProfile.interests.through.objects.filter(
                employerprofile__user_id__in=jobs.values("employer_id")
            ),
            "employerprofile__user_id",
            "interest_id",
        )
        if ids is not None:
            for gone in set(ids) - set(wanted):
                slot = self.slot_of.get(gone)
                if slot is not None:
                    self.columns.live[slot] = False
        for row in rows:
            pk, employer = row[0], row[1]
            self._put(
                row,
                {name: lists.get(pk, set()) for name, lists in by_job.items()},
                interests.get(pk, set()) | by_employer.get(employer, set()),
            )

    def _put(self, row: tuple, lists: dict[str, set[int]], interests: set[int]) -> None:
        (pk, employer, district, grid, dbs, level, driver, language, gender, nice_years,
         status) = row  # fmt: skip
        named = set().union(*lists.values(), interests, [language] if language else [])
        values = {
            "pk": pk,
            "employer": employer,
            "district": self.districts.of(district),
            "grid": grid,
            "dbs": dbs,
            "level": level,
            "driver": int(driver),
            "language": language or 0,
            "gender": self.genders.of(gender),
            "required": _bits(lists["required"]),
            "tasks": _bits(lists["tasks"]),
            "nice": _bits(lists["nice"]),
            "nice_years": nice_years or 0,
            "interests": _bits(interests),
            # Naming a skill, interest or language beyond the 63 bits: see `usable`.
            "overflow": int(not all(has_bit(item) for item in named)),
        }
        slot = self.slot_of.get(pk)
        if slot is None:
            slot = self.columns.new_slot()
            self.slot_of[pk] = slot
        for name, value in values.items():
            self.columns.data[name][slot] = value
        self.columns.live[slot] = status == Job.Status.PUBLISHED

    # Finding and ranking

    def rank(
        self,
        pa: PACandidate,
        miles_by_district: dict[str, float],
        *,
        exclude_employer_id: int,
        keep: int,
    ) -> list[int] | None:
        """The `keep` best published jobs' ids for this PA, best first; None when a published
        job names a skill, interest or language without a bit (the database ranks then)."""
        self.refresh()
        with self.lock:
            columns = self.columns
            live = columns.live[: columns.size]
            if (columns["overflow"][live] != 0).any() or not all(
                has_bit(item) for item in pa.language_ids
            ):
                return None
            found = self._candidates(pa, miles_by_district, exclude_employer_id)
            if not len(found):
                return []
            scores, miles = self._scores(pa, miles_by_district, found)
            return best_ids(self.columns["pk"][found], scores, miles, keep)

    def _candidates(
        self, pa: PACandidate, miles_by_district: dict[str, float], exclude_employer_id: int
    ) -> np.ndarray:
        """Slots of the published jobs this PA could match (`open_jobs_for`'s rules)."""
        data = {name: self.columns[name] for name in COLUMNS}
        reachable = [self.districts.known(outcode) for outcode in miles_by_district]
        reachable = [code for code in reachable if code is not None]
        keep = self.columns.live[: self.columns.size] & np.isin(data["district"], reachable)
        found = np.flatnonzero(keep)

        def narrow(condition: np.ndarray) -> None:
            nonlocal found
            found = found[condition]

        narrow(data["employer"][found] != exclude_employer_id)
        narrow(data["dbs"][found] <= pa.dbs_rank)
        narrow(data["level"][found] <= pa.level)
        if not (pa.has_driving_licence and pa.has_own_car):
            narrow(data["driver"][found] == 0)
        languages = [0, *pa.language_ids]
        narrow(np.isin(data["language"][found], languages))
        # A job asking no gender, or the PA's (a code may be 0: compared with None, not `or`).
        own_gender = self.genders.known(pa.gender)
        genders = [self.genders.of(""), -2 if own_gender is None else own_gender]
        narrow(np.isin(data["gender"][found], genders))
        skills = _bits(pa.skill_ids)
        narrow((data["required"][found] & ~skills) == 0)
        grids = data["grid"][found]
        narrow((grids == 0) | ((grids & pa.availability) != 0))
        return found

    def _scores(
        self, pa: PACandidate, miles_by_district: dict[str, float], found: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """`scoring.score_from_counts` for each job, as `matches_for_pa` counted it."""
        data = {name: self.columns[name][found] for name in COLUMNS}
        miles_of = np.full(max(1, len(self.districts.number)), np.inf)
        for outcode, miles in miles_by_district.items():
            code = self.districts.known(outcode)
            if code is not None:
                miles_of[code] = miles
        miles = miles_of[data["district"]]
        skills = _bits(pa.skill_ids)
        interests = _bits(pa.interest_ids)
        job_hours = week_hours(data["grid"])
        free_hours = week_hours(data["grid"] & pa.availability)
        tasks = np.bitwise_count(data["tasks"]).astype(np.float64)
        nice = np.bitwise_count(data["nice"]) + (data["nice_years"] > 0)
        has_years = (data["nice_years"] > 0) & ((pa.years_experience or 0) >= data["nice_years"])
        nice_had = np.bitwise_count(data["nice"] & skills) + has_years
        listed = np.minimum(np.bitwise_count(data["interests"]), INTERESTS_FOR_FULL_POINTS)
        shared = np.minimum(
            np.bitwise_count(data["interests"] & interests), INTERESTS_FOR_FULL_POINTS
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            shares = [
                ("availability", free_hours / job_hours, job_hours > 0),
                ("distance", 1 - (1 - DISTANCE_SHARE_AT_EDGE) * miles / pa.travel_miles, True),
                ("tasks", np.bitwise_count(data["tasks"] & skills) / tasks, tasks > 0),
                ("nice_to_haves", nice_had / nice, nice > 0),
                ("interests", shared / listed, listed > 0),
                ("level", max(0, min(TOP_LEVEL, pa.level)) / TOP_LEVEL, True),
                ("activity", activity_share(pa.days_since_active)[0], True),
            ]
            return scores_from_shares(shares, len(found)), miles


def _pairs(rows, owner: str, item: str) -> dict[int, set[int]]:
    grouped: dict[int, set[int]] = defaultdict(set)
    for owner_id, item_id in rows.values_list(owner, item):
        grouped[owner_id].add(item_id)
    return grouped


def _bits(ids) -> int:
    bits = 0
    for item in ids:
        if has_bit(item):
            bits |= 1 << (item - 1)
    return bits


JOBS = JobPool()

__all__ = ["JOBS", "JobPool"]
