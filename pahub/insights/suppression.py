"""Small numbers hidden, and the cells that would give them away (docs/insights.md).

Only a suppressed table is ever rendered, downloaded or sent by the API. Two rules:

- Primary: a count of people from 1 to threshold - 1 shows as "fewer than 5" (for the default
  threshold of 5). 0 is shown: nobody is nobody. A figure that cannot be given (None) shows
  as "not available".
- Complementary: when totals are shown, every row and column (the total row and the total
  column included) is an equation a reader could solve. A line with exactly one hidden cell
  would give that cell away, so the next smallest shown cell of the line is hidden too, and
  the rule is applied again until no line has exactly one hidden cell. Zeros are never
  chosen: a hidden zero beside a hidden small number gives both away.

Tables whose unit is not people (hours, days) are shown as they are.
"""

from dataclasses import dataclass

from django.conf import settings

from pahub.insights.tables import Table

NOT_AVAILABLE = "not available"
# A cell hidden only so that a small number beside it cannot be worked out from the totals.
HIDDEN = "hidden"
TOTAL = "Total"

Position = tuple[int, int]


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


def threshold_setting() -> int:
    return settings.PAHUB_INSIGHTS_SUPPRESS_BELOW


@dataclass(frozen=True)
class Cell:
    # The figure when shown; None when hidden or not available.
    value: int | None
    # Words shown instead of the figure: "fewer than 5", "hidden", "not available"; "" when shown.
    marker: str = ""

    @property
    def shown(self) -> bool:
        return not self.marker

    @property
    def suppressed(self) -> bool:
        return self.marker not in ("", NOT_AVAILABLE)

    @property
    def text(self) -> str:
        return f"{self.value:,}" if self.shown else self.marker


@dataclass(frozen=True)
class SuppressedRow:
    label: str
    cells: tuple[Cell, ...]  # one per column, then the row's total when the table has totals


@dataclass(frozen=True)
class SuppressedTable:
    table: Table
    threshold: int
    columns: tuple[str, ...]  # the table's columns, then "Total" when it has totals
    rows: tuple[SuppressedRow, ...]  # the table's rows, then the total row when it has totals
    # True when every figure is hidden: the numbers are too small to show any safely.
    withheld: bool = False

    @property
    def rule(self) -> str:
        """The suppression rule in words, for the page, the downloads and the report."""
        if self.table.unit != "people":
            return "These figures are not counts of people, so none are hidden."
        if self.withheld:
            return (
                "Every figure in this table is hidden: the numbers are so small that showing "
                "any of them could let someone work out who is counted."
            )
        return (
            f"Counts of 1 to {self.threshold - 1} people show as "
            f'"{fewer_than(self.threshold)}". Where totals are shown, another figure in the same '
            f'row or column shows as "{HIDDEN}", so that the small number cannot be worked out.'
        )


def suppress(table: Table, threshold: int | None = None) -> SuppressedTable:
    threshold = threshold_setting() if threshold is None else threshold
    grid = grid_with_totals(table) if table.totals else [list(row.values) for row in table.rows]
    primary: set[Position] = set()
    complementary: set[Position] = set()
    if table.unit == "people":
        primary = small_counts(grid, threshold)
        if table.totals:
            try:
                complementary = complementary_cells(grid, primary, threshold)
            except Unprotectable:
                return withheld(table, grid, threshold)
    cells = [
        [
            cell_for(value, (i, j), primary, complementary, threshold)
            for j, value in enumerate(grid_row)
        ]
        for i, grid_row in enumerate(grid)
    ]
    labels = [row.label for row in table.rows] + ([TOTAL] if table.totals else [])
    return SuppressedTable(
        table=table,
        threshold=threshold,
        columns=table.columns + ((TOTAL,) if table.totals else ()),
        rows=tuple(
            SuppressedRow(label=label, cells=tuple(row))
            for label, row in zip(labels, cells, strict=True)
        ),
    )


def withheld(table: Table, grid: list[list[int | None]], threshold: int) -> SuppressedTable:
    """Every figure hidden, zeros included, so that none can be worked out."""
    labels = [row.label for row in table.rows] + [TOTAL]
    return SuppressedTable(
        table=table,
        threshold=threshold,
        columns=(*table.columns, TOTAL),
        rows=tuple(
            SuppressedRow(label=label, cells=tuple(Cell(None, HIDDEN) for _ in grid_row))
            for label, grid_row in zip(labels, grid, strict=True)
        ),
        withheld=True,
    )


