"""Every table as CSV or XLSX, suppression applied, each file saying what it is first: the
definition, the areas, the dates and the suppression rule."""

import csv
import io

from openpyxl import Workbook

from pahub.insights.scope import Scope
from pahub.insights.suppression import SuppressedTable


def file_lines(suppressed: SuppressedTable, scope: Scope) -> list[list[str | int]]:
    """The lines of a download: what it is, a blank line, then the table itself. A hidden
    figure is its words ("fewer than 5"), never a number."""
    table = suppressed.table
    about = [
        [table.title],
        ["What it counts", table.definition],
        ["Areas", scope.label],
        ["Dates", f"{scope.start:%-d %B %Y} to {scope.end:%-d %B %Y}"],
        ["Small numbers", suppressed.rule],
        *(["Note", note] for note in table.notes),
        [],
    ]
    header = [table.row_heading, *suppressed.columns]
    rows = [
        [row.label, *(cell.value if cell.shown else cell.text for cell in row.cells)]
        for row in suppressed.rows
    ]
    return [*about, header, *rows]


def csv_text(lines: list[list[str | int]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # Cells that start like a formula are quoted with an apostrophe, so a spreadsheet never
    # runs a label someone typed (a district or skill name) as a formula.
    writer.writerows([[safe_cell(cell) for cell in line] for line in lines])
    return buffer.getvalue()


def xlsx_bytes(lines: list[list[str | int]], sheet_title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    for line in lines:
        sheet.append([safe_cell(cell) for cell in line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def safe_cell(cell: str | int) -> str | int:
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{cell}"
    return cell
