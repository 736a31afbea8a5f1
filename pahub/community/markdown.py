"""Posts' small, safe Markdown: paragraphs, links, lists, emphasis, strong, quotes and inline
code. Nothing else, and never an image (a picture from another site tells that site who is
reading a private zone, and when).

Two locks, so one mistake is not enough: markdown-it renders no HTML typed in a post (`html`
is off), refuses every link that is not http, https or mailto, and knows no image rule; then
nh3 keeps only the tags and attributes below. Links are marked `nofollow noopener ugc`: they
are the members' words, not PA Hub's.
"""

import nh3
from markdown_it import MarkdownIt

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
ALLOWED_TAGS = frozenset({"p", "a", "ul", "ol", "li", "em", "strong", "blockquote", "code", "br"})
CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "blockquote_open": "govuk-inset-text",
}
ALLOWED_CLASSES = {
    tag: {name for name in " ".join(classes).split()}
    for tag, classes in {
        "p": ["govuk-body"],
        "ul": ["govuk-list govuk-list--bullet"],
        "ol": ["govuk-list govuk-list--number"],
        "a": ["govuk-link"],
        "blockquote": ["govuk-inset-text"],
    }.items()
}
LINK_REL = "nofollow noopener ugc"
# markdown-it's "zero" preset knows only paragraphs and text; these are the rules posts use.
# No "image", "html_block", "html_inline", "heading", "table", "fence" or "code" (indented).
RULES = [
    "emphasis", "link", "list", "blockquote", "backticks", "autolink", "escape", "entity", "newline",
]  # fmt: skip


def scheme_allowed(url: str) -> bool:
    scheme, colon, _ = url.strip().partition(":")
    return bool(colon) and scheme.lower() in LINK_SCHEMES and "/" not in scheme


def site_path(url: str) -> bool:
    """A page of PA Hub itself, like /concerns/new/ (never //elsewhere.example)."""
    return url.startswith("/") and not url.startswith("//") and "\\" not in url


def make_parser(*, site_links: bool) -> MarkdownIt:
    parser = MarkdownIt("zero", {"html": False, "breaks": True}).enable(RULES)
    if site_links:
        parser.validateLink = lambda url: scheme_allowed(url) or site_path(url)
    else:
        parser.validateLink = scheme_allowed
    return parser


PARSER = make_parser(site_links=False)
# PA Hub's own welcome threads may also link to PA Hub's pages by path.
SITE_PARSER = make_parser(site_links=True)


def keep_link(tag: str, attribute: str, value: str) -> str | None:
    """nh3's last word on each attribute: a link only to http, https or mailto."""
    if attribute == "href" and not scheme_allowed(value):
        return None
    return value


def keep_link_or_site_path(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and site_path(value):
        return value
    return keep_link(tag, attribute, value)


def render_post(text: str, *, site_links: bool = False) -> str:
    """Safe HTML for a post's Markdown. `site_links` is for PA Hub's own text only."""
    parser = SITE_PARSER if site_links else PARSER
    tokens = parser.parse(text)
    for token in tokens:
        if token.type in CLASSES:
            token.attrSet("class", CLASSES[token.type])
        for child in token.children or []:
            if child.type in CLASSES:
                child.attrSet("class", CLASSES[child.type])
    html = parser.renderer.render(tokens, parser.options, {})
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}, "*": set()},  # not even nh3's default title and lang
        attribute_filter=keep_link_or_site_path if site_links else keep_link,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=set(LINK_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def quote_of(body: str) -> str:
    """A post's words as a Markdown quote, to start a reply with."""
    lines = body.strip().splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"