def grid_with_totals(table: Table) -> list[list[int | None]]:
    """The table's figures with a total column and a total row; a total over a figure that
    is not available is not available either."""
    body = [[*list(row.values), sum_or_none(row.values)] for row in table.rows]
    width = len(table.columns) + 1
    total_row = [sum_or_none([row[j] for row in body]) for j in range(width)]
    return [*body, total_row]


def sum_or_none(values) -> int | None:
    values = list(values)
    return None if any(value is None for value in values) else sum(values)


def small_counts(grid: list[list[int | None]], threshold: int) -> set[Position]:
    return {
        (i, j)
        for i, grid_row in enumerate(grid)
        for j, value in enumerate(grid_row)
        if value is not None and 0 < value < threshold
    }


def lines(grid: list[list[int | None]]) -> list[list[Position]]:
    """Every row and every column of the grid, totals included: each one an equation."""
    height, width = len(grid), len(grid[0]) if grid else 0
    rows = [[(i, j) for j in range(width)] for i in range(height)]
    columns = [[(i, j) for i in range(height)] for j in range(width)]
    return rows + columns


class Unprotectable(Exception):
    """Hiding more cells cannot protect a small number (every figure near it is small or
    0: four people, one in each of four districts), so the whole table is withheld."""


def complementary_cells(
    grid: list[list[int | None]], primary: set[Position], threshold: int
) -> set[Position]:
    """Hide the next smallest shown cell of every line with exactly one hidden cell, and of a
    line through a hidden cell that the rows and columns together pin to one value, until
    there is no such line."""
    hidden = set(primary)
    all_lines = lines(grid)
    while True:
        # One at a time: hiding a cell changes which lines are left with exactly one.
        if any(
            hide_next_smallest(grid, line, hidden)
            for line in all_lines
            if sum(p in hidden for p in line) == 1
        ):
            continue
        exposed = exposed_cells(grid, hidden, primary, threshold)
        if not exposed:
            return hidden - primary
        if not any(
            hide_next_smallest(grid, line, hidden)
            for position in exposed
            for line in all_lines
            if position in line
        ):
            raise Unprotectable


def hide_next_smallest(grid: list[list[int | None]], line: list[Position], hidden: set) -> bool:
    # Zeros are never chosen: a hidden zero beside a small number could give both away.
    candidates = [p for p in line if p not in hidden and (grid[p[0]][p[1]] or 0) > 0]
    if not candidates:
        return False
    hidden.add(min(candidates, key=lambda p: grid[p[0]][p[1]]))
    return True


def exposed_cells(
    grid: list[list[int | None]], hidden: set[Position], primary: set[Position], threshold: int
) -> list[Position]:
    """The hidden cells a reader could work out exactly from what the table shows."""
    return [
        position
        for position in sorted(hidden)
        if not has_another_value(grid, hidden, primary, threshold, position)
    ]


def has_another_value(
    grid: list[list[int | None]],
    hidden: set[Position],
    primary: set[Position],
    threshold: int,
    position: Position,
) -> bool:
    """Whether some other table shows the same, with a different figure at `position`.

    A table with its margins is a flow: from a source to each row (its total), from each row
    to each column (its cells), from each column to a sink (its total) and back to the source
    (the grand total). What the reader knows are bounds on those flows: a shown figure
    exactly, "fewer than 5" from 1 to 4, "hidden" at least 5 (zeros are never hidden), "not
    available" anything. Integer flows within bounds are exactly the tables consistent with
    what is shown, so one feasibility check each side of the true figure answers exactly.
    """
    bounds = {
        (i, j): known_bounds(grid[i][j], (i, j), hidden, primary, threshold)
        for i in range(len(grid))
        for j in range(len(grid[0]))
    }
    actual = grid[position[0]][position[1]]
    low, high = bounds[position]
    for other in ((low, actual - 1), (actual + 1, high)):
        if other[0] <= other[1] and table_fits(grid, bounds | {position: other}):
            return True
    return False


UNBOUNDED = 10**15


