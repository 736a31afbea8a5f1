"""Tables made from facts, one module per subject; dashboards put them together."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from pahub.insights.facts import first_of_month
from pahub.insights.models import Fact
from pahub.insights.scope import Scope
from pahub.insights.tables import Row

EARLIER = "earlier"
IN_PERIOD = "in_period"
# The columns of a table split by when PAs joined: together, every PA who joined by the end
# of the period, so each row's total is the register as it stood then (less those who left).
JOINED_COLUMNS = ("Joined before the period", "Joined in the period")


def joined_when(month: date | None, scope: Scope) -> str | None:
    """Which column a count of PAs who joined in `month` falls in; None after the period."""
    if month is None or month > scope.end:
        return None
    return IN_PERIOD if month >= first_of_month(scope.start) else EARLIER


def counts_by_joined(metrics: Iterable[str], scope: Scope) -> dict[tuple[str, str, str], int]:
    """(metric, dimension, EARLIER or IN_PERIOD) -> count, over the scope's areas."""
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    facts = Fact.objects.filter(
        metric__in=list(metrics), local_authority_id__in=scope.local_authority_ids
    ).values_list("metric", "dimension", "month", "value")
    for metric, dimension, month, value in facts:
        when = joined_when(month, scope)
        if when is not None:
            totals[(metric, dimension, when)] += value
    return totals


def period_words(scope: Scope) -> str:
    return f"{first_of_month(scope.start):%-d %B %Y} to {scope.end:%-d %B %Y}"


def joined_rows(
    metric: str, answers: Iterable[tuple[str, str]], counts: dict[tuple[str, str, str], int]
) -> tuple[Row, ...]:
    """One row per answer (value, label), in the given order, split by when PAs joined."""
    return tuple(
        Row(
            label=label,
            values=(
                counts.get((metric, value, EARLIER), 0),
                counts.get((metric, value, IN_PERIOD), 0),
            ),
        )
        for value, label in answers
    )
