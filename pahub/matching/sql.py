"""The score's parts as SQL expressions, for ranking many PAs against one job.

`partial_points` adds up every part of `scoring.score` but distance in the database, so the
engine can sort thousands of prefiltered profiles there and read only the best rows
(docs/matching.md, "How the database ranks a job's PAs"). `ListedCount` is also how a PA's
jobs are counted (tasks and nice-to-haves each job lists, and how many the PA has).
"""

from collections import defaultdict
from collections.abc import Iterable
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
    Value,
    When,
)
from django.db.models.functions import Cast, Least

from pahub.register.masks import has_bit
from pahub.register.models import PAProfile

from .scoring import (
    ACTIVITY_STEPS,
    INTERESTS_FOR_FULL_POINTS,
    SLOT_HOURS,
    TOP_LEVEL,
    WEIGHTS,
    JobNeeds,
    grid_hours,
)


def _as_float(expression) -> ExpressionWrapper:
    return ExpressionWrapper(expression, output_field=FloatField())


def _points(value: float) -> Cast:
    """A number of points, as a float in the database: PostgreSQL reads a bare `2.5` as an
    exact NUMERIC, and the whole score's arithmetic then ran in NUMERIC, several times slower."""
    return Cast(Value(value), FloatField())


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


class OnMask(Expression):
    """An expression over one integer mask column of the row (skills, interests): Django's
    resolving and relabelling see the column through these two methods."""

    def __init__(self, column: str) -> None:
        super().__init__()
        self.mask = F(column)

    def get_source_expressions(self) -> list:
        return [self.mask]

    def set_source_expressions(self, expressions: list) -> None:
        (self.mask,) = expressions


class MaskPoints(OnMask):
    """Points for the bits a row's mask has: `((mask >> bit) & 1) * points` added up over the
    bits, each written out (a query is built per request). Used for the profile's skills
    (`PAProfile.skills_mask`): the job's tasks and nice-to-haves read from the matching index,
    instead of each candidate's skill rows."""

    output_field = FloatField()

    def __init__(self, column: str, points_by_bit: dict[int, float]) -> None:
        super().__init__(column)
        self.points_by_bit = points_by_bit

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        column, params = compiler.compile(self.mask)
        terms, term_params = [], []
        for bit, points in sorted(self.points_by_bit.items()):
            terms.append(f"(({column} >> {bit}) & 1) * CAST(%s AS DOUBLE PRECISION)")
            term_params += [*params, points]
        return f"({' + '.join(terms)})", term_params


class SkillPoints(ListedCount):
    """The points a profile's skills earn, in one correlated subquery: the sum, over the
    profile's skills that the job names, of each skill's points (a task's share of the tasks'
    weight plus a nice-to-have's share of theirs; a skill can be both). Only for skills
    numbered beyond the skills mask (`skill_points` uses the mask for the others)."""

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


def skill_points(points: dict[int, float]) -> list:
    """The score's terms for these skills' points: from the skills mask for the skills it
    holds, from the skill rows for any numbered beyond it."""
    in_mask = {pk - 1: value for pk, value in points.items() if has_bit(pk)}
    beyond = {pk: value for pk, value in points.items() if not has_bit(pk)}
    terms: list = []
    if in_mask:
        terms.append(MaskPoints("skills_mask", in_mask))
    if beyond:
        terms.append(SkillPoints(beyond))
    return terms


class MaskCount(OnMask):
    """How many of these bits a row's mask has: `((mask >> bit) & 1) + ...`. Used for the
    interests a profile shares with a job (`PAProfile.interests_mask`)."""

    output_field = IntegerField()

    def __init__(self, column: str, bits: list[int]) -> None:
        super().__init__(column)
        self.bits = sorted(bits)

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        column, params = compiler.compile(self.mask)
        terms = [f"(({column} >> {bit}) & 1)" for bit in self.bits]
        return f"({' + '.join(terms)})", params * len(self.bits)


def interests_listed(interest_ids) -> Expression:
    """How many of these interests the profile lists: from the interests mask, and from the
    rows for any interest numbered beyond it."""
    in_mask = [pk - 1 for pk in interest_ids if has_bit(pk)]
    beyond = [pk for pk in interest_ids if not has_bit(pk)]
    parts: list = []
    if in_mask:
        parts.append(MaskCount("interests_mask", in_mask))
    if beyond:
        parts.append(ListedCount(PAProfile.interests.through, "interest_id", beyond))
    return reduce(add, parts)


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
        terms.append(FreeHours(slots) * _points(WEIGHTS["availability"] / job_hours))
    # Tasks and nice-to-have skills together: one look at the profile's skills, not two.
    nice_count = len(needs.nice_skill_ids) + (1 if needs.nice_years_experience else 0)
    points_by_skill: dict[int, float] = defaultdict(float)
    for pk in needs.task_ids:
        points_by_skill[pk] += WEIGHTS["tasks"] / len(needs.task_ids)
    for pk in needs.nice_skill_ids:
        points_by_skill[pk] += WEIGHTS["nice_to_haves"] / nice_count
    terms += skill_points(dict(points_by_skill))
    if needs.nice_years_experience:
        terms.append(
            _one_if(Q(years_experience__gte=needs.nice_years_experience))
            * _points(WEIGHTS["nice_to_haves"] / nice_count)
        )
    if needs.interest_ids:
        shared = interests_listed(needs.interest_ids)
        most = min(len(needs.interest_ids), INTERESTS_FOR_FULL_POINTS)
        terms.append(
            Least(shared, Value(INTERESTS_FOR_FULL_POINTS)) * _points(WEIGHTS["interests"] / most)
        )
    terms.append(F("level") * _points(WEIGHTS["level"] / TOP_LEVEL))
    # Active within N whole days means last active after now minus N+1 days.
    activity = Case(
        *[
            When(
                last_active_at__gt=now - timedelta(days=most_days + 1),
                then=_points(WEIGHTS["activity"] * share),
            )
            for most_days, share, _ in ACTIVITY_STEPS
        ],
        default=_points(0.0),
        output_field=FloatField(),
    )
    terms.append(activity)
    return _as_float(_sum(terms))
