"""The workforce dashboard: how many PAs a council's areas have, where, and what they offer.

Each table is one GROUP BY over the facts of `pahub.insights.collectors.workforce`
(`facts.facts_by`); names of councils, skills and languages are read once per call.
"""

from collections.abc import Callable, Iterable
from datetime import date

from pahub.insights.collectors import workforce as metrics
from pahub.insights.dashboard import Dashboard
from pahub.insights.facts import Key, facts_by, months_in
from pahub.insights.figures.equality import equality_tables
from pahub.insights.figures.family import family_tables
from pahub.insights.scope import Scope
from pahub.insights.tables import Row, Table
from pahub.places.queries import local_authority_names
from pahub.register.availability import DAYS, PARTS
from pahub.register.levels import LEVEL_NAMES
from pahub.register.workforce_counts import (
    DRIVING,
    FIRST_LANGUAGES,
    STATUS_NAMES,
    TRAVEL_BANDS,
    WEEKEND,
    language_names,
    skill_names,
)

NOW = "Counted now (at the last refresh)."
WHO = (
    "PAs with a profile on the PA register whose account is open and whose postcode is in "
    "the area, including PAs who have paused their profile or hidden it from employers. "
    "Employers, staff and deleted accounts are not counted."
)
NOT_KNOWN = "Not known"


def _single_column_rows(
    found: dict[Key, int], labels: Iterable[tuple[str, str]]
) -> tuple[Row, ...]:
    """One row per (code, label), its one value the count for that code (0 when none)."""
    return tuple(Row(label, (found.get((code,), 0),)) for code, label in labels)


def _status_rows(found: dict[Key, int], places: Iterable[tuple[str, str]]) -> tuple[Row, ...]:
    return tuple(
        Row(label, tuple(found.get((code, status), 0) for status in STATUS_NAMES))
        for code, label in places
    )


def registered_by_area(scope: Scope) -> Table:
    found = facts_by(metrics.PAS, scope, by=("local_authority_id", "dimension"))
    names = local_authority_names(scope.local_authority_ids)
    places = sorted(
        ((code, names.get(code, code)) for code in {key[0] for key in found}),
        key=lambda place: place[1],
    )
    return Table(
        key="registered-by-local-authority",
        title="Registered PAs by local authority",
        definition=f"{WHO} Looking for work means neither paused nor hidden. {NOW}",
        row_heading="Local authority",
        columns=tuple(STATUS_NAMES.values()),
        rows=_status_rows(found, places),
    )


def registered_by_district(scope: Scope) -> Table:
    found = facts_by(metrics.PAS, scope, by=("district_id", "dimension"))
    places = sorted((code, code or NOT_KNOWN) for code in {key[0] for key in found})
    return Table(
        key="registered-by-district",
        title="Registered PAs by postcode district",
        definition=f"{WHO} Each PA is counted in the district of their postcode. {NOW}",
        row_heading="Postcode district",
        columns=tuple(STATUS_NAMES.values()),
        rows=_status_rows(found, places),
    )


def by_level(scope: Scope) -> Table:
    found = facts_by(metrics.LEVEL, scope, by=("dimension",))
    return Table(
        key="level",
        title="Registered PAs by level",
        definition=(
            f"{WHO} Each PA is counted once, at the level their verified evidence gives them "
            f"today. {NOW}"
        ),
        row_heading="Level",
        columns=("PAs",),
        rows=_single_column_rows(
            found, ((str(level), name) for level, name in LEVEL_NAMES.items())
        ),
    )


def by_skill(scope: Scope) -> Table:
    found = facts_by(metrics.SKILL, scope, by=("dimension",))
    names = skill_names()
    skills = sorted(((key[0], names.get(key[0], key[0])) for key in found), key=lambda s: s[1])
    return Table(
        key="skill",
        title="Registered PAs by skill",
        definition=(
            f"{WHO} A PA is counted under every skill they named on their profile, so the "
            f"figures do not add up to the number of PAs. Skills no PA named are not listed. "
            f"{NOW}"
        ),
        row_heading="Skill",
        columns=("PAs",),
        rows=_single_column_rows(found, skills),
        totals=False,
    )


def by_language(scope: Scope) -> Table:
    found = facts_by(metrics.LANGUAGE, scope, by=("dimension",))
    names = language_names()
    others = sorted(
        ((key[0], names.get(key[0], key[0])) for key in found if key[0] not in FIRST_LANGUAGES),
        key=lambda language: language[1],
    )
    first = [(code, names.get(code, code)) for code in FIRST_LANGUAGES]
    return Table(
        key="language",
        title="Registered PAs by language",
        definition=(
            f"{WHO} A PA is counted under every language they named, at any level from basic "
            f"to first language, so the figures do not add up to the number of PAs. British "
            f"Sign Language and Makaton come first; other languages no PA named are not "
            f"listed. {NOW}"
        ),
        row_heading="Language",
        columns=("PAs",),
        rows=_single_column_rows(found, first + others),
        totals=False,
    )


