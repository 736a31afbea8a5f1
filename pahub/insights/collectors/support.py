"""Support: help requests and their outcomes, community activity and concerns (counts only),
from the support and community apps' own counts."""

from collections.abc import Iterator

from pahub.community import insight_counts as community
from pahub.insights.summaries import FactRow, collector
from pahub.support import insight_counts as support


@collector("support")
def collect() -> Iterator[FactRow]:
    for area, month, outcome, requests in support.help_requests_by_outcome():
        yield FactRow("support.help_requests", area, requests, month=month, dimension=outcome)
    for area, month, threads in community.threads_by_month():
        yield FactRow("support.community", area, threads, month=month, dimension="threads")
    for area, month, replies in community.replies_by_month():
        yield FactRow("support.community", area, replies, month=month, dimension="replies")
    for area, month, meetups in community.meetups_by_month():
        yield FactRow("support.community", area, meetups, month=month, dimension="meetups")
    for area, month, concerns in support.concerns_by_month():
        yield FactRow("support.concerns", area, concerns, month=month)
