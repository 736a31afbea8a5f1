"""The engine's promises over random registers and jobs, in the database:

- no result breaks a must-have, or is hidden, paused, or outside what the viewer and the
  employer may see;
- the results are exactly what loading every PA and scoring each in Python gives.

Each example runs in a transaction rolled back at its end, so examples never see each other.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.accounts.models import User
from pahub.jobs.matches.needs import job_needs
from pahub.jobs.matches.pool import JOBS
from pahub.jobs.matches.queries import matches_for_job, matches_for_pa
from pahub.jobs.models import Job
from pahub.matching import engine
from pahub.matching.pool import PROFILES
from pahub.matching.scoring import unmet_must_haves
from pahub.register.availability import FULL_WEEK
from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile
from tests.factories import make_job, make_staff
from tests.matching.conftest import make_pa
from tests.matching.naive import naive_matches_for_job, naive_matches_for_pa

pytestmark = pytest.mark.django_db

POSTCODES = ["NE1 2AA", "NE2 2AA", "NE3 2AA", "NE6 2AA", "NE15 2AA", "NE28 2AA", "DH1 2AA"]
SKILL_CODES = ["personal_care.dressing", "mobility.hoist", "food.meal_prep", "core.first_aid"]
INTERESTS = ["Gardening", "Football", "Reading"]
AREAS = ["Newcastle upon Tyne", "County Durham"]
# A few grids that overlap in interesting ways, and random ones.
grids = st.one_of(
    st.sampled_from([0b111111, 0b000011 << 6, 1 << 1, (1 << 42) - 1]),
    st.integers(min_value=1, max_value=FULL_WEEK),
)


@st.composite
def pa_specs(draw) -> dict:
    return {
        "postcode": draw(st.sampled_from(POSTCODES)),
        "visibility": draw(st.sampled_from(["all", "all", "all", "local", "local", "hidden"])),
        "is_paused": draw(st.sampled_from([False, False, False, True])),
        "visible_in": tuple(draw(st.lists(st.sampled_from(AREAS), unique=True))),
        "availability": draw(grids),
        "skills": tuple(draw(st.lists(st.sampled_from(SKILL_CODES), unique=True))),
        "languages": ("en", *draw(st.lists(st.sampled_from(["pl", "bfi"]), unique=True))),
        "interests": tuple(draw(st.lists(st.sampled_from(INTERESTS), unique=True))),
        "dbs_rank": draw(st.integers(0, 4)),
        "has_driving_licence": draw(st.booleans()),
        "has_own_car": draw(st.booleans()),
        "gender": draw(st.sampled_from(["", "woman", "man"])),
        "level": draw(st.integers(0, 4)),
        "years_experience": draw(st.one_of(st.none(), st.integers(0, 10))),
        "travel_miles": draw(st.sampled_from([1, 5, 10, 20, 30, 30])),
        "days_inactive": draw(st.integers(0, 250)),
    }


@st.composite
def job_specs(draw) -> dict:
    """Half the jobs have no must-haves at all, so that most examples have results."""
    spec = {
        "hours_grid": draw(grids),
        "tasks": draw(st.lists(st.sampled_from(SKILL_CODES), unique=True)),
        "nice_skills": draw(st.lists(st.sampled_from(SKILL_CODES), unique=True, max_size=2)),
        "nice_years_experience": draw(st.one_of(st.none(), st.integers(1, 5))),
        "outcode": draw(st.sampled_from(["NE1", "NE1", "NE6", "DH1"])),
    }
    if draw(st.booleans()):
        gender = draw(st.sampled_from(["", "", "woman"]))
        spec |= {
            "required_skills": draw(st.sampled_from([[], [], [SKILL_CODES[0]]])),
            "required_dbs_rank": draw(st.sampled_from([0, 0, 1, 2])),
            "requires_driver": draw(st.sampled_from([False, False, True])),
            "required_gender": gender,
            "gender_reason": "Intimate personal care" if gender else "",
        }
    return spec


def create_pa(number: int, spec: dict) -> PAProfile:
    spec = dict(spec)
    availability = spec.pop("availability")
    profile = make_pa(name=f"PA {number}", email=f"random{number}@example.org", **spec)
    PAProfile.objects.filter(pk=profile.pk).update(availability=availability)
    return profile


def viewers_by_name(employer, representative, org_admin, other_organisation) -> dict[str, User]:
    return {
        "employer": employer,
        "representative": representative,
        "newcastle staff": org_admin,
        "durham staff": make_staff(organisation=other_organisation, email="dstaff@example.org"),
    }


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(pa_specs(), min_size=4, max_size=14),
    job_spec=job_specs(),
    viewer_name=st.sampled_from(["employer", "representative", "newcastle staff", "durham staff"]),
    limit=st.sampled_from([1, 3, 50]),
)
def test_a_jobs_matches_keep_every_promise(
    employer_profile,
    representative,
    org_admin,
    other_organisation,
    people,
    job_spec,
    viewer_name,
    limit,
):
    employer = employer_profile.user
    # Each example is rolled back, and SQLite then gives its ids out again: a pool that read
    # the last example's rows must not be trusted (production never rolls back a commit).
    PROFILES.forget()
    JOBS.forget()
    with transaction.atomic():
        viewer = viewers_by_name(employer, representative, org_admin, other_organisation)[
            viewer_name
        ]
        viewer = User.objects.get(pk=viewer.pk)
        for number, spec in enumerate(people):
            create_pa(number, spec)
        job_spec = dict(job_spec)
        grid = job_spec.pop("hours_grid")
        job = make_job(employer, **job_spec)
        Job.objects.filter(pk=job.pk).update(hours_grid=grid)
        job.refresh_from_db()
        needs = job_needs(job)

        results = matches_for_job(job, viewer=viewer, limit=limit)

        for result in results:
            profile = result.profile
            assert not profile.is_paused
            assert profile.visibility != PAProfile.Visibility.HIDDEN
            assert can_view_profile(viewer, profile)
            assert can_view_profile(User.objects.get(pk=employer.pk), profile)
            candidate = engine.pa_candidate(profile)
            assert unmet_must_haves(needs, candidate) == []
            assert needs.hours_grid & candidate.availability
            assert 0 <= result.match.score <= 100
        slow = naive_matches_for_job(job, viewer=viewer, limit=limit)
        assert [(r.profile.pk, r.match) for r in results] == [(r.profile.pk, r.match) for r in slow]
        transaction.set_rollback(True)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    pa_spec=pa_specs(),
    jobs=st.lists(
        st.tuples(job_specs(), st.sampled_from(["published", "draft", "paused", "closed"])),
        min_size=1,
        max_size=8,
    ),
)
def test_a_pas_matches_keep_every_promise(employer_profile, pa_spec, jobs):
    employer = employer_profile.user
    # Each example is rolled back, and SQLite then gives its ids out again: a pool that read
    # the last example's rows must not be trusted (production never rolls back a commit).
    PROFILES.forget()
    JOBS.forget()
    with transaction.atomic():
        profile = create_pa(0, pa_spec)
        for job_spec, status in jobs:
            job_spec = dict(job_spec)
            grid = job_spec.pop("hours_grid")
            job = make_job(employer, status=status, **job_spec)
            Job.objects.filter(pk=job.pk).update(hours_grid=grid)
        pa = engine.pa_candidate(profile)

        results = matches_for_pa(profile)

        for result in results:
            assert result.job.status == Job.Status.PUBLISHED
            needs = job_needs(result.job)
            assert unmet_must_haves(needs, pa) == []
            assert needs.hours_grid & pa.availability
        slow = naive_matches_for_pa(profile)
        assert [(r.job.pk, r.match) for r in results] == [(r.job.pk, r.match) for r in slow]
        transaction.set_rollback(True)
