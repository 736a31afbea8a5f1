"""Development: how PAs learn, qualify and are checked."""

from pahub.insights.dashboard import Dashboard
from pahub.insights.figures.rows import (
    MIN_FOR_MEDIAN,
    area_by_dimension,
    by_month,
    medians_by_month,
    month_rows,
)
from pahub.insights.scope import Scope
from pahub.insights.tables import Table
from pahub.register.levels import LEVEL_NAMES

HUNDREDTHS = 100


def inductions(scope: Scope) -> Table:
    return Table(
        key="inductions",
        title="Inductions completed",
        definition=(
            "PAs who completed their induction each month, by the date it was completed: on PA "
            "Hub's induction course, or done elsewhere and recorded by staff. Each PA is counted "
            "once, in the council area of their own address."
        ),
        row_heading="Month",
        columns=("Inductions completed",),
        rows=month_rows(scope, [by_month("development.inductions", scope)]),
    )


def courses(scope: Scope) -> Table:
    return Table(
        key="course-completions",
        title="Courses completed",
        definition=(
            "Certificates issued each month for courses completed on PA Hub (every module "
            "passed), in the council area of the learner's own address. A course completed again "
            "after it changed counts again. Learning logged from elsewhere is in CPD hours, not "
            "here."
        ),
        row_heading="Month",
        columns=("Courses completed",),
        rows=month_rows(scope, [by_month("development.courses", scope)]),
    )


def levels(scope: Scope) -> Table:
    return Table(
        key="levels",
        title="PAs by level reached",
        definition=(
            "PAs on the register at the last refresh by the level their verified evidence gives "
            "them now (Entry level to Level 4, or not yet on a level), in the council area of "
            "their own address. The date range does not apply: this is a count of now."
        ),
        row_heading="Council",
        columns=tuple(LEVEL_NAMES.values()),
        rows=area_by_dimension("development.levels", scope, [str(level) for level in LEVEL_NAMES]),
    )


def whole_hours(hundredths: int) -> int:
    """Hundredths of an hour to whole hours, halves rounded up."""
    return (hundredths + HUNDREDTHS // 2) // HUNDREDTHS


def cpd_hours(scope: Scope) -> Table:
    hours = {
        month: whole_hours(total)
        for month, total in by_month("development.cpd_hundredths", scope).items()
    }
    return Table(
        key="cpd-hours",
        title="CPD hours logged",
        definition=(
            "Hours of continuing professional development PAs logged, by the month the learning "
            "took place, in the council area of the PA's own address, rounded to whole hours. "
            "Includes learning done on PA Hub and elsewhere, as the PA recorded it."
        ),
        row_heading="Month",
        columns=("CPD hours",),
        rows=month_rows(scope, [hours]),
        unit="hours",
    )


def verification_turnaround(scope: Scope) -> Table:
    counts, medians = medians_by_month("development.verify_days", scope)
    return Table(
        key="verification-turnaround",
        title="Verification turnaround",
        definition=(
            "Pieces of evidence verified each month (identity, DBS, qualifications, references "
            "and the rest), and the median number of calendar days from the day the PA "
            "submitted it to the day it was verified. With fewer than "
            f"{MIN_FOR_MEDIAN} verified in a month the median is not available. Evidence sent "
            "back for more information or not accepted is not counted."
        ),
        row_heading="Month",
        columns=("Evidence verified", "Median days to verify"),
        rows=month_rows(scope, [counts, medians]),
        totals=False,
        chart="none",
        unit="days",
    )


def tables(scope: Scope) -> list[Table]:
    return [
        inductions(scope),
        courses(scope),
        levels(scope),
        cpd_hours(scope),
        verification_turnaround(scope),
    ]


DASHBOARD = Dashboard(
    slug="development",
    title="Development",
    summary=(
        "Inductions and courses completed, levels reached, CPD hours and how long "
        "verification takes."
    ),
    position=30,
    tables=tables,
)
