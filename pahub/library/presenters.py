"""What a resource looks like to a reader, shared by the pages and the API.

Markdown is rendered by learning's renderer (raw HTML off, GOV.UK classes on each element,
and an nh3 allow-list, as for everything staff write). A template is shown blank: its
placeholders become labelled blanks like "[employer name]" through the one fill function the
document filler also uses.
"""

import re

from pahub.learning.courses.rendering import render_markdown
from pahub.library.documents.filling import scrolling_tables
from pahub.library.documents.placeholders import fill
from pahub.library.models import Audience, Kind, Resource, ResourceVersion


def shown_text(kind: str, body: str) -> str:
    """The Markdown a reader sees: a template with its blanks, guidance as written."""
    return fill(body, {}) if kind == Kind.TEMPLATE else body


ATX_HEADING = re.compile(r"^(#{1,5})(?=[ \t])", re.MULTILINE)


def one_heading_level_down(markdown: str) -> str:
    """The page's own h1 is the resource's title: a body that has an h1 of its own (a
    template's "# Title") has every heading moved one level down; a body whose headings start
    at h2 (guidance) is left as it is, so no level is skipped."""
    if "#" not in [match.group(1) for match in ATX_HEADING.finditer(markdown)]:
        return markdown
    return ATX_HEADING.sub(r"#\1", markdown)


def body_html(kind: str, body: str) -> str:
    # Raw HTML is off in the renderer, so every table is its own: each scrolls in its own
    # region, and the page reflows at 320 pixels.
    return scrolling_tables(
        render_markdown(one_heading_level_down(shown_text(kind, body)), from_staff=True)
    )


def resource_html(resource: Resource) -> str:
    return body_html(resource.kind, resource.body)


def version_html(version: ResourceVersion) -> str:
    return body_html(version.resource.kind, version.body)


def audience_labels(resource: Resource) -> list[str]:
    labels = dict(Audience.choices)
    have = {row.audience for row in resource.audiences.all()}
    return [label for code, label in labels.items() if code in have]


def local_label(resource: Resource) -> str:
    """ "Local to Gateshead", or nothing for the shared regional core."""
    if resource.local_authority_id is None:
        return ""
    return f"Local to {resource.local_authority.name}"
