"""Small numbers are hidden, and nothing hidden can be worked out from what is shown."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pahub.insights.suppression import HIDDEN, NOT_AVAILABLE, TOTAL, suppress
from pahub.insights.tables import Row, Table


def table_of(values, *, totals=True, unit="people") -> Table:
    return Table(
        key="test",
        title="Test",
        definition="People counted for a test.",
        row_heading="Area",
        columns=tuple(f"c{j}" for j in range(len(values[0]))),
        rows=tuple(Row(f"r{i}", tuple(row)) for i, row in enumerate(values)),
        totals=totals,
        unit=unit,
    )


def texts(suppressed) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in suppressed.rows]


def test_small_counts_show_in_words_and_zero_and_large_counts_as_they_are():
    suppressed = suppress(table_of([[0, 3, 12]], totals=False), threshold=5)

    assert texts(suppressed) == [["0", "fewer than 5", "12"]]


def test_a_figure_that_cannot_be_given_is_not_available_and_its_totals_too():
    suppressed = suppress(table_of([[None, 7], [6, 9]]), threshold=5)

    assert texts(suppressed)[0] == [NOT_AVAILABLE, "7", NOT_AVAILABLE]
    assert texts(suppressed)[2] == [NOT_AVAILABLE, "16", NOT_AVAILABLE]


def test_counts_that_are_not_of_people_are_never_hidden():
    suppressed = suppress(table_of([[1, 2], [3, 4]], unit="hours"), threshold=5)

    assert texts(suppressed) == [["1", "2", "3"], ["3", "4", "7"], ["4", "6", "10"]]


def test_a_total_row_and_column_are_added_and_the_next_smallest_figures_hidden():
    # 3 is small; its row and column would give it away from the totals, so the smallest
    # other figure in each (6 in its row, 8 in its column) is hidden, and then 20 to protect
    # those in turn.
    suppressed = suppress(table_of([[3, 6, 30], [8, 20, 40]]), threshold=5)

    assert suppressed.columns == ("c0", "c1", "c2", TOTAL)
    assert suppressed.rows[-1].label == TOTAL
    assert texts(suppressed) == [
        ["fewer than 5", HIDDEN, "30", "39"],
        [HIDDEN, HIDDEN, "40", "68"],
        ["11", "26", "70", "107"],
    ]


def test_a_table_of_small_numbers_only_that_no_hiding_can_protect_is_withheld():
    # Four people, one in each cell: whatever is hidden, each must be 1.
    suppressed = suppress(table_of([[1, 1], [1, 1]]), threshold=5)

    assert suppressed.withheld
    assert {cell.text for row in suppressed.rows for cell in row.cells} == {HIDDEN}
    assert "Every figure in this table is hidden" in suppressed.rule


def test_the_threshold_comes_from_the_settings(settings):
    settings.PAHUB_INSIGHTS_SUPPRESS_BELOW = 10

    suppressed = suppress(table_of([[7, 12]], totals=False))

    assert texts(suppressed) == [["fewer than 10", "12"]]


# Properties, for any table.

thresholds = st.integers(min_value=3, max_value=6)


@st.composite
def tables(draw, max_side=4, max_value=30):
    height = draw(st.integers(1, max_side))
    width = draw(st.integers(1, max_side))
    # Mostly small numbers, so that suppression has work to do.
    value = st.one_of(st.integers(0, 6), st.integers(0, max_value))
    values = [[draw(value) for _ in range(width)] for _ in range(height)]
    return table_of(values, totals=draw(st.booleans()))


def full_grid(table: Table) -> list[list[int]]:
    body = [[*list(row.values), sum(row.values)] for row in table.rows]
    if not table.totals:
        return [list(row.values) for row in table.rows]
    return [*body, [sum(column) for column in zip(*body, strict=True)]]


@given(tables(), thresholds)
def test_every_count_of_one_to_threshold_minus_one_is_hidden(table, threshold):
    suppressed = suppress(table, threshold)

    for grid_row, row in zip(full_grid(table), suppressed.rows, strict=True):
        for value, cell in zip(grid_row, row.cells, strict=True):
            if 0 < value < threshold:
                assert cell.text == f"fewer than {threshold}" or suppressed.withheld


@given(tables(), thresholds)
def test_shown_figures_are_the_true_figures(table, threshold):
    suppressed = suppress(table, threshold)

    for grid_row, row in zip(full_grid(table), suppressed.rows, strict=True):
        for value, cell in zip(grid_row, row.cells, strict=True):
            if cell.shown:
                assert cell.value == value
            else:
                assert cell.value is None


@given(tables(), thresholds)
def test_no_row_or_column_has_exactly_one_hidden_figure(table, threshold):
    suppressed = suppress(table, threshold)
    if not table.totals:
        return
    grid = [[cell.suppressed for cell in row.cells] for row in suppressed.rows]

    for line in grid + [list(column) for column in zip(*grid, strict=True)]:
        assert sum(line) != 1


# The stronger check: a reader who knows every rule and sees every shown figure, every total
# and the words in each hidden cell, tries every table that fits. Each hidden figure must have
# more than one possible value.


def possible_values(suppressed, threshold: int, bound: int) -> dict[tuple[int, int], set[int]]:
    rows = suppressed.rows
    height, width = len(rows) - 1, len(suppressed.columns) - 1
    small = f"fewer than {threshold}"

    def fits(cell, value: int) -> bool:
        if cell.shown:
            return cell.value == value
        if suppressed.withheld:
            return True  # every figure hidden, zeros too: anything from 0 up
        if cell.marker == small:
            return 0 < value < threshold
        return value >= threshold  # "hidden": never a small number (it would say) nor a zero

    body_hidden = [
        (i, j) for i in range(height) for j in range(width) if not rows[i].cells[j].shown
    ]
    known = {
        (i, j): rows[i].cells[j].value
        for i in range(height)
        for j in range(width)
        if rows[i].cells[j].shown
    }
    seen: dict[tuple[int, int], set[int]] = {
        (i, j): set()
        for i in range(height + 1)
        for j in range(width + 1)
        if not rows[i].cells[j].shown
    }

    def domain(position):
        cell = rows[position[0]].cells[position[1]]
        return [value for value in range(bound + 1) if fits(cell, value)]

    def search(index: int, values: dict) -> None:
        if all(len(options) > 1 for options in seen.values()):
            return
        if index == len(body_hidden):
            grid = [[values[(i, j)] for j in range(width)] for i in range(height)]
            row_totals = [sum(row) for row in grid]
            column_totals = [sum(column) for column in zip(*grid, strict=True)]
            totals = {(i, width): total for i, total in enumerate(row_totals)}
            totals |= {(height, j): total for j, total in enumerate(column_totals)}
            totals[(height, width)] = sum(row_totals)
            if all(fits(rows[i].cells[j], total) for (i, j), total in totals.items()):
                for position in seen:
                    seen[position].add((values | totals)[position])
            return
        position = body_hidden[index]
        i, j = position
        for value in domain(position):
            values[position] = value
            row_so_far = sum(values.get((i, k), 0) for k in range(width))
            row_total = rows[i].cells[width]
            if row_total.shown and row_so_far > row_total.value:
                break
            column_so_far = sum(values.get((k, j), 0) for k in range(height))
            column_total = rows[height].cells[j]
            if column_total.shown and column_so_far > column_total.value:
                break
            search(index + 1, values)
        values.pop(position, None)

    search(0, dict(known))
    return seen


# The same 100 tables every run: the brute force is exponential in the hidden cells, and a
# rare random table kept one test worker busy for over ten minutes (these take 5 s).
@settings(max_examples=100, deadline=None, derandomize=True)
@given(tables(max_side=3, max_value=9), st.just(5))
def test_no_hidden_figure_can_be_worked_out_from_the_rest(table, threshold):
    if not table.totals:
        table = table_of([list(row.values) for row in table.rows], totals=True)
    suppressed = suppress(table, threshold)
    grand_total = sum(sum(row.values) for row in table.rows)

    possible = possible_values(suppressed, threshold, bound=grand_total + threshold)

    for position, values in possible.items():
        assert len(values) > 1, f"{position} can only be {values} in {full_grid(table)}"
