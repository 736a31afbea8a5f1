"""The match score: pure functions over two small data classes, with the reasons people read.

No database here. `JobNeeds` is what a job (or a talent search) asks for, `PACandidate` what a
PA offers; both are gathered elsewhere (`pahub.matching.engine` for PAs, `pahub.jobs.matches`
for jobs, `pahub.cover.waves` for cover requests), so these rules are fast,
property-tested (tests/matching/) and shared by the pages, the API and the alerts.

A match is first *eligible* (`unmet_must_haves` is empty: every must-have met and the job
within the PA's own travel distance), then *ranked* by `score`: seven parts, each earning a
share of its weight (`WEIGHTS`), added up and scaled to 0..100. A part the job asks nothing
of (no tasks listed, say) weighs nothing for that job, so it neither helps nor hurts anyone.
Every part carries the sentence that explains it; a reason is listed exactly when its part
earned points. docs/matching.md describes each formula.

It is one file, over 500 lines, on purpose: each part's share, its sentence and the
numbers-only `score_from_counts` must change together (a property test checks that
`quick_score` equals `score`), and reading them side by side is how they stay in step.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pahub.places.distance import miles_between, miles_for_display
from pahub.register.availability import DAYS, PARTS, SLOTS
from pahub.register.levels import LEVEL_NAMES

from .must_haves import MustHaves, Wording, must_haves_in_words

WEIGHTS: dict[str, float] = {
    "availability": 30.0,
    "distance": 15.0,
    "tasks": 20.0,
    "nice_to_haves": 10.0,
    "interests": 10.0,
    "level": 10.0,
    "activity": 5.0,
}
LABELS: dict[str, str] = {
    "availability": "Availability",
    "distance": "Distance",
    "tasks": "Tasks",
    "nice_to_haves": "Nice to have",
    "interests": "Shared interests",
    "level": "Level",
    "activity": "Recent activity",
}
# What each part rewards, in the words of the "How matching works" page.
DESCRIPTIONS: dict[str, str] = {
    "availability": (
        "The share of the job's hours the PA is free for. Each time of day counts for its "
        "length: early morning and morning 3 hours, afternoon and evening 5, waking night and "
        "sleep-in 8."
    ),
    "distance": (
        "All the points in the same district, falling steadily to half at the edge of the "
        "distance the PA will travel."
    ),
    "tasks": "The share of the job's tasks the PA has on their profile.",
    "nice_to_haves": (
        "The share of the job's nice-to-haves the PA has: each skill it would like, and the "
        "years of experience it would like."
    ),
    "interests": (
        "Interests the PA shares with the job and the employer: all the points for 3 shared "
        "(or for all of them, when fewer are listed)."
    ),
    "level": "A quarter of the points for each level: Entry level, Level 2, Level 3, Level 4.",
    "activity": (
        "All the points for using PA Hub in the last week; three quarters in the last month, "
        "half in the last 3 months, a quarter in the last 6 months."
    ),
}

# How long each part of the day is, in hours, in the order of availability.PARTS: early
# morning 6-9, morning 9-12, afternoon 12-5, evening 5-10, waking night and sleep-in 10-6.
PART_HOURS: tuple[int, ...] = (3, 3, 5, 5, 8, 8)
SLOT_HOURS: tuple[int, ...] = tuple(PART_HOURS[slot % len(PARTS)] for slot in range(SLOTS))
PART_PLURALS: tuple[str, ...] = (
    "early mornings",
    "mornings",
    "afternoons",
    "evenings",
    "waking nights",
    "sleep-ins",
)

# Shared interests earn full points at this many (or at all the job lists, if fewer).
INTERESTS_FOR_FULL_POINTS = 3
# The nearest a PA can be earns all the distance points; at the edge of their travel
# distance, half: nobody who will travel to the job is pushed to the bottom for it.
DISTANCE_SHARE_AT_EDGE = 0.5
# Recent activity, in whole days since the PA last used PA Hub: (at most, share, sentence).
ACTIVITY_STEPS: tuple[tuple[int, float, str], ...] = (
    (7, 1.0, "Active in the last week"),
    (30, 0.75, "Active in the last month"),
    (90, 0.5, "Active in the last 3 months"),
    (180, 0.25, "Active in the last 6 months"),
)
INACTIVE_SENTENCE = "Not active on PA Hub for over 6 months"
LEVEL_SENTENCES: dict[int, str] = {
    0: "Not yet on a level: nothing checked by staff yet",
    1: "Entry level: identity declared and code of conduct signed",
    2: "Level 2: DBS checked and induction done",
    3: "Level 3: DBS and references verified",
    4: "Level 4: DBS, references and a specialist skill verified",
}
TOP_LEVEL = 4
LEVEL_WITH_INDUCTION = 2
INDUCTION_BY_COURSE = " (induction course completed on PA Hub)"
# Scores are rounded so that equal matches compare equal whatever order the parts were added
# in (the database and Python add them differently): ties then fall to distance and id.
SCORE_DECIMALS = 4


@dataclass(frozen=True)
class JobNeeds:
    """Everything the score needs about a job (or a talent search, which is a job-to-be)."""

    job_id: int | None = None
    hours_grid: int = 0
    hours_per_week: float | None = None
    district: str = ""
    latitude: float | None = None
    longitude: float | None = None
    # Must-haves
    required_dbs_rank: int = 0
    requires_driver: bool = False
    required_language_ids: frozenset[int] = frozenset()
    required_gender: str = ""
    required_skill_ids: frozenset[int] = frozenset()
    min_level: int = 0
    # Why a must-have is asked when a council's local rule sets it (`pahub.rules`): "dbs" and
    # "level" to "Required by Gateshead Council for jobs paid by a direct payment".
    rule_reasons: Mapping[str, str] = field(default_factory=dict)
    # Talent search only: the PA must also live within this many miles.
    max_miles: float | None = None
    # What the score weighs
    task_ids: frozenset[int] = frozenset()
    nice_skill_ids: frozenset[int] = frozenset()
    nice_years_experience: int | None = None
    # The job's nice-to-have interests and the employer's own interests, together.
    interest_ids: frozenset[int] = frozenset()
    # Names for the sentences, for every skill, interest and language named above.
    skill_names: Mapping[int, str] = field(default_factory=dict)
    interest_names: Mapping[int, str] = field(default_factory=dict)
    language_names: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PACandidate:
    """Everything the score needs about a PA."""

    profile_id: int
    district: str = ""
    latitude: float | None = None
    longitude: float | None = None
    travel_miles: int = 10
    availability: int = 0
    dbs_rank: int = 0
    has_driving_licence: bool = False
    has_own_car: bool = False
    language_ids: frozenset[int] = frozenset()
    gender: str = ""
    # Skills the PA ticked: "Select everything you can do, or would be happy to do".
    skill_ids: frozenset[int] = frozenset()
    # Of those, the ones with verified, current specialist-skill evidence.
    verified_skill_ids: frozenset[int] = frozenset()
    interest_ids: frozenset[int] = frozenset()
    years_experience: int | None = None
    level: int = 0
    # The induction counted for Level 2 is PA Hub's own course (its certificate can be checked).
    induction_by_course: bool = False
    # Whole days since the PA last used PA Hub.
    days_since_active: int = 0


@dataclass(frozen=True)
class ScorePart:
    key: str
    label: str
    points: float
    max_points: float
    sentence: str


@dataclass(frozen=True)
class Match:
    score: float
    parts: tuple[ScorePart, ...]
    reasons: tuple[str, ...]
    missing: tuple[str, ...]
    miles: float
    # The council's local rules the PA meets, each with its reason (`rule_lines`).
    local_rules: tuple[str, ...] = ()

    def part(self, key: str) -> ScorePart:
        return next(part for part in self.parts if part.key == key)


@dataclass(frozen=True)
class Explained:
    """One part of the score with the reasons and gaps it adds to the match."""

    part: ScorePart
    reasons: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


# Small helpers for sentences


# Hours in each of the 64 ways a day's six parts can be ticked, so a week is 7 look-ups.
DAY_HOURS: tuple[int, ...] = tuple(
    sum(hours for part, hours in enumerate(PART_HOURS) if ticked >> part & 1)
    for ticked in range(1 << len(PARTS))
)
DAY_BITS = (1 << len(PARTS)) - 1


def grid_hours(mask: int) -> int:
    """Hours in a week's grid, each slot counting as long as its part of the day."""
    return sum(DAY_HOURS[mask >> (day * len(PARTS)) & DAY_BITS] for day in range(len(DAYS)))


