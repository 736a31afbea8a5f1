"""Charts drawn on the server as inline SVG: no JavaScript, nothing but the page itself.

Each chart is an image with a title and a description (role="img", aria-labelledby), every
bar carries its figure in words beside it, a hidden figure shows its words ("fewer than 5")
instead of a bar, and the data table is always on the page with it. Sizes are SVG attributes,
not styles, so the content security policy (no inline styles) allows them.
"""

from dataclasses import dataclass

from pahub.insights.suppression import TOTAL, SuppressedTable

WIDTH = 640
LABEL_WIDTH = 220
BAR_AREA = 300
ROW_HEIGHT = 30
BAR_HEIGHT = 18
GAP = 6
# Dark enough for 3:1 against white (WCAG 1.4.11); the stacked chart tells its parts apart by
# pattern as well as colour, and every part is named in the legend and the table.
FILLS = ("#1d70b8", "#0b0c0c", "#003078", "#505a5f")


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the figure, or its words when hidden
    y: int
    width: float  # 0 when hidden
    text_x: float
    shown: bool


@dataclass(frozen=True)
class Segment:
    column: str
    x: float
    width: float
    index: int  # the legend entry it belongs to, whose fill and pattern it has


@dataclass(frozen=True)
class StackedBar:
    label: str
    y: int
    segments: tuple[Segment, ...]
    text: str  # the row's total in words, and any part hidden
    text_x: float


@dataclass(frozen=True)
class LegendEntry:
    column: str
    index: int
    fill: str
    striped: bool  # every other part is striped, so no two neighbours differ by colour alone
    y: int


@dataclass(frozen=True)
class Chart:
    id: str  # unique on the page, for aria-labelledby
    title: str
    description: str
    kind: str  # "bar" or "stacked"
    height: int
    bars: tuple[Bar, ...] = ()
    stacked: tuple[StackedBar, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    # Shown above the chart: which column a table's bar chart draws, when it has several.
    caption: str = ""
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def charts_for(suppressed: SuppressedTable, id_prefix: str = "") -> list[Chart]:
    """The charts a table asks for: one bar chart per column, one stacked chart, or none.
    `id_prefix` keeps ids unique on a page with several dashboards (the monthly report)."""
    kind = suppressed.table.chart
    if kind == "bar":
        return [
            bar_chart(suppressed, index, id_prefix)
            for index, column in enumerate(suppressed.columns)
            if column != TOTAL
        ]
    if kind == "stacked":
        return [stacked_chart(suppressed, id_prefix)]
    return []


def body_rows(suppressed: SuppressedTable):
    """The rows a chart draws: not the total row, which would dwarf every bar."""
    return [row for row in suppressed.rows if not (suppressed.table.totals and row.label == TOTAL)]


def bar_chart(suppressed: SuppressedTable, index: int, id_prefix: str = "") -> Chart:
    rows = body_rows(suppressed)
    cells = [row.cells[index] for row in rows]
    longest = max((cell.value for cell in cells if cell.shown), default=0) or 1
    bars = []
    for position, (row, cell) in enumerate(zip(rows, cells, strict=True)):
        width = BAR_AREA * cell.value / longest if cell.shown else 0
        bars.append(
            Bar(
                label=row.label,
                text=cell.text,
                y=position * ROW_HEIGHT + GAP,
                width=round(width, 1),
                text_x=LABEL_WIDTH + width + GAP,
                shown=cell.shown,
            )
        )
    column = suppressed.columns[index]
    title = suppressed.table.title
    several = len([c for c in suppressed.columns if c != TOTAL]) > 1
    if several:
        title = f"{title}: {column}"
    return Chart(
        id=f"{id_prefix}chart-{suppressed.table.key}-{index}",
        title=title,
        description=f"{suppressed.table.row_heading} by {column}: "
        + "; ".join(f"{bar.label} {bar.text}" for bar in bars),
        kind="bar",
        height=max(len(bars), 1) * ROW_HEIGHT + GAP,
        bars=tuple(bars),
        caption=column if several else "",
    )


def stacked_chart(suppressed: SuppressedTable, id_prefix: str = "") -> Chart:
    rows = body_rows(suppressed)
    columns = [c for c in suppressed.columns if c != TOTAL]
    sums = [sum(cell.value for cell in row.cells[: len(columns)] if cell.shown) for row in rows]
    longest = max(sums, default=0) or 1
    bars_height = max(len(rows), 1) * ROW_HEIGHT + GAP
    legend = tuple(
        LegendEntry(column, i, FILLS[i % len(FILLS)], i % 2 == 1, bars_height + i * ROW_HEIGHT)
        for i, column in enumerate(columns)
    )
    stacked = []
    for position, (row, row_sum) in enumerate(zip(rows, sums, strict=True)):
        x = float(LABEL_WIDTH)
        segments = []
        for entry, cell in zip(legend, row.cells, strict=False):
            if cell.shown and cell.value:
                width = BAR_AREA * cell.value / longest
                segments.append(Segment(entry.column, round(x, 1), round(width, 1), entry.index))
                x += width
        stacked.append(
            StackedBar(
                label=row.label,
                y=position * ROW_HEIGHT + GAP,
                segments=tuple(segments),
                text=row.cells[-1].text if suppressed.table.totals else f"{row_sum:,}",
                text_x=LABEL_WIDTH + BAR_AREA * row_sum / longest + GAP,
            )
        )
    return Chart(
        id=f"{id_prefix}chart-{suppressed.table.key}",
        title=suppressed.table.title,
        description=f"{suppressed.table.row_heading}, each bar split by "
        + ", ".join(columns)
        + ". "
        + "; ".join(
            f"{row.label}: "
            + ", ".join(f"{c} {cell.text}" for c, cell in zip(columns, row.cells, strict=False))
            for row in rows
        ),
        kind="stacked",
        height=bars_height + len(legend) * ROW_HEIGHT,
        stacked=tuple(stacked),
        legend=legend,
    )
