"""Markdown to .docx: headings, paragraphs, bold and italic, lists (numbers restart in each
list), tables with a bold header row, and the document's properties."""

import io

import docx

from pahub.library.documents.docx import markdown_to_docx

SOURCE = """# Contract

Some **bold** and *italic* text, and a [link](https://www.gov.uk/holiday-entitlement-rights).

## Lists

- first
- second
  - nested

1. one
2. two

Between.

1. again

| Who | Signature |
| --- | --- |
| Employer | |
"""


def document():
    return docx.Document(
        io.BytesIO(markdown_to_docx(SOURCE, title="Contract: Morning PA", subject="A draft"))
    )


def test_headings_and_paragraphs_keep_their_kind():
    paragraphs = document().paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Heading 1", "Contract")
    assert paragraphs[2].style.name == "Heading 2"


def test_bold_italic_and_links_show():
    runs = document().paragraphs[1].runs
    assert any(run.bold and run.text == "bold" for run in runs)
    assert any(run.italic and run.text == "italic" for run in runs)
    assert "(https://www.gov.uk/holiday-entitlement-rights)" in document().paragraphs[1].text


def test_lists_are_bulleted_nested_and_numbered_afresh():
    rows = [(p.style.name, p.text) for p in document().paragraphs]
    assert ("List Bullet", "first") in rows
    assert ("List Bullet 2", "nested") in rows
    assert ("List", "1. one") in rows and ("List", "2. two") in rows
    assert ("List", "1. again") in rows


def test_tables_have_a_bold_header_row():
    table = document().tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Who", "Signature"]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[0].text == "Employer"


def test_the_document_has_its_title_and_author():
    properties = document().core_properties
    assert properties.title == "Contract: Morning PA"
    assert properties.subject == "A draft"
    assert properties.author == "PA Hub"
    assert properties.language == "en-GB"
