"""The in-memory pool's own answer (`PROFILES.rank`) over random registers: only profiles
meeting every must-have, visible to both viewers and looking for work, best first in the
naive reference's order. (`matches_for_job` equals the naive reference:
test_engine_properties.py.) And a job naming a skill without a bit never uses the pool.
"""

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.accounts.models import User
from pahub.jobs.matches.needs import job_needs
from pahub.jobs.matches.pool import JOBS
from pahub.jobs.matches.queries import matches_for_job
from pahub.jobs.models import Job
from pahub.matching import engine, pool
from pahub.matching.pool import PROFILES
from pahub.matching.scoring import unmet_must_haves
from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile
from pahub.taxonomy.models import Language
from tests.factories import make_job
from tests.matching.conftest import make_pa
from tests.matching.naive import naive_matches_for_job
from tests.matching.test_beyond_the_masks import beyond_the_masks
from tests.matching.test_engine_properties import (
    create_pa,
    job_specs,
    pa_specs,
    viewers_by_name,
)

pytestmark = pytest.mark.django_db


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(pa_specs(), min_size=4, max_size=14),
    job_spec=job_specs(),
    language=st.sampled_from([None, None, "pl", "bfi"]),
    viewer_name=st.sampled_from(["employer", "representative", "newcastle staff", "durham staff"]),
    keep=st.sampled_from([1, 3, 50]),
)
def test_the_pool_ranks_only_profiles_meeting_every_must_have_in_the_naive_order(
    employer_profile,
    representative,
    org_admin,
    other_organisation,
    people,
    job_spec,
    language,
    viewer_name,
    keep,
):
    employer = employer_profile.user
    # Each example is rolled back and SQLite gives its ids out again: start each afresh.
    PROFILES.forget()
    JOBS.forget()
    with transaction.atomic():
        viewer = viewers_by_name(employer, representative, org_admin, other_organisation)
        viewer = User.objects.get(pk=viewer[viewer_name].pk)
        for number, spec in enumerate(people):
            create_pa(number, spec)
        job_spec = dict(job_spec)
        grid = job_spec.pop("hours_grid")
        job = make_job(employer, **job_spec)
        Job.objects.filter(pk=job.pk).update(
            hours_grid=grid,
            required_language=Language.objects.get(code=language) if language else None,
        )
        job.refresh_from_db()
        needs = job_needs(job)
        assert pool.fits(needs)

        ids, found = PROFILES.rank(
            needs,
            viewers=(employer, viewer),
            exclude_user_id=employer.pk,
            now=timezone.now(),
            keep=keep,
        )

        for profile in PAProfile.objects.filter(pk__in=ids).select_related("user"):
            assert not profile.is_paused
            assert profile.visibility != PAProfile.Visibility.HIDDEN
            assert can_view_profile(viewer, profile)
            assert can_view_profile(User.objects.get(pk=employer.pk), profile)
            candidate = engine.pa_candidate(profile)
            assert unmet_must_haves(needs, candidate) == []
            assert needs.hours_grid & candidate.availability
        everyone = naive_matches_for_job(job, viewer=viewer, limit=engine.MAX_LIMIT)
        assert found == len(everyone)
        assert ids == [result.profile.pk for result in everyone[:keep]]
        transaction.set_rollback(True)


def test_a_job_naming_a_skill_beyond_the_bits_is_ranked_by_the_database(employer, open_job):
    beyond, _, _ = beyond_the_masks()
    open_job.required_skills.add(beyond)
    for number in range(6):
        profile = make_pa(name=f"PA {number}", level=number % 5, days_inactive=number * 20)
        if number % 2:
            profile.skills.add(beyond)
    assert not pool.fits(job_needs(open_job))

    results = matches_for_job(open_job, viewer=employer)

    assert not PROFILES.loaded  # the pool was never asked
    slow = naive_matches_for_job(open_job, viewer=employer)
    assert [(r.profile.pk, r.match) for r in results] == [(r.profile.pk, r.match) for r in slow]
    assert len(results) == 3
