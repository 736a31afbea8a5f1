"""Filled Markdown to a Word document (.docx) with python-docx.

The template's Markdown is parsed by the same markdown-it parser as the page (`filling`), and
its tokens are walked into Word's own styles: headings, paragraphs, bold and italic, bulleted
and numbered lists (nested too) and tables. Numbered lists carry their numbers as text: Word's
automatic numbering would run on from one list into the next.

The document's properties (title, subject, author, keywords, language) are set, so a screen
reader and a file list name it properly.
"""

from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO

from docx import Document
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from pahub.library.documents.filling import markdown

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
NUMBER_STYLES = ("List", "List 2", "List 3")


@dataclass
class ListLevel:
    ordered: bool
    next_number: int = 1


@dataclass
class TableRows:
    rows: list[list[Token]] = field(default_factory=list)
    header_rows: int = 0


def add_inline(paragraph: Paragraph, inline: Token, *, bold: bool = False) -> None:
    """The text of one inline token, with bold, italic and links (shown with their address)."""
    strong = bold
    emphasis = False
    link: str | None = None
    link_text = ""
    for child in inline.children or []:
        if child.type == "strong_open":
            strong = True
        elif child.type == "strong_close":
            strong = bold
        elif child.type == "em_open":
            emphasis = True
        elif child.type == "em_close":
            emphasis = False
        elif child.type == "link_open":
            link = str(child.attrGet("href") or "")
            link_text = ""
        elif child.type == "link_close":
            if link and link != link_text:
                paragraph.add_run(f" ({link})")
            link = None
        elif child.type == "softbreak":
            paragraph.add_run(" ")
        elif child.type == "hardbreak":
            paragraph.add_run().add_break()
        elif child.type in ("text", "code_inline", "image"):
            text = child.content
            if link is not None:
                link_text += text
            run = paragraph.add_run(text)
            run.bold = strong or None
            run.italic = emphasis or None
            if child.type == "code_inline":
                run.font.name = "Courier New"


def add_table(document, table: TableRows) -> Table:
    columns = max(len(row) for row in table.rows)
    word_table = document.add_table(rows=len(table.rows), cols=columns)
    word_table.style = "Table Grid"
    for row_index, row in enumerate(table.rows):
        for column, inline in enumerate(row):
            cell_paragraph = word_table.cell(row_index, column).paragraphs[0]
            add_inline(cell_paragraph, inline, bold=row_index < table.header_rows)
    return word_table


def markdown_to_docx(
    source: str, *, title: str, subject: str, keywords: str = "", created: datetime | None = None
) -> bytes:
    """The .docx of `source` (filled Markdown), titled `title`."""
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(12)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = "PA Hub"
    properties.keywords = keywords
    properties.language = "en-GB"
    properties.comments = "A draft from PA Hub: check it before you sign or send it."
    if created is not None:
        properties.created = created
        properties.modified = created

    lists: list[ListLevel] = []
    table: TableRows | None = None
    in_header = False
    paragraph: Paragraph | None = None
    tokens = markdown.parse(source)
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            level = min(int(token.tag[1]), 3)
            paragraph = document.add_heading("", level=level)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            lists.append(ListLevel(ordered=kind == "ordered_list_open", next_number=start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "paragraph_open" and table is None:
            if lists:
                depth = min(len(lists), 3) - 1
                level = lists[-1]
                style = NUMBER_STYLES[depth] if level.ordered else BULLET_STYLES[depth]
                paragraph = document.add_paragraph(style=style)
                # Only the item's first paragraph carries its number.
                if level.ordered and tokens[index - 1].type == "list_item_open":
                    paragraph.add_run(f"{level.next_number}. ")
                    level.next_number += 1
            else:
                paragraph = document.add_paragraph()
        elif kind == "table_open":
            table = TableRows()
        elif kind == "thead_open":
            in_header = True
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open" and table is not None:
            table.rows.append([])
            if in_header:
                table.header_rows += 1
        elif kind == "inline":
            if table is not None:
                table.rows[-1].append(token)
            elif paragraph is not None:
                add_inline(paragraph, token)
        elif kind == "table_close" and table is not None:
            add_table(document, table)
            table = None
        elif kind in ("fence", "code_block"):
            document.add_paragraph(token.content.rstrip("\n"))
        elif kind == "hr":
            document.add_paragraph()
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
