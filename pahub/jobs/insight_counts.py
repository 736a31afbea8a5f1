"""Counts of jobs for the insights dashboards: each a GROUP BY in the database, one query each
(the vacancies with no match: one per district with open jobs, never one per job).

Insights reads jobs only through these functions (docs/insights.md, "Demand and supply
dashboard"). Jobs without a local authority cannot be placed on a council's dashboard and are
left out of every count.
"""

from datetime import date
from functools import reduce
from operator import add

from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Sum,
)

from pahub.core.local_time import LocalDate, LocalMonth
from pahub.jobs.models import Job
from pahub.matching.candidates import Reach, looking_for_work
from pahub.matching.scoring import SLOT_HOURS
from pahub.places.distance import bounding_box, miles_between
from pahub.places.models import District
from pahub.register.availability import DAYS, PARTS
from pahub.register.models import PAProfile, ProfileLanguage

PLACED = Q(local_authority__isnull=False)


def open_jobs_by_kind() -> list[tuple[str, str, int]]:
    """(local authority, kind, open jobs): jobs advertised now (published, not paused)."""
    rows = (
        Job.objects.filter(PLACED, status=Job.Status.PUBLISHED)
        .values_list("local_authority_id", "kind")
        .annotate(jobs=Count("pk"))
        .order_by()
    )
    return list(rows)


def filled_job_dates() -> list[tuple[str, date, date, date, int]]:
    """(local authority, month filled, date published, date filled, jobs) for filled jobs.

    Grouped by the two dates (in the site's time zone) so the days each took can be counted
    without reading every job; the month is the month the job was filled.
    """
    rows = (
        Job.objects.filter(PLACED, status=Job.Status.FILLED)
        .exclude(published_at=None)
        .exclude(closed_at=None)
        .annotate(
            month=LocalMonth("closed_at"),
            published_on=LocalDate("published_at"),
            filled_on=LocalDate("closed_at"),
        )
        .values_list("local_authority_id", "month", "published_on", "filled_on")
        .annotate(jobs=Count("pk"))
        .order_by()
    )
    return [
        (area, month.date(), published, filled, jobs)
        for area, month, published, filled, jobs in rows
    ]


def _flag(expression) -> ExpressionWrapper:
    return ExpressionWrapper(expression, output_field=BooleanField())


def _level_for_the_planner() -> F | ExpressionWrapper:
    """The profile's level, written `level + 0` on SQLite: with the level bare, SQLite reads
    the PAs through the index on (visibility, is_paused, level), every PA of the region at
    or above the job's level, rather than through the districts' index (the open jobs no PA
    within reach matches: 58 to 14 s at 200,000 PAs, 4.1 to 1.8 s at 20,000). The same rows;
    PostgreSQL plans well with the bare column, so it keeps it."""
    if connection.vendor == "sqlite":
        return ExpressionWrapper(F("level") + 0, IntegerField())
    return F("level")


def a_matching_pa(where: Q, travel: Q | None = None) -> Exists:
    """A PA looking for work, living `where` (a condition on the profile's district) and
    willing to `travel` there, who meets every one of the job's must-haves (level, DBS,
    driver, gender, language, every required skill) and is free at one of its times at least
    (or the job names no times). Correlated to the outer job, so one query tests many jobs.

    The conditions are written cheapest first (the database tests them in that order on each
    PA it reads): the profile's own columns, then the travel rule (a CASE over districts),
    then the language and skills (subqueries)."""
    job_skills = Job.required_skills.through.objects.filter(job_id=OuterRef(OuterRef("pk")))
    profile_skills = PAProfile.skills.through.objects.filter(
        paprofile_id=OuterRef(OuterRef("pk")), skill_id=OuterRef("skill_id")
    )
    speaks = ProfileLanguage.objects.filter(
        profile_id=OuterRef("pk"), language_id=OuterRef(OuterRef("required_language_id"))
    )
    profiles = (
        PAProfile.objects.filter(looking_for_work(), where)
        .exclude(user_id=OuterRef("employer_id"))
        .alias(level_value=_level_for_the_planner())
        .filter(
            level_value__gte=OuterRef("required_level"),
            dbs_rank__gte=OuterRef("required_dbs_rank"),
        )
        .alias(
            job_driver=_flag(OuterRef("requires_driver")),
            job_gender=ExpressionWrapper(OuterRef("required_gender"), CharField()),
            job_language=ExpressionWrapper(OuterRef("required_language_id"), IntegerField()),
            job_grid=ExpressionWrapper(OuterRef("hours_grid"), BigIntegerField()),
        )
        .alias(free_in_grid=F("availability").bitand(F("job_grid")))
        .filter(Q(job_driver=False) | Q(has_driving_licence=True, has_own_car=True))
        .filter(Q(job_gender="") | Q(gender=F("job_gender")))
        .filter(Q(job_grid=0) | ~Q(free_in_grid=0))
        .filter(travel or Q())
        .filter(Q(job_language=None) | Q(Exists(speaks)))
        .filter(~Exists(job_skills.filter(~Exists(profile_skills))))
    )
    return Exists(profiles)


