"""Development: inductions, courses, levels, CPD hours and how long verification takes, from
the register and learning apps' own counts."""

from collections.abc import Iterator

from pahub.insights.figures.rows import duration_facts
from pahub.insights.summaries import FactRow, collector
from pahub.learning import insight_counts as learning
from pahub.register import insight_counts as register


@collector("development")
def collect() -> Iterator[FactRow]:
    for area, month, people in register.inductions_by_month():
        yield FactRow("development.inductions", area, people, month=month)
    for area, month, certificates in learning.course_certificates_by_month():
        yield FactRow("development.courses", area, certificates, month=month)
    for area, level, pas in register.pas_by_level():
        yield FactRow("development.levels", area, pas, dimension=str(level))
    for area, month, hundredths in learning.cpd_hundredths_by_month():
        yield FactRow("development.cpd_hundredths", area, hundredths, month=month)
    yield from duration_facts(
        "development.verify_days",
        (
            (area, month, (verified - submitted).days, pieces)
            for area, month, submitted, verified, pieces in register.verification_dates()
        ),
    )