def join_words(words: Iterable[str], conjunction: str = "and") -> str:
    """ "a, b and c"; or "a; b and c; d" when the names have commas or "and" of their own."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    if any("," in word or f" {conjunction} " in word for word in words):
        return "; ".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def lower_first(name: str) -> str:
    """ "Dressing and undressing" to "dressing and undressing"; "PEG feeding" stays."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def number_text(value: float) -> str:
    """9.0 as "9", 9.5 as "9.5", 0.25 as "0.25": hours as people write them."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def hours_text(value: float) -> str:
    return f"{number_text(value)} hour" if value == 1 else f"{number_text(value)} hours"


def shown_hours(exact: float, total: float, fraction: float) -> float:
    """`exact` rounded to the half hour, or finer when rounding would say "none" or "all"
    of `total` for a PA who is free for some but not all of it."""
    for step in (0.5, 0.1, 0.01):
        shown = round(exact / step) * step
        if fraction <= 0 or fraction >= 1 or 0 < shown < total:
            return round(shown, 2)
    return round(exact, 2)


def availability_share(job: JobNeeds, pa: PACandidate) -> float | None:
    """The share of the job's hours the PA is free for; None when the job has no hours.

    The job's hours are weighted by each slot's length, so a PA free for the Monday afternoon
    (5 hours) of a job with a Monday afternoon and a Tuesday early morning (3 hours) is free
    for 5/8 of its hours.
    """
    return _fraction(grid_hours(job.hours_grid & pa.availability), grid_hours(job.hours_grid))


def free_hours(job: JobNeeds, pa: PACandidate) -> tuple[float, float, float]:
    """(hours free as shown, the job's hours a week, the exact share of the job's time free).

    The job's weekly hours (`hours_per_week`, or the grid's own hours when not given) times
    the share, rounded to the half hour as `shown_hours` says.
    """
    fraction = availability_share(job, pa)
    if fraction is None:
        return 0.0, float(job.hours_per_week or 0), 0.0
    total = float(job.hours_per_week) if job.hours_per_week else float(grid_hours(job.hours_grid))
    return shown_hours(total * fraction, total, fraction), total, fraction


def not_free_sentences(job_grid: int, availability: int) -> tuple[str, ...]:
    """ "Not free on Sunday mornings", one sentence per part of the day, days in order."""
    gaps = job_grid & ~availability
    sentences = []
    for part in range(len(PARTS)):
        days = [DAYS[day] for day in range(len(DAYS)) if gaps >> (day * len(PARTS) + part) & 1]
        if days:
            sentences.append(f"Not free on {join_words(days)} {PART_PLURALS[part]}")
    return tuple(sentences)


def skill_words(job: JobNeeds, skill_ids: Iterable[int]) -> list[str]:
    return sorted(lower_first(job.skill_names.get(pk, f"skill {pk}")) for pk in skill_ids)


def miles_to(job: JobNeeds, pa: PACandidate) -> float | None:
    if None in (job.latitude, job.longitude, pa.latitude, pa.longitude):
        return None
    return miles_between(job.latitude, job.longitude, pa.latitude, pa.longitude)


def further_than(travel_miles: int) -> str:
    unit = "mile" if travel_miles == 1 else "miles"
    return f"further than the {travel_miles} {unit} they will travel"


def distance_text(miles: float) -> str:
    if miles < 0.05:
        return "In the same postcode district"
    return f"{miles_for_display(miles)} away"


# Must-haves


def unmet_must_haves(job: JobNeeds, pa: PACandidate) -> list[str]:
    """What stops this PA matching this job, in words; an empty list means eligible. The
    must-haves' sentences are `must_haves.must_haves_in_words` (`Wording.NEEDS`)."""
    unmet = []
    miles = miles_to(job, pa)
    if miles is None:
        unmet.append("Distance not known")
    else:
        if miles > pa.travel_miles:
            unmet.append(f"{distance_text(miles)}, {further_than(pa.travel_miles)}")
        if job.max_miles is not None and miles > job.max_miles:
            unmet.append(f"More than {number_text(job.max_miles)} miles away")
    missed = MustHaves(
        dbs_rank=job.required_dbs_rank if pa.dbs_rank < job.required_dbs_rank else 0,
        requires_driver=job.requires_driver and not (pa.has_driving_licence and pa.has_own_car),
        languages=tuple(
            job.language_names.get(language_id, "a language")
            for language_id in sorted(job.required_language_ids - pa.language_ids)
        ),
        gender=job.required_gender if job.required_gender != pa.gender else "",
        skills=tuple(skill_words(job, job.required_skill_ids - pa.skill_ids)),
    )
    lines = must_haves_in_words(missed, wording=Wording.NEEDS)
    if missed.dbs_rank and "dbs" in job.rule_reasons:
        # The DBS line comes first (`must_haves_in_words`' fixed order).
        lines[0] = because_of_rule(lines[0], job.rule_reasons["dbs"])
    unmet += lines
    if pa.level < job.min_level:
        line = f"Needs {LEVEL_NAMES.get(job.min_level, 'a higher level')} or above"
        if "level" in job.rule_reasons:
            line = because_of_rule(line, job.rule_reasons["level"])
        unmet.append(line)
    return unmet


