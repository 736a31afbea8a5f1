"""Demand and supply: are employers finding PAs, and where and when are PAs missing?"""

from pahub.insights.dashboard import Dashboard
from pahub.insights.facts import facts_by
from pahub.insights.figures.rows import (
    MIN_FOR_MEDIAN,
    area_by_dimension,
    area_rows,
    medians_by_month,
    month_rows,
    monthly_columns,
)
from pahub.insights.scope import Scope
from pahub.insights.tables import Row, Table
from pahub.register.availability import PARTS

KINDS = (("regular", "Regular work"), ("cover", "Cover (occasional or short notice)"))
PART_COLUMNS = tuple(f"{label} ({hours})" for _, label, hours in PARTS)


def open_vacancies(scope: Scope) -> Table:
    return Table(
        key="open-vacancies",
        title="Open vacancies by council and kind",
        definition=(
            "Jobs advertised on PA Hub at the last refresh (open for applications), by the "
            "council area the work is in and the kind of job. Drafts, paused, closed and "
            "filled jobs are not counted. The date range does not apply: this is a count of now."
        ),
        row_heading="Council",
        columns=tuple(label for _, label in KINDS),
        rows=area_by_dimension("demand.open_jobs", scope, [kind for kind, _ in KINDS]),
        unit="jobs",
    )


def time_to_fill(scope: Scope) -> Table:
    counts, medians = medians_by_month("demand.fill_days", scope)
    return Table(
        key="time-to-fill",
        title="Time to fill a vacancy",
        definition=(
            "Jobs filled each month (the employer marked a PA hired), and the median number of "
            "calendar days from the day the job was first advertised to the day it was filled. "
            f"With fewer than {MIN_FOR_MEDIAN} jobs filled in a month the median is not "
            "available. Jobs closed without hiring anyone are not counted."
        ),
        row_heading="Month",
        columns=("Jobs filled", "Median days to fill"),
        rows=month_rows(scope, [counts, medians]),
        totals=False,
        chart="none",
        unit="days",
    )


def no_match(scope: Scope) -> Table:
    open_jobs = facts_by("demand.open_jobs", scope, ("local_authority_id",))
    unmatched = facts_by("demand.no_match", scope, ("local_authority_id",))
    values = {
        code: (open_jobs.get((code,), 0), unmatched.get((code,), 0))
        for code in scope.local_authority_ids
    }
    return Table(
        key="no-match",
        title="Open vacancies with no match",
        definition=(
            "Open vacancies no PA on PA Hub could be matched with at the last refresh: nobody "
            "looking for work (profile listed and not paused) who lives within the distance they "
            "will travel of the job (measured between postcode district centres, as matching "
            "does), holds the job's level, DBS check, driving, gender requirement, language and "
            "every required skill, and is free at one of its times. The date range does not "
            "apply: this is a count of now. Matching also asks that the employer may see the "
            "PA's profile (a PA visible only in chosen areas); that is not tested here, so a "
            "vacancy counted as matched may still show no one to its employer."
        ),
        row_heading="Council",
        columns=("Open vacancies", "With no match"),
        rows=area_rows(scope, values, 2),
        totals=False,
        unit="jobs",
    )


def cover_requests(scope: Scope) -> Table:
    return Table(
        key="cover-requests",
        title="Cover requests met and unmet",
        definition=(
            "Requests for cover made each month, by what became of them: met (a PA's booking "
            "was confirmed) or unmet (the time passed with nobody booked). Requests still open "
            "and requests the employer cancelled are not counted."
        ),
        row_heading="Month",
        columns=("Met", "Unmet"),
        rows=month_rows(scope, monthly_columns("demand.cover_requests", scope, ["met", "unmet"])),
        chart="stacked",
        unit="people",
    )


def cover_time(scope: Scope) -> Table:
    _, medians = medians_by_month("demand.cover_hours", scope)
    return Table(
        key="time-to-cover",
        title="Time to find cover",
        definition=(
            "The median number of whole clock hours from the hour a cover request was made to "
            "the hour the first PA's booking was confirmed, for requests met, by the month they "
            f"were made. With fewer than {MIN_FOR_MEDIAN} requests met in a month the median is "
            "not available. How many were met is in the table of cover requests, where small "
            "numbers are suppressed."
        ),
        row_heading="Month",
        columns=("Median hours to cover",),
        rows=month_rows(scope, [medians]),
        totals=False,
        chart="none",
        unit="hours",
    )


def _district_rows(metric: str, scope: Scope, districts: list[str]) -> tuple[Row, ...]:
    found = facts_by(metric, scope, ("district_id", "dimension"))
    return tuple(
        Row(district, tuple(found.get((district, key), 0) for key, _, _ in PARTS))
        for district in districts
    )


def supply_gap(scope: Scope) -> list[Table]:
    needed = facts_by("demand.hours_needed", scope, ("district_id",))
    free = facts_by("demand.pas_free", scope, ("district_id",))
    districts = sorted({district for (district,) in needed} | {district for (district,) in free})
    return [
        Table(
            key="hours-needed",
            title="Hours needed a week by district and time of day",
            definition=(
                "The hours a week open vacancies ask for, by the postcode district of the work "
                "and the part of the day (early morning, morning, afternoon, evening, waking "
                "night, sleep-in), added up over the seven days of each job's weekly times. "
                "Counted at the last refresh. One-off cover requests are not included."
            ),
            row_heading="District",
            columns=PART_COLUMNS,
            rows=_district_rows("demand.hours_needed", scope, districts),
            unit="hours",
        ),
        Table(
            key="pas-free",
            title="PAs free by district and time of day",
            definition=(
                "PAs looking for work (profile listed and not paused) who are free in that part "
                "of the day on at least one day of the week, by the postcode district they live "
                "in. A PA free mornings and evenings is counted in both columns, so rows do not "
                "add up. Read beside the hours needed: districts with many hours and few PAs "
                "free are the supply gap. Counted at the last refresh."
            ),
            row_heading="District",
            columns=PART_COLUMNS,
            rows=_district_rows("demand.pas_free", scope, districts),
            totals=False,
            unit="people",
        ),
    ]


def tables(scope: Scope) -> list[Table]:
    return [
        open_vacancies(scope),
        time_to_fill(scope),
        no_match(scope),
        cover_requests(scope),
        cover_time(scope),
        *supply_gap(scope),
    ]


DASHBOARD = Dashboard(
    slug="demand-and-supply",
    title="Demand and supply",
    summary=(
        "Open vacancies, how long they take to fill, vacancies no PA matches, cover requests, "
        "and where and when PAs are missing."
    ),
    position=20,
    tables=tables,
)
