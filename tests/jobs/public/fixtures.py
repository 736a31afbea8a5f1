"""Shared by the vacancy, application and saved-search tests (imported by each conftest).

The cast: Amira (employer, NE1) with her open job; Jordan (PA, NE3) with a complete profile
any employer may see; Chris (PA, DH1); Dee, another employer, with a job in Durham; and
Newcastle staff who may act for Amira once she has given consent.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse

from pahub.accounts.models import Role, User
from pahub.jobs.models import Application, Job
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill
from tests.factories import UserFactory, give_employer_consent, make_employer_profile, make_job

WEEKDAY_EARLY = [f"{day}_early" for day in ("monday", "tuesday", "wednesday", "thursday", "friday")]


def make_profile(user: User, *, display_name: str, **fields) -> PAProfile:
    skills = fields.pop("skills", ["personal_care.washing_bathing", "personal_care.dressing"])
    defaults = {
        "display_name": display_name,
        "about_me": "I have cared for my grandad for five years.",
        "availability": mask_from_keys(WEEKDAY_EARLY),
        "visibility": PAProfile.Visibility.ALL_EMPLOYERS,
        "hourly_rate": "13.50",
        "travel_miles": 15,
    }
    profile = PAProfile.objects.create(user=user, **(defaults | fields))
    profile.skills.set(Skill.objects.filter(code__in=skills))
    return profile


@pytest.fixture
def pa_profile(pa) -> PAProfile:
    """Jordan, NE3: free weekday early mornings, washing and dressing, seen by any employer."""
    return make_profile(pa, display_name="Jordan")


@pytest.fixture
def other_pa_profile(other_pa) -> PAProfile:
    """Chris, DH1 (County Durham)."""
    return make_profile(other_pa, display_name="Chris")


@pytest.fixture
def other_employer(db) -> User:
    return UserFactory(
        email="dee@example.org",
        full_name="Dee Armstrong",
        postcode="DH1 3AA",
        roles=[Role.EMPLOYER],
    )


@pytest.fixture
def durham_job(other_employer) -> Job:
    """Dee's open job in DH1: cover, 6 hours, £14."""
    make_employer_profile(other_employer, display_name="Dee")
    return make_job(
        other_employer,
        title="Weekend cover in Durham",
        description="Cover when my regular PA is away.",
        kind=Job.Kind.COVER,
        hours_per_week="6",
        hourly_pay="14.00",
        hours_grid=mask_from_keys(["saturday_morning", "sunday_morning"]),
        tasks=["food.meal_prep"],
    )


@pytest.fixture
def helping_staff(org_admin, organisation, employer, employer_profile) -> User:
    """Olu, Newcastle staff, whose organisation Amira has asked to act for her."""
    give_employer_consent(
        employer=employer,
        organisation=organisation,
        recorded_by=org_admin,
        how_given="Amira asked us on the phone on 3 March.",
    )
    return org_admin


@pytest.fixture
def overseeing_staff(org_admin, employer_profile) -> User:
    """Olu, Newcastle staff, without Amira's consent: may look, not act."""
    return org_admin


@pytest.fixture
def durham_staff(other_organisation) -> User:
    from pahub.accounts.models import Membership
    from tests.factories import make_staff

    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.ADMIN,
        email="durham.staff@example.org",
        full_name="Dara Durham",
    )


@pytest.fixture
def run_commits(django_capture_on_commit_callbacks) -> Callable:
    """Run what a request or service leaves for after commit (emails) inside the test."""

    @contextmanager
    def run() -> Iterator[None]:
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return run


def apply_for(client: Client, job: Job, *, origin: str = "applied", message: str = "Hello!"):
    return client.post(reverse("jobs:apply", args=[job.pk]), {"origin": origin, "message": message})


def make_application(job: Job, pa: User, *, status: str = "applied", **fields) -> Application:
    """An application made through the service, so its conversation and events exist."""
    from pahub.jobs.applications.services import application_submit

    origin = "interested" if status == "interested" else "applied"
    application = application_submit(job=job, pa=pa, origin=origin, message="I would love to.")
    if status not in ("applied", "interested"):
        Application.objects.filter(pk=application.pk).update(status=status, **fields)
        application.refresh_from_db()
    return application


def html_of(response) -> str:
    return response.content.decode()


def emails_about(outbox, *words: str) -> list:
    """The emails whose subject has one of these words: applications' own emails, not the
    batched "new messages" emails that messaging also sends for the same events."""
    return [email for email in outbox if any(word in email.subject for word in words)]


def queries_outside_the_cache(queries) -> list[str]:
    """The SQL of captured queries, leaving out those of the database cache (its table, and
    the savepoint around a write to it)."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if "pahub_cache" not in query["sql"] and "SAVEPOINT" not in query["sql"]
    ]
