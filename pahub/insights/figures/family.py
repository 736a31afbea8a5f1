"""Paid family members and other PAs."""

from pahub.insights.figures import JOINED_COLUMNS, counts_by_joined, joined_rows, period_words
from pahub.insights.scope import Scope
from pahub.insights.tables import Table
from pahub.register.family import KINDS


def family_tables(scope: Scope) -> list[Table]:
    counts = counts_by_joined(["family.pas"], scope)
    return [
        Table(
            key="family",
            title="Paid family members and other PAs",
            definition=(
                f"PAs on the register in {scope.label} who joined by the end of the period "
                f"({period_words(scope)}), by whether they said on their profile that they "
                "are paid to support a family member."
            ),
            row_heading="PAs",
            columns=JOINED_COLUMNS,
            rows=joined_rows("family.pas", KINDS, counts),
        )
    ]
