"""The workforce facts: who is on the PA register, where, and what they offer.

Every count comes from `pahub.register.workforce_counts` (GROUP BY queries in the app that
owns the rows); this module only names them as facts.
"""

from collections.abc import Iterator

from pahub.insights.summaries import FactRow, collector
from pahub.register import workforce_counts as counts

# Metric names, read back by `pahub.insights.dashboards.workforce`.
PAS = "workforce.pas"  # dimension: looking, paused or hidden
LEVEL = "workforce.level"  # dimension: the level number, "0" to "4"
SKILL = "workforce.skill"  # dimension: the skill's taxonomy code
LANGUAGE = "workforce.language"  # dimension: the language's code ("bfi" is BSL)
TIME_OF_DAY = "workforce.time_of_day"  # dimension: a part of the day, or "weekend"
SLOT = "workforce.slot"  # dimension: the day ("monday"); dimension_2: the part ("morning")
TRAVEL = "workforce.travel"  # dimension: a travel band ("6_to_10")
DRIVING = "workforce.driving"  # dimension: licence, own_car or offers_driving
JOINED = "workforce.joined"  # per month
LEFT = "workforce.left"  # per month

AREA_COUNTS = {
    PAS: counts.registered_pas_by_status,
    LEVEL: counts.registered_pas_by_level,
    SKILL: counts.registered_pas_by_skill,
    LANGUAGE: counts.registered_pas_by_language,
    TIME_OF_DAY: counts.registered_pas_by_time_of_day,
    TRAVEL: counts.registered_pas_by_travel_band,
    DRIVING: counts.registered_pas_driving,
}
MONTH_COUNTS = {
    JOINED: counts.new_pas_by_month,
    LEFT: counts.leaving_pas_by_month,
}


@collector("workforce")
def workforce_facts() -> Iterator[FactRow]:
    for metric, count in AREA_COUNTS.items():
        for area, district, dimension, value in count():
            yield FactRow(metric, area, value, district_id=district, dimension=dimension)
    for area, district, day, part, value in counts.registered_pas_by_slot():
        yield FactRow(SLOT, area, value, district_id=district, dimension=day, dimension_2=part)
    for metric, count in MONTH_COUNTS.items():
        for area, month, value in count():
            yield FactRow(metric, area, value, month=month)
