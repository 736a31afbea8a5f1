"""Follow every link a signed-in person sees, as the Django test client, from their home pages.

Used by the crawl tests: no link leads to a 403 or 404, no GET adds a row, and every page is
valid HTML. Only GET links on our own site are followed; downloads, sign-out (a POST form
anyway), Django admin and the API are left out (the API has its own schema tests).
"""

import re
from collections import deque
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urldefrag, urlsplit

from django.test import Client

HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
SKIPPED_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/accounts/logout/")
SKIPPED_ENDINGS = (".ics", ".csv", ".json", ".pdf", ".jpg", ".png")


@dataclass
class Page:
    path: str
    status: int
    html: str
    linked_from: str


@dataclass
class Crawl:
    pages: dict[str, Page] = field(default_factory=dict)

    def broken(self) -> list[str]:
        return [
            f"{page.path} ({page.status}) linked from {page.linked_from}"
            for page in self.pages.values()
            if page.status in (403, 404) or page.status >= 500
        ]

    def html_pages(self) -> list[Page]:
        return [page for page in self.pages.values() if page.status == 200 and page.html]


def links_on(html: str) -> list[str]:
    found = []
    for href in HREF.findall(html):
        path = urldefrag(unescape(href))[0]
        parts = urlsplit(path)
        if parts.scheme or parts.netloc or not path.startswith("/"):
            continue
        if path.startswith(SKIPPED_PREFIXES) or parts.path.endswith(SKIPPED_ENDINGS):
            continue
        found.append(path)
    return found


def crawl(client: Client, starts: list[str], *, limit: int = 120) -> Crawl:
    """Breadth first from `starts`, each path once, at most `limit` pages. Pages that only
    differ in their query string (pages of a list, filters) count once per path."""
    result = Crawl()
    seen_paths: set[str] = set()
    queue = deque((start, "(start)") for start in starts)
    while queue and len(result.pages) < limit:
        path, linked_from = queue.popleft()
        bare = urlsplit(path).path
        if bare in seen_paths:
            continue
        seen_paths.add(bare)
        response = client.get(path)
        is_html = response.get("Content-Type", "").startswith("text/html")
        html = response.content.decode() if is_html and response.status_code == 200 else ""
        result.pages[path] = Page(path, response.status_code, html, linked_from)
        if response.status_code in (301, 302) and response.get("Location", "").startswith("/"):
            queue.append((response["Location"], path))
        for link in links_on(html):
            queue.append((link, path))
    return result
