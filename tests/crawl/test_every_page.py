"""Every page each demo person reaches by following links, as the Django test client:

- no link leads to a 403, a 404 or an error (staff pages link only where the viewer may go);
- no GET adds a row to any table (a first visit to the profile builder made a profile);
- every page is valid HTML by html-validate's standard rules (`.htmlvalidate.cjs`).

The demo data (`manage.py demo_data`) is the world: the same people, jobs, applications and
conversations `make run` shows, with two-factor set up for the staff so they see staff pages.
"""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from pahub.accounts.models import Role
from pahub.accounts.permissions import must_use_two_factor
from pahub.community.models import ThreadRead
from pahub.core.models import AuditEvent
from pahub.messaging.models import ReadMarker
from pahub.setup.demo import demo_people_present
from tests.crawl.crawl import crawl
from tests.factories import TOTP_SECRET, UserFactory
from tests.html_check import html_problems

# From the home page, the header's links lead to each person's own areas.
STARTS = ["/"]
# Rows a GET adds on purpose, because recording the read is what the page is for: staff
# looking at people's records are audited (`core.audit.record_view`), and opening a
# conversation or a community thread marks it read (the unread counts).
READ_RECORDS = (AuditEvent, ReadMarker, ThreadRead)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(reference_data_loaded) -> dict[str, object]:
    call_command("demo_data", verbosity=0)
    people = {}
    for person, user in demo_people_present():
        if must_use_two_factor(user):
            TOTP.activate(user, TOTP_SECRET)
        people[person.mailbox] = user
    return people


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model not in READ_RECORDS and model._meta.managed and not model._meta.proxy
    }


def crawl_as(user):
    client = Client()
    client.force_login(user)
    before = row_counts()
    result = crawl(client, STARTS)
    after = row_counts()
    added = {
        label: after[label] - before[label] for label in before if after[label] != before[label]
    }
    return result, added


# One of each kind of person in the demo: a site admin (not a verifier), an organisation
# admin, a verifier, an organisation member, a PA, an employer and a representative.
MAILBOXES = [
    "admin",
    "council.admin",
    "verifier",
    "ulo.member",
    "pa.jordan",
    "employer.amira",
    "representative.sara",
]


def test_every_link_opens_no_get_writes_and_every_page_is_valid_html(demo_world):
    """One demo world for every kind of person (building it is most of the time), each
    crawled in turn; problems are named by the person who met them."""
    problems, pages = [], []
    for mailbox in MAILBOXES:
        result, added = crawl_as(demo_world[mailbox])
        if len(result.html_pages()) <= 3:
            problems.append(f"{mailbox}: only {len(result.html_pages())} pages reached")
        problems += [f"{mailbox}: {broken}" for broken in result.broken()]
        if added:
            problems.append(f"{mailbox}: a GET added rows: {added}")
        pages += result.html_pages()
    problems += html_problems([(page.path, page.html) for page in pages])
    assert "\n".join(problems) == ""


def test_a_new_pas_first_visits_add_no_rows(demo_world):
    """A PA who has saved nothing yet: the builder's pages show a blank profile, unsaved."""
    newcomer = UserFactory(full_name="Nia New", postcode="NE1 1AA", roles=[Role.PA])

    result, added = crawl_as(newcomer)

    assert "/register/profile/" in result.pages
    assert result.broken() == []
    assert added == {}
