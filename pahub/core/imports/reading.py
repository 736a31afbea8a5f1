"""Reading an uploaded CSV or XLSX file as a header row and data rows, one row at a time.

Rows are streamed (csv's reader, openpyxl's read-only mode), so a 50,000-row register never
sits in memory whole. Every cell comes back as a stripped string, whatever the file stored.
"""

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

# A 50,000-row register with a dozen columns is about 6 MB as CSV; twice that leaves room.
MOST_BYTES = 15 * 1024 * 1024
MOST_ROWS = 60_000
EXTENSIONS = ("csv", "xlsx")


class FileProblem(ValueError):
    """The file cannot be imported; `message` is written for the upload form's error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SourceRow:
    """One data row: its number as a spreadsheet shows it (the header is row 1)."""

    number: int
    cells: tuple[str, ...]


def extension_of(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO dates, blanks as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _csv_rows(binary: IO[bytes]) -> Iterator[list[str]]:
    # Excel saves CSV with a byte-order mark, and older copies in Windows-1252.
    head = binary.read(4096)
    binary.seek(0)
    try:
        head.decode("utf-8-sig")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1252"
    # Decoded line by line rather than through a TextIOWrapper, which would close the
    # caller's file when it is collected.
    text = codecs.iterdecode(binary, encoding, errors="replace")
    try:
        dialect = csv.Sniffer().sniff(head.decode(encoding, errors="replace"), ",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(text, dialect)


def _xlsx_rows(binary: IO[bytes]) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(binary, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileProblem("The file could not be opened as an Excel workbook (.xlsx).") from error
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(value) for value in values]
    finally:
        workbook.close()


def raw_rows(binary: IO[bytes], file_name: str) -> Iterator[list[str]]:
    if extension_of(file_name) == "xlsx":
        return _xlsx_rows(binary)
    return _csv_rows(binary)


def _is_blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def read_rows(binary: IO[bytes], file_name: str) -> tuple[list[str], Iterator[SourceRow]]:
    """The header and an iterator over the data rows; blank rows are skipped but counted in
    the numbering, so a row number is the one staff see in their spreadsheet."""
    rows = raw_rows(binary, file_name)
    header: list[str] = []
    number = 0
    for cells in rows:
        number += 1
        if not _is_blank(cells):
            header = [cell.strip() for cell in cells]
            break
    while header and not header[-1]:
        header.pop()

    def data(start: int) -> Iterator[SourceRow]:
        row_number = start
        for cells in rows:
            row_number += 1
            if not _is_blank(cells):
                cleaned = tuple(cell.strip() for cell in cells[: len(header)])
                yield SourceRow(row_number, cleaned + ("",) * (len(header) - len(cleaned)))

    return header, data(number)


def check_upload(binary: IO[bytes], file_name: str, size: int) -> tuple[list[str], int]:
    """Refuse a file that cannot be imported; return its header and its number of data rows."""
    if extension_of(file_name) not in EXTENSIONS:
        raise FileProblem("The file must be a CSV file (.csv) or an Excel workbook (.xlsx).")
    if size == 0:
        raise FileProblem("The file is empty.")
    if size > MOST_BYTES:
        raise FileProblem(f"The file must be smaller than {MOST_BYTES // (1024 * 1024)} MB.")
    header, rows = read_rows(binary, file_name)
    if not header or sum(1 for name in header if name) < 2:
        raise FileProblem(
            "The file has no header row. The first row must name the columns, "
            "for example 'Full name' and 'Email'."
        )
    named = [name for name in header if name]
    if len({name.lower() for name in named}) != len(named):
        raise FileProblem("Two columns in the header row have the same name. Rename one.")
    total = 0
    for _row in rows:
        total += 1
        if total > MOST_ROWS:
            raise FileProblem(
                f"The file has more than {MOST_ROWS:,} rows. Split it into smaller files."
            )
    if total == 0:
        raise FileProblem("The file has a header row but no rows under it.")
    return header, total
