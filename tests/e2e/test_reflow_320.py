"""Given a hub with a job, an application, a conversation, cover booked and offered, evidence
waiting to be checked and staff at work, when each kind of person (signed out, PA, employer,
organisation admin, verifier) opens every page they can reach on a 320 CSS pixel wide
screen, then no page scrolls sideways (WCAG 1.4.10 Reflow).

The pages are found by following the links on each page from each person's starting points,
one page of each kind (numbers in the address are one kind), so a new page is checked as
soon as something links to it. Wide tables may scroll inside a focusable region only."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import sign_in, totp_code
from tests.e2e.reflow import NARROW, measure_reflow
from tests.factories import PASSWORD, TOTP_SECRET
from tests.world import Person, build_world, kind_of

# Pages the crawl never opens: Django's own admin, machine formats, files, and links that
# would end the session.
SKIP = re.compile(
    r"^/(admin|api|static|media)/|\.(ics|csv|xlsx|docx|json|xml|txt|pdf)$|/download/|/document/|/photo/"
    r"|/logout/|/feeds/[A-Za-z0-9_-]{20,}"
)
MOST_PAGES_PER_PERSON = 80


def crawl(page, person: Person) -> tuple[list[str], list[str]]:
    """Open each kind of page once, following links; return (pages, problems)."""
    seen: set[str] = set()
    queue = deque(person.start)
    checked: list[str] = []
    problems: list[str] = []
    while queue and len(checked) < MOST_PAGES_PER_PERSON:
        address = queue.popleft()
        parts = urlsplit(address)
        kind = kind_of(parts.path, parts.query)
        if kind in seen or SKIP.search(parts.path):
            continue
        seen.add(kind)
        response = page.goto(address)
        if (
            response is None
            or not response.ok
            or "text/html" not in response.headers.get("content-type", "")
        ):
            continue
        checked.append(f"{person.label} {parts.path}")
        problem = measure_reflow(page).problem()
        if problem:
            problems.append(f"{person.label} {address}: {problem}")
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            link = urlsplit(href)
            if link.netloc == urlsplit(page.url).netloc and link.path.startswith("/"):
                queue.append(link.path + (f"?{link.query}" if link.query else ""))
    return checked, problems


@pytest.mark.django_db(transaction=True)
def test_every_page_each_person_reaches_fits_a_320_pixel_screen(
    browser, live_server, reference_data_loaded, settings
):
    settings.SITE_URL = live_server.url
    people = build_world()
    checked: list[str] = []
    problems: list[str] = []
    for person in people.values():
        context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=NARROW)
        page = context.new_page()
        page.set_default_timeout(10_000)
        if person.email:
            sign_in(page, email=person.email, password=PASSWORD)
        if person.two_factor:
            page.get_by_label(re.compile("code", re.I)).fill(totp_code(TOTP_SECRET))
            page.get_by_role("button", name=re.compile("Sign in|Continue|Verify", re.I)).click()
        pages, found = crawl(page, person)
        checked += pages
        problems += found
        context.close()

    print(f"\n320px reflow: {len(checked)} pages checked, {len(problems)} with problems")
    assert len(checked) > 60, f"The crawl reached too few pages: {checked}"
    assert not problems, (
        f"{len(problems)} of {len(checked)} pages do not fit 320 CSS pixels:\n"
        + "\n".join(problems)
    )