def known_bounds(
    value: int | None,
    position: Position,
    hidden: set[Position],
    primary: set[Position],
    threshold: int,
) -> tuple[int, int]:
    if value is None:
        return 0, UNBOUNDED
    if position in primary:
        return 1, threshold - 1
    if position in hidden:
        return threshold, UNBOUNDED
    return value, value


def table_fits(grid: list[list[int | None]], bounds: dict[Position, tuple[int, int]]) -> bool:
    """Whether a table exists whose every cell and margin lies within its bounds."""
    height, width = len(grid) - 1, len(grid[0]) - 1
    source, sink = 0, 1
    row_node = {i: 2 + i for i in range(height)}
    column_node = {j: 2 + height + j for j in range(width)}
    edges = [(source, row_node[i], bounds[(i, width)]) for i in range(height)]
    edges += [
        (row_node[i], column_node[j], bounds[(i, j)]) for i in range(height) for j in range(width)
    ]
    edges += [(column_node[j], sink, bounds[(height, j)]) for j in range(width)]
    edges.append((sink, source, bounds[(height, width)]))
    return circulation_exists(2 + height + width, edges)


def circulation_exists(node_count: int, edges: list[tuple[int, int, tuple[int, int]]]) -> bool:
    """A circulation with a lower and an upper bound on each edge, by the textbook reduction
    to one maximum flow from a super source to a super sink."""
    super_source, super_sink = node_count, node_count + 1
    network = FlowNetwork(node_count + 2)
    excess = [0] * node_count
    for start, end, (low, high) in edges:
        if low > high:
            return False
        network.add(start, end, high - low)
        excess[end] += low
        excess[start] -= low
    needed = 0
    for node, amount in enumerate(excess):
        if amount > 0:
            network.add(super_source, node, amount)
            needed += amount
        elif amount < 0:
            network.add(node, super_sink, -amount)
    return network.max_flow(super_source, super_sink) == needed


class FlowNetwork:
    """Maximum flow by Dinic's algorithm; small networks (a row and a column per node)."""

    def __init__(self, node_count: int) -> None:
        self.adjacent: list[list[int]] = [[] for _ in range(node_count)]
        self.heads: list[int] = []
        self.capacities: list[int] = []

    def add(self, start: int, end: int, capacity: int) -> None:
        # Each edge is stored beside its reverse: edge e and e ^ 1.
        self.adjacent[start].append(len(self.heads))
        self.heads.append(end)
        self.capacities.append(capacity)
        self.adjacent[end].append(len(self.heads))
        self.heads.append(start)
        self.capacities.append(0)

    def max_flow(self, source: int, sink: int) -> int:
        total = 0
        while (levels := self.levels(source)) and levels[sink] >= 0:
            cursor = [0] * len(self.adjacent)
            while pushed := self.push(source, sink, UNBOUNDED * 4, levels, cursor):
                total += pushed
        return total

    def levels(self, source: int) -> list[int]:
        levels = [-1] * len(self.adjacent)
        levels[source] = 0
        queue = [source]
        for node in queue:
            for edge in self.adjacent[node]:
                if self.capacities[edge] > 0 and levels[self.heads[edge]] < 0:
                    levels[self.heads[edge]] = levels[node] + 1
                    queue.append(self.heads[edge])
        return levels

    def push(self, node: int, sink: int, limit: int, levels: list[int], cursor: list[int]) -> int:
        if node == sink:
            return limit
        while cursor[node] < len(self.adjacent[node]):
            edge = self.adjacent[node][cursor[node]]
            head = self.heads[edge]
            if self.capacities[edge] > 0 and levels[head] == levels[node] + 1:
                pushed = self.push(head, sink, min(limit, self.capacities[edge]), levels, cursor)
                if pushed:
                    self.capacities[edge] -= pushed
                    self.capacities[edge ^ 1] += pushed
                    return pushed
            cursor[node] += 1
        return 0


def cell_for(
    value: int | None,
    position: Position,
    primary: set[Position],
    complementary: set[Position],
    threshold: int,
) -> Cell:
    if value is None:
        return Cell(None, NOT_AVAILABLE)
    if position in primary:
        return Cell(None, fewer_than(threshold))
    if position in complementary:
        return Cell(None, HIDDEN)
    return Cell(value)
