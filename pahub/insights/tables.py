"""The shape every dashboard figure takes before suppression and display.

A dashboard is a list of `Table`s. Each row holds raw counts; `suppression.suppress` turns a
table into one where small counts (and the cells that would give them away) are hidden, and
only a suppressed table is ever rendered, downloaded or sent by the API.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    label: str
    # One figure per column, in the table's column order. None where a figure cannot be
    # given (a median of too few records); shown as "not available", never as 0.
    values: tuple[int | None, ...]


@dataclass(frozen=True)
class Table:
    # A stable key: the anchor on the page and the name of the CSV/XLSX download.
    key: str
    title: str
    # What the number counts, in plain English, shown beside the table ("Every number
    # comes with its definition").
    definition: str
    # The heading of the first column ("District", "Month", "Level").
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    # True when each row's values add up to a meaningful total column, and each column's to
    # a total row; the totals are shown and so take part in complementary suppression.
    totals: bool = True
    # "bar" (one horizontal bar chart per column), "stacked" or "none".
    chart: str = "bar"
    # Counts that are not of people (hours, days, minutes) are not suppressed.
    unit: str = "people"
    notes: tuple[str, ...] = field(default_factory=tuple)
