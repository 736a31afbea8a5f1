"""Demand and supply: open vacancies, time to fill, vacancies with no match, cover requests and
the supply gap, from the jobs, cover and register apps' own counts."""

from collections.abc import Iterator

from pahub.cover import insight_counts as cover
from pahub.insights.figures.rows import duration_facts
from pahub.insights.summaries import FactRow, collector
from pahub.jobs import insight_counts as jobs
from pahub.register import insight_counts as register

SECONDS_IN_HOUR = 3600


@collector("demand")
def collect() -> Iterator[FactRow]:
    for area, kind, count in jobs.open_jobs_by_kind():
        yield FactRow("demand.open_jobs", area, count, dimension=kind)
    for area, district, count in jobs.open_jobs_without_a_match():
        yield FactRow("demand.no_match", area, count, district_id=district)
    yield from duration_facts(
        "demand.fill_days",
        (
            (area, month, (filled - published).days, count)
            for area, month, published, filled, count in jobs.filled_job_dates()
        ),
    )
    for area, month, outcome, count in cover.requests_by_outcome():
        yield FactRow("demand.cover_requests", area, count, month=month, dimension=outcome)
    yield from duration_facts(
        "demand.cover_hours",
        (
            (area, month, int((booked - made).total_seconds()) // SECONDS_IN_HOUR, count)
            for area, month, made, booked, count in cover.covered_request_hours()
        ),
    )
    for area, district, part, hours in jobs.weekly_hours_needed_by_part():
        yield FactRow("demand.hours_needed", area, hours, district_id=district, dimension=part)
    for area, district, part, pas in register.pas_free_by_part():
        yield FactRow("demand.pas_free", area, pas, district_id=district, dimension=part)
