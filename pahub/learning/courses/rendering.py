"""Module text, from Markdown to the pages a person reads.

A module's body is CommonMark, one page for each level-1 heading (`# Page title`). Raw HTML is
switched off, so content in the repository can only make the elements Markdown makes, and
each element gets its GOV.UK class here rather than in the content. Text staff publish through
pages is also cleaned with nh3 (an allow-list of tags and attributes), in case a future
Markdown option or plugin lets something through.
"""

from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

# Markdown element -> GOV.UK class, so course pages look like every other page.
GOVUK_CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "blockquote_open": "govuk-inset-text",
    "table_open": "govuk-table",
    "thead_open": "govuk-table__head",
    "tbody_open": "govuk-table__body",
    "tr_open": "govuk-table__row",
    "th_open": "govuk-table__header",
    "td_open": "govuk-table__cell",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
}
HEADING_CLASSES = {
    "h1": "govuk-heading-l",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "h5": "govuk-heading-s",
    "h6": "govuk-heading-s",
}
CLEAN_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code",
    "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
# A tag named here has only these attributes (the "*" set is not added to them by nh3).
CLEAN_ATTRIBUTES = {
    "*": {"class"},
    "a": {"class", "href", "title"},
    "th": {"class", "style"},
    "td": {"class", "style"},
}

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["table", "replacements", "smartquotes"]
)


@dataclass(frozen=True)
class Page:
    number: int
    title: str
    html: str


def _add_classes(tokens: list[Token]) -> list[Token]:
    for token in tokens:
        if token.type == "heading_open":
            token.attrSet("class", HEADING_CLASSES[token.tag])
        elif token.type in GOVUK_CLASSES:
            token.attrSet("class", GOVUK_CLASSES[token.type])
        if token.children:  # links live inside a paragraph's inline token
            _add_classes(token.children)
    return tokens


def render_markdown(text: str, *, from_staff: bool = False) -> str:
    """One piece of Markdown (a course's introduction, say) as GOV.UK-styled HTML."""
    tokens = _add_classes(_markdown.parse(text))
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return clean(html) if from_staff else html


def clean(html: str) -> str:
    return nh3.clean(html, tags=CLEAN_TAGS, attributes=CLEAN_ATTRIBUTES, link_rel="noopener")


def split_pages(body: str) -> list[tuple[str, str]]:
    """(title, Markdown under it) for each level-1 heading of the body, in order.

    The headings are found by the parser, so a `#` line inside a code block is not a page.
    Text before the first heading (there should be none) joins the first page.
    """
    lines = body.splitlines()
    tokens = _markdown.parse(body)
    starts = [
        (token.map[0], tokens_inline_text(tokens, index))
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h1" and token.map
    ]
    if not starts:
        return [("", body)]
    pages = []
    for number, (line, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        pages.append((title, "\n".join(lines[line + 1 : end])))
    return pages


def tokens_inline_text(tokens: list[Token], heading_index: int) -> str:
    inline = tokens[heading_index + 1]
    return "".join(child.content for child in inline.children or [] if child.type != "softbreak")


def render_pages(body: str, *, from_staff: bool = False) -> list[Page]:
    """The module's pages, numbered from 1, each with its title and HTML (the title is not in
    the HTML: the page shows it as its own heading)."""
    return [
        Page(number=number, title=title, html=render_markdown(text, from_staff=from_staff))
        for number, (title, text) in enumerate(split_pages(body), start=1)
    ]
