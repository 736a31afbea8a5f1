"""Support: help asked for and given, community activity, and concerns raised (counts only)."""

from pahub.insights.dashboard import Dashboard
from pahub.insights.figures.rows import by_month, month_rows, monthly_columns
from pahub.insights.scope import Scope
from pahub.insights.tables import Table

HELP_OUTCOMES = (
    ("open", "Still being dealt with"),
    ("answered", "Question answered"),
    ("resolved", "Problem sorted out"),
    ("referred", "Pointed to another service"),
    ("no_longer_needed", "No longer needed"),
    ("no_reply", "Could not reach them"),
)
COMMUNITY = (("threads", "New threads"), ("replies", "Replies"), ("meetups", "Meet-ups held"))


def help_requests(scope: Scope) -> Table:
    return Table(
        key="help-requests",
        title="Help requests and their outcomes",
        definition=(
            "Requests for help made each month (by the month they were made, in the council "
            "area they were made for), by what came of them as the adviser recorded when "
            "closing them; requests not yet closed are still being dealt with."
        ),
        row_heading="Month",
        columns=tuple(label for _, label in HELP_OUTCOMES),
        rows=month_rows(
            scope,
            monthly_columns("support.help_requests", scope, [key for key, _ in HELP_OUTCOMES]),
        ),
        chart="stacked",
    )


def community_activity(scope: Scope) -> Table:
    return Table(
        key="community-activity",
        title="Community activity",
        definition=(
            "Threads started and replies posted in the community each month, in the council area "
            "of the author's own address (published posts only; posts held or hidden by a "
            "moderator are not counted), and meet-ups held in person in the area that month "
            "(published and not cancelled; online meet-ups have no area and are not counted)."
        ),
        row_heading="Month",
        columns=tuple(label for _, label in COMMUNITY),
        rows=month_rows(
            scope, monthly_columns("support.community", scope, [key for key, _ in COMMUNITY])
        ),
        totals=False,
        unit="posts and meet-ups",
    )


def concerns(scope: Scope) -> Table:
    return Table(
        key="concerns",
        title="Concerns raised",
        definition=(
            "Concerns raised each month about someone's safety or conduct, in the council area "
            "they were raised for, whatever became of them. Only the number: nothing about who "
            "raised a concern, who or what it was about, or what was done."
        ),
        row_heading="Month",
        columns=("Concerns raised",),
        rows=month_rows(scope, [by_month("support.concerns", scope)]),
    )


def tables(scope: Scope) -> list[Table]:
    return [help_requests(scope), community_activity(scope), concerns(scope)]


DASHBOARD = Dashboard(
    slug="support",
    title="Support",
    summary="Help requests and their outcomes, community activity and concerns raised.",
    position=40,
    tables=tables,
)
