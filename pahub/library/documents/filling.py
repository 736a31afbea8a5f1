"""A template filled for a job: its Markdown, and that Markdown as a GOV.UK page's HTML.

Values come from people (an employer's name, an address typed on the fill page), so each is
made literal Markdown before it goes in: every punctuation character is escaped with a
backslash, which CommonMark turns back into the character itself. A name like "*Sam*" or
"[Sam](javascript:...)" therefore shows as typed and never becomes formatting or a link, in
the page and in the .docx alike. A block field (one item a line) becomes a bulleted list.
"""

import re
from collections.abc import Mapping

from markdown_it import MarkdownIt

from pahub.library.documents.fields import FIELD_BY_NAME
from pahub.library.documents.placeholders import fill
from pahub.library.documents.sources import TemplateText

MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

# As the learning zone's pages: CommonMark, no raw HTML, tables on.
markdown = MarkdownIt("commonmark", {"html": False}).enable("table")

GOVUK_CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "table_open": "govuk-table",
    "thead_open": "govuk-table__head",
    "tbody_open": "govuk-table__body",
    "tr_open": "govuk-table__row",
    "th_open": "govuk-table__header",
    "td_open": "govuk-table__cell",
}
# The page's own h1 is the template's title, so the body's headings sit one level below.
HEADING_TAGS = {"h1": ("h2", "govuk-heading-l"), "h2": ("h3", "govuk-heading-m")}
SMALLER_HEADING = ("h4", "govuk-heading-s")


def literal(text: str) -> str:
    """`text` as Markdown that shows exactly `text`."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def markdown_value(name: str, value: str) -> str:
    field = FIELD_BY_NAME.get(name)
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if field is not None and field.block:
        return "\n".join(f"- {literal(line)}" for line in lines)
    return literal(" ".join(lines))


def filled_markdown(template: TemplateText, values: Mapping[str, str]) -> str:
    """The template's body with every value put in and every other field a labelled blank."""
    safe = {name: markdown_value(name, value) for name, value in values.items() if value}
    return fill(template.body, safe)


def filled_html(source: str) -> str:
    """Filled Markdown as HTML with GOV.UK classes."""
    tokens = markdown.parse(source)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            tag, css = HEADING_TAGS.get(token.tag, SMALLER_HEADING)
            token.tag = tag
            if token.type == "heading_open":
                token.attrSet("class", css)
        elif token.type in GOVUK_CLASSES:
            token.attrSet("class", GOVUK_CLASSES[token.type])
    html = markdown.renderer.render(tokens, markdown.options, {})
    return scrolling_tables(html)


def scrolling_tables(html: str) -> str:
    """Each table in a focusable, named region that scrolls sideways, as `{% scroll_region %}`
    does, so the page reflows at 320 pixels. Raw HTML is off, so every `<table` here is the
    renderer's own."""
    count = 0

    def open_region(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return (
            f'<div class="app-table-scroll" role="region" aria-label="Table {count}" '
            f'tabindex="0">{match.group(0)}'
        )

    html = re.sub(r"<table\b", open_region, html)
    return html.replace("</table>", "</table></div>")
