"""Course text (Markdown) to safe HTML with GOV.UK typography.

Raw HTML in the text is not rendered (markdown-it's `html` option is off) and the result is
cleaned with nh3 as well, so text typed by a provider's staff can never put a script or a
form on PA Hub's pages. The learner pages render the same text; keep this one function so
the two can become one.
"""

import nh3
from markdown_it import MarkdownIt

HEADING_CLASSES = {1: "govuk-heading-l", 2: "govuk-heading-m", 3: "govuk-heading-s"}
CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "table_open": "govuk-table",
    "blockquote_open": "govuk-inset-text",
}
ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "strong", "em", "code",
    "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def render_markdown(text: str, *, heading_offset: int = 0) -> str:
    """HTML for `text`. `heading_offset` moves every heading down that many levels, for a page
    whose own h1 is something else (an author's preview of every page at once)."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(int(token.tag[1]) + heading_offset, 6)
            token.tag = f"h{level}"
            if token.type == "heading_open":
                token.attrSet("class", HEADING_CLASSES.get(level, "govuk-heading-s"))
        elif token.type in CLASSES:
            token.attrSet("class", CLASSES[token.type])
        for child in token.children or []:
            if child.type in CLASSES:
                child.attrSet("class", CLASSES[child.type])
    html = parser.renderer.render(tokens, parser.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"*": {"class"}, "a": {"href", "title"}},
        url_schemes={"https", "http", "mailto", "tel"},
    )