def because_of_rule(line: str, reason: str) -> str:
    """ "Needs an enhanced DBS check (required by Gateshead Council for jobs paid by a direct
    payment)": a must-have a council's rule sets, with its reason."""
    return f"{line} ({reason[:1].lower()}{reason[1:]})"


def rule_lines(job: JobNeeds) -> tuple[str, ...]:
    """The local rules a matching PA meets, in words, for the match's explanation (a PA who
    did not meet them would not be a match)."""
    lines = []
    if "dbs" in job.rule_reasons and job.required_dbs_rank:
        check = must_haves_in_words(
            MustHaves(dbs_rank=job.required_dbs_rank), wording=Wording.ADVERT
        )
        lines.append(
            because_of_rule(f"Has {check[0][:1].lower()}{check[0][1:]}", job.rule_reasons["dbs"])
        )
    if "level" in job.rule_reasons and job.min_level:
        level = LEVEL_NAMES.get(job.min_level, "a higher level")
        lines.append(because_of_rule(f"At {level} or above", job.rule_reasons["level"]))
    return tuple(lines)


# The parts of the score


# The share of each part's weight a PA earns: pure numbers, used by the explained parts below
# and by `quick_score`, so the number ranked and the number shown are the same arithmetic.


def distance_share(miles: float | None, travel_miles: int) -> float:
    if miles is None or miles > travel_miles:
        return 0.0
    return 1 - (1 - DISTANCE_SHARE_AT_EDGE) * miles / travel_miles


