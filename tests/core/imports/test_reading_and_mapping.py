"""Reading uploaded files and matching their columns: pure functions, no database."""

import io

import pytest
from openpyxl import Workbook

from pahub.core.imports.kinds import ImportField, ImportKind, guess_mapping, usable_mapping
from pahub.core.imports.reading import FileProblem, check_upload, read_rows

KIND = ImportKind(
    name="pas",
    title="PA register",
    fields=(
        ImportField("full_name", "Full name", required=True, aliases=("name",)),
        ImportField("email", "Email address", required=True, aliases=("e-mail",)),
        ImportField("postcode", "Postcode", required=True, aliases=("post code",)),
    ),
    row_keys=lambda values: [],
    handle_chunk=lambda chunk: [],
)


def csv_bytes(text: str, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO(text.encode(encoding))


def xlsx_bytes(rows: list[list[object]]) -> io.BytesIO:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them_skipping_blank_lines():
    header, rows = read_rows(
        csv_bytes("Name,Email\nAda,ada@example.org\n,\nBea,bea@example.org\n"), "list.csv"
    )

    assert header == ["Name", "Email"]
    assert [(row.number, row.cells) for row in rows] == [
        (2, ("Ada", "ada@example.org")),
        (4, ("Bea", "bea@example.org")),
    ]


def test_a_csv_saved_by_excel_with_a_byte_order_mark_and_semicolons_reads_the_same():
    header, rows = read_rows(csv_bytes("\ufeffName;Email\nAda;ada@example.org\n"), "list.csv")

    assert header == ["Name", "Email"]
    assert next(rows).cells == ("Ada", "ada@example.org")


def test_an_old_windows_csv_is_read_as_windows_1252():
    _header, rows = read_rows(csv_bytes("Name,Email\nZoë,z@example.org\n", "cp1252"), "x.csv")

    assert next(rows).cells == ("Zoë", "z@example.org")


def test_short_rows_are_padded_and_long_rows_cut_to_the_header():
    _header, rows = read_rows(csv_bytes("A,B\n1\n1,2,3\n"), "x.csv")

    assert [row.cells for row in rows] == [("1", ""), ("1", "2")]


def test_xlsx_cells_come_back_as_text_with_whole_numbers_without_decimals():
    header, rows = read_rows(
        xlsx_bytes([["Name", "Rate", "Hours"], ["Ada", 12.5, 20.0]]), "list.xlsx"
    )

    assert header == ["Name", "Rate", "Hours"]
    assert next(rows).cells == ("Ada", "12.5", "20")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.pdf", b"%PDF", "must be a CSV file (.csv) or an Excel workbook (.xlsx)"),
        ("list.csv", b"", "The file is empty."),
        ("list.csv", b"\n\n", "no header row"),
        ("list.csv", b"Ada Lovelace\n", "no header row"),
        ("list.csv", b"Name,Email\n", "no rows under it"),
        ("list.csv", b"Name,name\nA,B\n", "same name"),
        ("list.xlsx", b"not a workbook", "could not be opened as an Excel workbook"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_a_reason(name, content, message):
    with pytest.raises(FileProblem) as problem:
        check_upload(io.BytesIO(content), name, len(content))

    assert message in problem.value.message


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr("pahub.core.imports.reading.MOST_ROWS", 3)
    content = b"Name,Email\n" + b"a,b\n" * 4

    with pytest.raises(FileProblem, match="more than 3 rows"):
        check_upload(io.BytesIO(content), "x.csv", len(content))


def test_a_good_file_gives_its_header_and_row_count():
    content = b"Name,Email\na,b\nc,d\n"

    assert check_upload(io.BytesIO(content), "x.csv", len(content)) == (["Name", "Email"], 2)


def test_headers_are_guessed_ignoring_case_spaces_and_punctuation():
    header = ["NAME", "E-Mail", "Post Code", "Notes"]

    assert guess_mapping(KIND, header) == {
        "full_name": "NAME",
        "email": "E-Mail",
        "postcode": "Post Code",
    }


def test_a_remembered_mapping_drops_columns_this_file_does_not_have():
    remembered = {"full_name": "Name", "email": "Email", "postcode": "Gone", "nonsense": "Name"}

    assert usable_mapping(KIND, remembered, ["Name", "Email"]) == {
        "full_name": "Name",
        "email": "Email",
    }
