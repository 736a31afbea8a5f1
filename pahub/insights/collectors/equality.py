"""Equality monitoring facts: whether PAs answered, and each answer, by area and month joined.

Read through `pahub.register.equality.counts`, the one door out of that package: counts, never
a PA's answers.
"""

from collections.abc import Iterator

from pahub.insights.summaries import FactRow, collector
from pahub.register.equality.counts import equality_counts


@collector("equality")
def equality_facts() -> Iterator[FactRow]:
    for count in equality_counts():
        yield FactRow(
            metric=f"equality.{count.question}",
            local_authority_id=count.local_authority_id,
            month=count.joined_month,
            dimension=count.answer,
            value=count.count,
        )