def _fraction(part: int, whole: int) -> float | None:
    """part / whole; None when there is no whole (the job asks nothing of this part)."""
    return None if whole == 0 else part / whole


def _interest_fraction(shared: int, listed: int) -> float | None:
    if listed == 0:
        return None
    return min(shared, INTERESTS_FOR_FULL_POINTS) / min(listed, INTERESTS_FOR_FULL_POINTS)


def tasks_share(job: JobNeeds, pa: PACandidate) -> float | None:
    return _fraction(len(job.task_ids & pa.skill_ids), len(job.task_ids))


def _nice_count(job: JobNeeds) -> int:
    return len(job.nice_skill_ids) + (1 if job.nice_years_experience else 0)


def _has_years(job: JobNeeds, pa: PACandidate) -> bool:
    return bool(job.nice_years_experience) and (
        (pa.years_experience or 0) >= job.nice_years_experience
    )


def nice_to_haves_share(job: JobNeeds, pa: PACandidate) -> float | None:
    earned = len(job.nice_skill_ids & pa.skill_ids) + (1 if _has_years(job, pa) else 0)
    return _fraction(earned, _nice_count(job))


def interests_share(job: JobNeeds, pa: PACandidate) -> float | None:
    return _interest_fraction(len(job.interest_ids & pa.interest_ids), len(job.interest_ids))