def reaches(outcodes: list[str], furthest: int) -> dict[str, Reach]:
    """For each of these districts, the districts within `furthest` miles of it and how far,
    measured as `matching.candidates.reach_of` does (the same floats, in the same order)."""
    centroids = {
        outcode: (latitude, longitude)
        for outcode, latitude, longitude in District.objects.exclude(latitude=None)
        .exclude(longitude=None)
        .values_list("outcode", "latitude", "longitude")
    }
    found = {}
    for outcode in outcodes:
        if outcode not in centroids:
            found[outcode] = Reach({}, None)
            continue
        latitude, longitude = centroids[outcode]
        min_lat, max_lat, min_lon, max_lon = bounding_box(latitude, longitude, furthest)
        miles_by_district = {}
        for other, (other_lat, other_lon) in centroids.items():
            if min_lat <= other_lat <= max_lat and min_lon <= other_lon <= max_lon:
                miles = miles_between(latitude, longitude, other_lat, other_lon)
                if miles <= furthest:
                    miles_by_district[other] = miles
        found[outcode] = Reach(miles_by_district, (latitude, longitude))
    return found


# A PA in the job's own district is 0 miles from it, within anyone's travel distance: tested
# first, through the district index, it settles most jobs before the wider search.
IN_THE_JOBS_DISTRICT = Q(district_id=OuterRef("district_id"))


def open_jobs_without_a_match() -> list[tuple[str, str, int]]:
    """(local authority, district, open jobs) for open jobs no PA within reach matches
    (`a_matching_pa`). One query per district with open jobs (and three to prepare), never
    one per job: the database stops at the first PA that matches a job, so only jobs without
    a match nearby read every PA around them."""
    open_jobs = Job.objects.filter(PLACED, status=Job.Status.PUBLISHED).exclude(district=None)
    outcodes = sorted(set(open_jobs.values_list("district_id", flat=True)))
    if not outcodes:
        return []
    furthest = PAProfile.objects.filter(looking_for_work()).aggregate(furthest=Max("travel_miles"))[
        "furthest"
    ]
    rows = []
    for outcode, reach in reaches(outcodes, furthest or 0).items():
        jobs = open_jobs.filter(district_id=outcode)
        if reach.miles_by_district:
            jobs = jobs.filter(~a_matching_pa(IN_THE_JOBS_DISTRICT))
        found = (
            # Within their own travel distance: the districts around the job, as the matching
            # engine finds them, and its rule.
            jobs.filter(
                ~a_matching_pa(
                    Q(district_id__in=sorted(reach.miles_by_district)), reach.profiles_q()
                )
            )
            .values_list("local_authority_id")
            .annotate(jobs=Count("pk"))
            .order_by()
        )
        rows += [(area, outcode, jobs) for area, jobs in found]
    return rows


def _hours_in_part(part: int):
    """Hours a week the job's grid asks for in this part of the day, over the seven days."""
    slots = [day * len(PARTS) + part for day in range(len(DAYS))]
    return reduce(
        add, [F("hours_grid").bitrightshift(slot).bitand(1) * SLOT_HOURS[slot] for slot in slots]
    )


def weekly_hours_needed_by_part() -> list[tuple[str, str, str, int]]:
    """(local authority, district, part of the day, hours a week) that open jobs ask for."""
    parts = {key: Sum(_hours_in_part(part)) for part, (key, _, _) in enumerate(PARTS)}
    rows = (
        Job.objects.filter(PLACED, status=Job.Status.PUBLISHED)
        .exclude(district=None)
        .values("local_authority_id", "district_id")
        .annotate(**parts)
        .order_by()
    )
    return [
        (row["local_authority_id"], row["district_id"], key, row[key] or 0)
        for row in rows
        for key in parts
    ]
