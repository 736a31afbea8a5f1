"""Paid family members and other PAs, by area and month joined."""

from collections.abc import Iterator

from pahub.insights.summaries import FactRow, collector
from pahub.register.family import family_counts


@collector("family")
def family_facts() -> Iterator[FactRow]:
    for count in family_counts():
        yield FactRow(
            metric="family.pas",
            local_authority_id=count.local_authority_id,
            month=count.joined_month,
            dimension=count.kind,
            value=count.count,
        )
