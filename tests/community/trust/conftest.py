"""The cast for trust tests: Amira (employer, NE1, Newcastle) hired Jordan (PA, NE3,
Newcastle) through a job; Chris (other PA, DH1, County Durham) has not worked for anyone.
Staff of Newcastle Independent Living (`verifier`, `org_admin`) serve Newcastle; staff of
Durham Direct Payments Support serve County Durham."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, Role, User
from pahub.community.models import Endorsement
from pahub.cover.models import Booking
from pahub.jobs.applications.services import application_hire
from pahub.jobs.models import Application
from pahub.register.models import PAProfile
from tests.cover.conftest import make_request
from tests.factories import UserFactory, make_employer_profile, make_job, make_staff


def hire(employer: User, pa: User, *, by: User | None = None) -> Application:
    """The employer hires the PA through a job, by the jobs service the pages use."""
    job = make_job(employer)
    application = Application.objects.create(job=job, pa=pa, origin="applied", status="applied")
    application_hire(application=application, by=by or employer)
    application.refresh_from_db()
    return application


def book(employer: User, pa: User, *, status: str = Booking.Status.CONFIRMED) -> Booking:
    start = timezone.now() - timedelta(days=3)
    request = make_request(employer, slots=[], status="covered")
    slot = request.slots.create(starts_at=start, ends_at=start + timedelta(hours=3))
    return Booking.objects.create(
        slot=slot,
        pa=pa,
        employer=employer,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        status=status,
    )


@pytest.fixture
def hired(employer, pa) -> Application:
    make_employer_profile(employer)
    return hire(employer, pa)


@pytest.fixture
def second_employer(db) -> User:
    """Bea, an employer in NE6 who booked Jordan for cover."""
    return UserFactory(
        email="bea@example.org", full_name="Bea Lowe", postcode="NE6 1AA", roles=[Role.EMPLOYER]
    )


@pytest.fixture
def durham_staff(db, other_organisation) -> User:
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.VERIFIER,
        email="durham.staff@example.org",
        full_name="Dan Durham",
    )


@pytest.fixture
def pa_profile(pa) -> PAProfile:
    """Jordan's profile, seen by any signed-in employer."""
    return PAProfile.objects.create(
        user=pa,
        display_name="Jordan",
        about_me="I have supported my grandad for five years.",
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        hourly_rate="13.50",
    )


def written(pa: User, employer: User, *, shown: bool = False, text: str = "") -> Endorsement:
    return Endorsement.objects.create(
        pa=pa,
        employer=employer,
        status=Endorsement.Status.WRITTEN,
        text=text or "Jordan was always on time and made mornings calm.",
        written_by=employer,
        written_at=timezone.now(),
        shown=shown,
    )
