"""Given every form each kind of person can reach, when it is sent empty or with nonsense in
its boxes and comes back with errors, then the error summary comes before the page's h1, as
the GOV.UK Design System places it (at the top of the main content), so a screen reader user
hears the problem first.

Forms are found by following links from each person's starting pages, as the 320 px reflow
crawl does; forms that end, remove or undo something are not sent."""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client

from pahub.accounts.models import User
from tests.world import Person, build_world, kind_of

NOT_FOLLOWED = re.compile(
    r"^/(admin|api|static|media)/|\.(ics|csv|json|xml|txt|pdf)$|/download/|/document/|/photo/"
    r"|/logout/|/feeds/[A-Za-z0-9_-]{20,}"
)
# Forms whose sending changes something even when it is refused are left alone.
NOT_SENT = re.compile(
    r"delete|withdraw|cancel|remove|revoke|logout|block|close|pause|resume|hire|decline|"
    r"shortlist|publish|stop|leave|end/|confirm|approve|answer|share-contact|deactivate|"
    r"generate|induction|invite/$|reopen"
)
TEXT_TYPES = {"text", "email", "password", "number", "tel", "date", "search", "url", ""}
NONSENSE = "@@@ not valid 99999999999999"
MOST_PAGES_PER_PERSON = 120


class Page(HTMLParser):
    """The links on a page and its forms with the names of their fields."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self.form: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])
        elif tag == "form":
            self.form = {
                "method": (found.get("method") or "get").lower(),
                "action": found.get("action") or "",
                "text": [],
                "other": [],
            }
            self.forms.append(self.form)
        elif self.form is not None and tag in ("input", "textarea", "select") and found.get("name"):
            kind = (found.get("type") or "").lower() if tag == "input" else ""
            if tag == "textarea" or (tag == "input" and kind in TEXT_TYPES):
                self.form["text"].append(found["name"])
            elif kind not in ("hidden", "submit", "button"):
                self.form["other"].append(found["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None


def summary_after_h1(html: str) -> bool:
    summary = html.find('class="govuk-error-summary"')
    heading = html.find("<h1")
    return summary != -1 and heading != -1 and heading < summary


def visit(client: Client, person: Person) -> tuple[list[str], int]:
    """Every form this person reaches whose error summary comes after the h1, and how many
    forms came back with an error summary at all."""
    seen_pages: set[str] = set()
    seen_forms: set[str] = set()
    queue = deque(person.start)
    wrong: list[str] = []
    with_errors = 0
    pages = 0
    while queue and pages < MOST_PAGES_PER_PERSON:
        address = queue.popleft()
        parts = urlsplit(address)
        kind = kind_of(parts.path, parts.query)
        if kind in seen_pages or NOT_FOLLOWED.search(parts.path):
            continue
        seen_pages.add(kind)
        response = client.get(address)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        page = Page()
        page.feed(response.content.decode())
        queue.extend(link for link in page.links if link.startswith("/"))
        for form in page.forms:
            action = form["action"] or parts.path
            key = f"{form['method']} {kind_of(urlsplit(action).path, '')}"
            if not form["text"] + form["other"] or key in seen_forms or NOT_SENT.search(action):
                continue
            seen_forms.add(key)
            for data in ({}, dict.fromkeys(form["text"], NONSENSE)):
                send = client.post if form["method"] == "post" else client.get
                answer = send(action, data)
                html = answer.content.decode() if answer.status_code == 200 else ""
                if 'class="govuk-error-summary"' in html:
                    with_errors += 1
                    if summary_after_h1(html):
                        wrong.append(f"{person.label}: {key} (from {parts.path})")
                    break
    return wrong, with_errors


@pytest.mark.django_db
def test_every_form_puts_its_error_summary_before_the_h1():
    people = build_world()
    wrong: list[str] = []
    with_errors = 0
    for person in people.values():
        client = Client()
        if person.email:
            client.force_login(User.objects.get(email=person.email))
        found, count = visit(client, person)
        wrong += found
        with_errors += count
    assert with_errors > 40, f"Only {with_errors} forms came back with errors: the crawl broke"
    assert not wrong, "Error summary after the h1:\n" + "\n".join(wrong)


def test_the_check_sees_a_summary_after_the_heading():
    late = '<h1 class="govuk-heading-l">Sign in</h1><div class="govuk-error-summary">'
    early = '<div class="govuk-error-summary"></div><h1 class="govuk-heading-l">Sign in</h1>'
    assert summary_after_h1(late)
    assert not summary_after_h1(early)
