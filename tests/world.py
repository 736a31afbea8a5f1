"""A small hub with something on every kind of page, for the tests that visit every page each
kind of person can reach (reflow at 320 px in tests/e2e, error summaries in tests/core).

Made by the services people use: a job, an application, a conversation, cover booked and
offered, evidence waiting to be checked, an organisation admin and a verifier."""

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from urllib.parse import parse_qsl

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
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    make_employer_profile,
    make_job,
    make_staff,
)

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