def by_time_of_day(scope: Scope) -> Table:
    found = facts_by(metrics.TIME_OF_DAY, scope, by=("dimension",))
    parts = [(key, f"{label} ({hours})") for key, label, hours in PARTS]
    return Table(
        key="time-of-day",
        title="Registered PAs by when they are free",
        definition=(
            f"{WHO} A PA is counted under a part of the day when they ticked it on at least "
            f"one day of their weekly availability, and under weekends when they ticked any "
            f"time on Saturday or Sunday; one PA may be counted under several. {NOW}"
        ),
        row_heading="Free in the",
        columns=("PAs",),
        rows=_single_column_rows(found, [*parts, (WEEKEND, "Weekend (any time)")]),
        totals=False,
    )


def by_day_and_time(scope: Scope) -> Table:
    found = facts_by(metrics.SLOT, scope, by=("dimension", "dimension_2"))
    return Table(
        key="availability-grid",
        title="Registered PAs free at each time of the week",
        definition=(
            f"{WHO} Each cell counts the PAs who ticked that day and part of the day on their "
            f"weekly availability; one PA may be counted in many cells. {NOW}"
        ),
        row_heading="Day",
        columns=tuple(label for _, label, _ in PARTS),
        rows=tuple(
            Row(day, tuple(found.get((day.lower(), key), 0) for key, _, _ in PARTS)) for day in DAYS
        ),
        totals=False,
        chart="none",
    )


def by_travel(scope: Scope) -> Table:
    found = facts_by(metrics.TRAVEL, scope, by=("dimension",))
    return Table(
        key="travel-distance",
        title="Registered PAs by how far they will travel",
        definition=(
            f"{WHO} Each PA is counted once, by the distance they said they will travel to "
            f"work. {NOW}"
        ),
        row_heading="Will travel",
        columns=("PAs",),
        rows=_single_column_rows(found, ((key, label) for key, label, _ in TRAVEL_BANDS)),
    )


def driving(scope: Scope) -> Table:
    found = facts_by(metrics.DRIVING, scope, by=("dimension",))
    return Table(
        key="driving",
        title="Registered PAs who drive",
        definition=(
            f"{WHO} As the PAs said on their profile, not verified (a licence checked by "
            f"staff is evidence towards a level). One PA may be counted in every row. {NOW}"
        ),
        row_heading="PAs who",
        columns=("PAs",),
        rows=_single_column_rows(found, ((key, label) for key, label, _ in DRIVING)),
        totals=False,
    )


def _monthly(metric: str, scope: Scope) -> tuple[Row, ...]:
    found = facts_by(metric, scope, by=("month",))
    return tuple(Row(_month_label(month), (found.get((month,), 0),)) for month in months_in(scope))


def _month_label(month: date) -> str:
    return month.strftime("%B %Y")


def joined(scope: Scope) -> Table:
    return Table(
        key="new-pas",
        title="New PAs by month",
        definition=(
            "PAs who made their profile on the PA register in each month (UK time), counted "
            "in the local authority they live in now, and only while they are still on the "
            "register: a PA who joined and then deleted their account is not counted here."
        ),
        row_heading="Month",
        columns=("PAs",),
        rows=_monthly(metrics.JOINED, scope),
        chart="bar",
    )


def left(scope: Scope) -> Table:
    return Table(
        key="leaving-pas",
        title="Leaving PAs by month",
        definition=(
            "PAs who deleted their PA Hub account in each month (UK time), which removes them "
            "from the register, counted in the local authority they lived in when they left. "
            "PAs who only paused or hid their profile are not counted: they are still on the "
            "register."
        ),
        row_heading="Month",
        columns=("PAs",),
        rows=_monthly(metrics.LEFT, scope),
    )


TABLES: tuple[Callable[[Scope], Table], ...] = (
    registered_by_area,
    registered_by_district,
    by_level,
    by_skill,
    by_language,
    by_time_of_day,
    by_day_and_time,
    by_travel,
    driving,
    joined,
    left,
)


def register_tables(scope: Scope) -> list[Table]:
    return [table(scope) for table in TABLES]


def workforce_tables(scope: Scope) -> list[Table]:
    # Register figures first, then paid family members and the equality monitoring answers
    # (only ever as counts, suppressed like every other count of people).
    return register_tables(scope) + family_tables(scope) + equality_tables(scope)


DASHBOARD = Dashboard(
    slug="workforce",
    title="Workforce",
    summary=(
        "How many PAs are registered in your areas, where they live, their levels, skills, "
        "languages and availability, how many join and leave each month, paid family "
        "members, and the age, sex, ethnicity and disability of PAs who chose to say."
    ),
    position=10,
    tables=workforce_tables,
)