def level_share(level: int) -> float:
    return max(0, min(TOP_LEVEL, level)) / TOP_LEVEL


def activity_share(days_since_active: int) -> tuple[float, str]:
    for most_days, share, sentence in ACTIVITY_STEPS:
        if days_since_active <= most_days:
            return share, sentence
    return 0.0, INACTIVE_SENTENCE


def _clamp(share: float) -> float:
    return max(0.0, min(1.0, share))


def _part(key: str, share: float | None, sentence: str) -> ScorePart:
    """A part worth its weight when the job asks for it (`share` is not None), else nothing."""
    weight = WEIGHTS[key] if share is not None else 0.0
    return ScorePart(
        key=key,
        label=LABELS[key],
        points=weight * _clamp(share or 0.0),
        max_points=weight,
        sentence=sentence,
    )


# The parts of the score, explained


def availability_part(job: JobNeeds, pa: PACandidate) -> Explained:
    fraction = availability_share(job, pa)
    if fraction is None:
        return Explained(_part("availability", None, "The job's hours are not set yet"))
    shown, total, _ = free_hours(job, pa)
    if fraction >= 1:
        sentence = f"Free for all {hours_text(total)}"
    elif fraction <= 0:
        sentence = "Not free at any of the job's times"
    else:
        sentence = f"Free for {number_text(shown)} of the {hours_text(total)}"
    part = _part("availability", fraction, sentence)
    gaps = not_free_sentences(job.hours_grid, pa.availability)
    return Explained(part, reasons=(sentence,) if part.points else (), missing=gaps)


def distance_part(job: JobNeeds, pa: PACandidate) -> Explained:
    miles = miles_to(job, pa)
    share = distance_share(miles, pa.travel_miles)
    if miles is None:
        sentence = "Distance not known"
    elif miles > pa.travel_miles:
        sentence = f"{distance_text(miles)}, {further_than(pa.travel_miles)}"
    else:
        sentence = distance_text(miles)
    part = _part("distance", share, sentence)
    if part.points:
        return Explained(part, reasons=(sentence,))
    return Explained(part, missing=(sentence,))


# What a PA ticks on their profile is "everything you can do, or would be happy to do": a
# reason says that, not "has done", and says "verified" only for verified evidence.
HAPPY_TO_DO = "Can do or would be happy to do"


def skill_reasons(
    job: JobNeeds, pa: PACandidate, skill_ids: frozenset[int], note: str = ""
) -> tuple[str, ...]:
    """What the PA said about these skills: verified training first, then what they ticked."""
    verified = skill_ids & pa.verified_skill_ids
    ticked = skill_ids - verified
    reasons = []
    if verified:
        reasons.append(f"Verified training in {join_words(skill_words(job, verified))}{note}")
    if ticked:
        reasons.append(f"{HAPPY_TO_DO} {join_words(skill_words(job, ticked))}{note}")
    return tuple(reasons)


