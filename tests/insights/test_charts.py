"""Charts: one bar chart per column, a stacked chart, or none; hidden figures in words."""

from pahub.insights.charts import BAR_AREA, charts_for
from pahub.insights.suppression import suppress
from pahub.insights.tables import Row, Table


def table(chart: str, totals: bool = True) -> Table:
    return Table(
        key="levels",
        title="PAs by level",
        definition="PAs on the register.",
        row_heading="Area",
        columns=("Level 1", "Level 2"),
        rows=(Row("Newcastle", (3, 40)), Row("Gateshead", (20, 10))),
        totals=totals,
        chart=chart,
    )


def test_a_bar_chart_for_each_column_without_the_total_row_or_column():
    charts = charts_for(suppress(table("bar"), threshold=5))

    assert [chart.title for chart in charts] == ["PAs by level: Level 1", "PAs by level: Level 2"]
    assert [bar.label for bar in charts[0].bars] == ["Newcastle", "Gateshead"]
    # Shown above each chart, so a sighted reader knows which column it draws.
    assert [chart.caption for chart in charts] == ["Level 1", "Level 2"]


def test_a_table_of_one_column_needs_no_caption_above_its_chart():
    one = Table(
        key="pas",
        title="PAs",
        definition="PAs on the register.",
        row_heading="Area",
        columns=("PAs",),
        rows=(Row("Newcastle", (30,)), Row("Gateshead", (20,))),
    )

    (chart,) = charts_for(suppress(one, threshold=5))

    assert chart.title == "PAs"
    assert chart.caption == ""


def test_a_hidden_figure_has_words_and_no_bar():
    newcastle = charts_for(suppress(table("bar"), threshold=5))[0].bars[0]

    assert newcastle.text == "fewer than 5"
    assert not newcastle.shown
    assert newcastle.width == 0


def test_the_longest_shown_bar_fills_the_area_and_the_rest_are_in_proportion():
    level_2 = charts_for(suppress(table("bar", totals=False), threshold=5))[1].bars

    assert [bar.width for bar in level_2] == [BAR_AREA, BAR_AREA / 4]
    assert [bar.text for bar in level_2] == ["40", "10"]


def test_the_description_reads_out_every_figure():
    chart = charts_for(suppress(table("bar"), threshold=5))[0]

    assert "Newcastle fewer than 5" in chart.description


def test_a_stacked_chart_has_a_legend_and_a_pattern_on_every_other_part():
    (chart,) = charts_for(suppress(table("stacked", totals=False), threshold=5))

    assert [entry.column for entry in chart.legend] == ["Level 1", "Level 2"]
    assert [entry.striped for entry in chart.legend] == [False, True]
    # Newcastle's 3 is hidden, so only its Level 2 part is drawn.
    assert [segment.column for segment in chart.stacked[0].segments] == ["Level 2"]


def test_no_chart_when_the_table_asks_for_none():
    assert charts_for(suppress(table("none"), threshold=5)) == []
