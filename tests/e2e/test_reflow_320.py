"""Given a hub with a job, an application, a conversation, cover booked and offered, evidence
waiting to be checked and staff at work, when each kind of person (signed out, PA, employer,
organisation admin, verifier) opens every page they can reach on a 320 CSS pixel wide
screen, then no page scrolls sideways (WCAG 1.4.10 Reflow).

The pages are found by following the links on each page from each person's starting points,
one page of each kind (numbers in the address are one kind), so a new page is checked as
soon as something links to it. Wide tables may scroll inside a focusable region only."""

import re
from collections import deque
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, Role
from pahub.cover.models import CoverAlert, CoverSlot
from pahub.cover.services.bookings import booking_confirm
from pahub.cover.services.offers import offer_make
from pahub.cover.services.requests import RequestInput, SlotInput, cover_request_create
from pahub.jobs.applications.services import application_submit
from pahub.messaging.permissions import participant_in
from pahub.messaging.services import conversation_start, message_send
from pahub.register.availability import mask_from_keys
from pahub.register.evidence.services import evidence_add
from pahub.register.models import Evidence, PAProfile
from pahub.taxonomy.models import Skill
from tests.e2e.helpers import sign_in, totp_code
from tests.e2e.reflow import NARROW, measure_reflow
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    make_employer_profile,
    make_job,
    make_staff,
)

# Pages the crawl never opens: Django's own admin, machine formats, files, and links that
# would end the session.
SKIP = re.compile(
    r"^/(admin|api|static|media)/|\.(ics|csv|json|xml|txt|pdf)$|/download/|/document/|/photo/"
    r"|/logout/|/feeds/[A-Za-z0-9_-]{20,}"
)
MOST_PAGES_PER_PERSON = 80
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass
class Person:
    label: str
    email: str = ""
    two_factor: bool = False
    start: list[str] = field(default_factory=list)


def kind_of(path: str, query: str) -> str:
    """One page of each kind: ids and tokens in the path are placeholders, and the query
    counts by its parameter names only."""
    kind = re.sub(r"/\d+(?=/|$)", "/N", path)
    kind = re.sub(r"/[-:\w]{20,}(?=/|$)", "/TOKEN", kind)
    names = sorted({name for name, _ in parse_qsl(query, keep_blank_values=True)})
    return kind + ("?" + "&".join(names) if names else "")


def build_world() -> dict[str, Person]:
    """Everyone and everything the pages show, made by the services people use."""
    organisation = OrganisationFactory(name="Newcastle Independent Living Support Services")
    make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        email="org.admin.with.a.long.address@newcastle-independent-living.example.org",
        full_name="Olu Admin",
    )
    make_staff(
        organisation=organisation,
        role=Membership.StaffRole.VERIFIER,
        email="verifier@example.org",
        full_name="Val Verifier",
    )
    amira = UserFactory(
        email="amira.khan.employer.account@example.org",
        full_name="Amira Khan",
        postcode="NE1 4ST",
        phone="0191 498 0001",
        roles=[Role.EMPLOYER],
    )
    make_employer_profile(amira, display_name="Amira")
    job = make_job(amira, title="Morning PA to help me start the day")
    make_job(amira, title="Evening PA (draft)", status="draft")

    tomorrow = timezone.localdate() + timedelta(days=1)
    every_day = [f"{day}_{part}" for day in WEEKDAYS for part in ("early", "morning", "evening")]
    jordan = UserFactory(
        email="jordan.reed.personal.assistant@example.org",
        full_name="Jordan Reed",
        postcode="NE3 1AA",
        phone="07700 900123",
        roles=[Role.PA],
    )
    profile = PAProfile.objects.create(
        user=jordan,
        display_name="Jordan",
        about_me="Three years supporting people to start the day.",
        availability=mask_from_keys(every_day),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        work_wanted=PAProfile.WorkWanted.BOTH,
        travel_miles=10,
        hourly_rate=Decimal("14.00"),
    )
    profile.skills.set(
        Skill.objects.filter(code__in=["personal_care.washing_bathing", "personal_care.dressing"])
    )
    evidence_add(
        profile=profile,
        kind=Evidence.Kind.QUALIFICATION,
        by=jordan,
        details={
            "title": "Level 2 Diploma in Care",
            "awarding_body": "City & Guilds",
            "achieved_on": date(2023, 6, 14),
        },
        declared=True,
    )
    application_submit(job=job, pa=jordan, origin="applied", message="I would love to help.")
    conversation, _ = conversation_start(
        by=amira,
        employer=amira,
        pa=jordan,
        body="Hello Jordan, could you start at 07:30?",
        author_role="employer",
        job=job,
    )
    message_send(
        conversation=conversation, participant=participant_in(jordan, conversation), body="Yes."
    )

    # Cover: one shift booked with Jordan, another offered and waiting for Amira.
    request = cover_request_create(
        employer=amira,
        by=amira,
        data=RequestInput(
            slots=[
                SlotInput(tomorrow, time(8), time(11)),
                SlotInput(tomorrow + timedelta(days=1), time(8), time(11)),
            ],
            address="Flat 2, 10 Grey Street, Newcastle upon Tyne NE1 6AE",
            hourly_pay=Decimal("14.00"),
            pool_wait_minutes=0,
            task_codes=["personal_care.washing_bathing"],
        ),
    )
    CoverAlert.objects.get_or_create(request=request, pa=jordan, defaults={"wave": 1})
    first, second = CoverSlot.objects.filter(request=request).order_by("starts_at")
    booking_confirm(offer=offer_make(slot=first, pa=jordan, message="Happy to."), by=amira)
    offer_make(slot=second, pa=jordan, message="I can do this one too.")

    return {
        "public": Person("signed out", start=["/", "/jobs/", "/accounts/login/"]),
        "pa": Person("PA", email=jordan.email, start=["/my-account/", "/register/profile/"]),
        "employer": Person("employer", email=amira.email, start=["/my-account/", "/employer/"]),
        "admin": Person(
            "organisation admin",
            email="org.admin.with.a.long.address@newcastle-independent-living.example.org",
            two_factor=True,
            start=["/staff/", "/staff/audit/", "/staff/register/"],
        ),
        "verifier": Person(
            "verifier",
            email="verifier@example.org",
            two_factor=True,
            start=["/staff/", "/staff/register/verification/"],
        ),
    }


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