def tasks_part(job: JobNeeds, pa: PACandidate) -> Explained:
    share = tasks_share(job, pa)
    if share is None:
        return Explained(_part("tasks", None, "The job lists no tasks"))
    done = job.task_ids & pa.skill_ids
    not_done = job.task_ids - pa.skill_ids
    count = len(job.task_ids)
    if not not_done:
        sentence = f"{HAPPY_TO_DO} the task" if count == 1 else f"{HAPPY_TO_DO} all {count} tasks"
    elif not done:
        sentence = (
            "Has not listed the task" if count == 1 else f"Has listed none of the {count} tasks"
        )
    else:
        sentence = f"{HAPPY_TO_DO} {len(done)} of the {count} tasks"
    missing = (
        (f"Has not listed {join_words(skill_words(job, not_done), 'or')}",) if not_done else ()
    )
    part = _part("tasks", share, sentence)
    return Explained(part, reasons=skill_reasons(job, pa, done), missing=missing)


def _years_text(years: int) -> str:
    return f"{years} year's experience" if years == 1 else f"{years} years' experience"


def nice_to_haves_part(job: JobNeeds, pa: PACandidate) -> Explained:
    share = nice_to_haves_share(job, pa)
    if share is None:
        return Explained(_part("nice_to_haves", None, "The job lists no nice-to-haves"))
    count = _nice_count(job)
    has_skills = job.nice_skill_ids & pa.skill_ids
    lacks_skills = job.nice_skill_ids - pa.skill_ids
    has_years = _has_years(job, pa)
    earned = len(has_skills) + (1 if has_years else 0)
    if earned == count:
        sentence = "Has the nice-to-have" if count == 1 else f"Has all {count} nice-to-haves"
    elif earned == 0:
        sentence = (
            "Does not have the nice-to-have"
            if count == 1
            else f"Has none of the {count} nice-to-haves"
        )
    else:
        sentence = f"Has {earned} of the {count} nice-to-haves"
    reasons = list(skill_reasons(job, pa, has_skills, " (nice to have)"))
    missing = []
    if lacks_skills:
        missing.append(
            f"Has not listed {join_words(skill_words(job, lacks_skills), 'or')} (nice to have)"
        )
    if job.nice_years_experience:
        wanted = f"{job.nice_years_experience} wanted"
        if has_years:
            reasons.append(f"{_years_text(pa.years_experience)} ({wanted})")
        elif pa.years_experience is None:
            missing.append(f"Years of experience not given ({wanted})")
        else:
            missing.append(f"{_years_text(pa.years_experience)} ({wanted})")
    part = _part("nice_to_haves", share, sentence)
    return Explained(part, reasons=tuple(reasons), missing=tuple(missing))


def interests_part(job: JobNeeds, pa: PACandidate) -> Explained:
    share = interests_share(job, pa)
    if share is None:
        return Explained(_part("interests", None, "No interests listed for the job"))
    shared = job.interest_ids & pa.interest_ids
    if not shared:
        return Explained(_part("interests", share, "No shared interests"))
    names = sorted(lower_first(job.interest_names.get(pk, f"interest {pk}")) for pk in shared)
    sentence = f"Shares: {', '.join(names)}"
    return Explained(_part("interests", share, sentence), reasons=(sentence,))


def level_part(job: JobNeeds, pa: PACandidate) -> Explained:
    level = max(0, min(TOP_LEVEL, pa.level))
    sentence = LEVEL_SENTENCES[level]
    if level >= LEVEL_WITH_INDUCTION and pa.induction_by_course:
        sentence += INDUCTION_BY_COURSE
    part = _part("level", level_share(pa.level), sentence)
    if part.points:
        return Explained(part, reasons=(sentence,))
    return Explained(part, missing=(sentence,))


def activity_part(job: JobNeeds, pa: PACandidate) -> Explained:
    share, sentence = activity_share(pa.days_since_active)
    part = _part("activity", share, sentence)
    if part.points:
        return Explained(part, reasons=(sentence,))
    return Explained(part, missing=(sentence,))


