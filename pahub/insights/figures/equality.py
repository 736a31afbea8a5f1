"""Equality monitoring tables: who answered, and the answers of those who did.

Each table splits PAs by whether they joined before or during the period, so "are we
recruiting younger people, men, and Black, Asian and minority ethnic people?" is read from
the second column. Rows and columns add up, so suppression hides small counts and the cells
that would give them away.
"""

from pahub.insights.figures import JOINED_COLUMNS, counts_by_joined, joined_rows, period_words
from pahub.insights.scope import Scope
from pahub.insights.tables import Table
from pahub.register.equality.counts import QUESTIONS, STATUSES

TITLES = {
    "age_band": ("equality-age", "Age of PAs who answered", "Age group"),
    "sex": ("equality-sex", "Sex of PAs who answered", "Sex"),
    "ethnic_group": ("equality-ethnic-group", "Ethnic group of PAs who answered", "Ethnic group"),
    "disability": ("equality-disability", "Disability of PAs who answered", "Disabled"),
}
ABOUT = (
    "Equality monitoring is optional and separate from the profile: employers never see the "
    "answers and matching never uses them."
)


def equality_tables(scope: Scope) -> list[Table]:
    metrics = ["equality.status", *(f"equality.{question}" for question in QUESTIONS)]
    counts = counts_by_joined(metrics, scope)
    period = period_words(scope)
    tables = [
        Table(
            key="equality-response",
            title="Equality monitoring: who answered",
            definition=(
                f"PAs on the register in {scope.label} who joined by the end of the period "
                f"({period}), by whether they answered the optional equality monitoring "
                "questions, said they did not want to, or have not answered yet."
            ),
            row_heading="Equality monitoring",
            columns=JOINED_COLUMNS,
            rows=joined_rows("equality.status", STATUSES, counts),
            notes=(ABOUT,),
        )
    ]
    for question, answers in QUESTIONS.items():
        key, title, heading = TITLES[question]
        tables.append(
            Table(
                key=key,
                title=title,
                definition=(
                    f"Of PAs who answered the equality monitoring questions, on the register "
                    f"in {scope.label} and joined by the end of the period ({period}): their "
                    "answer, including those who chose 'Prefer not to say'."
                ),
                row_heading=heading,
                columns=JOINED_COLUMNS,
                rows=joined_rows(f"equality.{question}", answers, counts),
                notes=(ABOUT,),
            )
        )
    return tables