PART_FUNCTIONS = (
    availability_part,
    distance_part,
    tasks_part,
    nice_to_haves_part,
    interests_part,
    level_part,
    activity_part,
)


def explain(job: JobNeeds, pa: PACandidate) -> tuple[Explained, ...]:
    """Every part of the score, in a fixed order, with its own reasons and gaps."""
    return tuple(function(job, pa) for function in PART_FUNCTIONS)


def total_score(parts: Iterable[ScorePart]) -> float:
    """Points earned over points possible, as 0..100, rounded to SCORE_DECIMALS places."""
    return _total([(part.max_points, part.points) for part in parts])


def _total(weighed: list[tuple[float, float]]) -> float:
    most = sum(weight for weight, _ in weighed)
    if most == 0:
        return 0.0
    return round(sum(points for _, points in weighed) / most * 100, SCORE_DECIMALS)


@dataclass(frozen=True)
class Counts:
    """A match as the numbers its score is made of, for ranking thousands of rows fast.

    `counts(job, pa)` gives them from the two data classes; the engine also reads them
    straight from the database when ranking a PA's jobs. `score_from_counts` then does the
    very same arithmetic as the explained parts, so the number is identical.
    """

    job_hours: int
    free_hours: int
    miles: float | None
    travel_miles: int
    tasks: int
    tasks_done: int
    nice: int
    nice_had: int
    interests: int
    interests_shared: int
    level: int
    days_since_active: int


def counts(job: JobNeeds, pa: PACandidate) -> Counts:
    return Counts(
        job_hours=grid_hours(job.hours_grid),
        free_hours=grid_hours(job.hours_grid & pa.availability),
        miles=miles_to(job, pa),
        travel_miles=pa.travel_miles,
        tasks=len(job.task_ids),
        tasks_done=len(job.task_ids & pa.skill_ids),
        nice=_nice_count(job),
        nice_had=len(job.nice_skill_ids & pa.skill_ids) + (1 if _has_years(job, pa) else 0),
        interests=len(job.interest_ids),
        interests_shared=len(job.interest_ids & pa.interest_ids),
        level=pa.level,
        days_since_active=pa.days_since_active,
    )


def score_from_counts(numbers: Counts) -> float:
    """The score, from the numbers alone (see `Counts`)."""
    shares = (
        ("availability", _fraction(numbers.free_hours, numbers.job_hours)),
        ("distance", distance_share(numbers.miles, numbers.travel_miles)),
        ("tasks", _fraction(numbers.tasks_done, numbers.tasks)),
        ("nice_to_haves", _fraction(numbers.nice_had, numbers.nice)),
        ("interests", _interest_fraction(numbers.interests_shared, numbers.interests)),
        ("level", level_share(numbers.level)),
        ("activity", activity_share(numbers.days_since_active)[0]),
    )
    weighed = []
    for key, share in shares:
        weight = WEIGHTS[key] if share is not None else 0.0
        weighed.append((weight, weight * _clamp(share or 0.0)))
    return _total(weighed)


def quick_score(job: JobNeeds, pa: PACandidate) -> float:
    """`score(job, pa).score` without the sentences: what ranking thousands of rows needs."""
    return score_from_counts(counts(job, pa))


def score(job: JobNeeds, pa: PACandidate) -> Match:
    """Rank one PA for one job; every point carries the reason a person reads."""
    explained = explain(job, pa)
    parts = tuple(item.part for item in explained)
    miles = miles_to(job, pa)
    return Match(
        score=total_score(parts),
        parts=parts,
        reasons=tuple(reason for item in explained for reason in item.reasons),
        missing=tuple(gap for item in explained for gap in item.missing),
        miles=float("inf") if miles is None else miles,
        local_rules=rule_lines(job),
    )


def score_words(value: float) -> str:
    """The score as words, so its meaning never rests on a number or a colour alone."""
    if value >= 75:
        return "Strong match"
    if value >= 50:
        return "Good match"
    if value >= 25:
        return "Fair match"
    return "Weak match"
