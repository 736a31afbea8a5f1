"""Skills and interests numbered beyond 63 have no bit in the profile's masks
(`register.masks`): the engine reads their rows instead, and finds and scores exactly what
the naive reference (which always reads the rows) does, for tasks, nice-to-haves, required
skills and interests alike."""

import pytest
from django.utils import timezone

from pahub.jobs.matches.needs import job_needs
from pahub.jobs.matches.queries import matches_for_job
from pahub.matching import engine
from pahub.register.masks import MASKED_IDS
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Interest, Skill, SkillCategory
from tests.matching.conftest import make_pa
from tests.matching.naive import naive_matches_for_job

pytestmark = pytest.mark.django_db


def beyond_the_masks() -> tuple[Skill, Skill, Interest]:
    category = SkillCategory.objects.first()
    stoma, sign = (
        Skill.objects.create(
            pk=MASKED_IDS + number,
            code=f"health.beyond_{number}",
            category=category,
            name=f"Beyond {number}",
            description="A skill numbered beyond the mask.",
        )
        for number in (1, 2)
    )
    chess = Interest.objects.create(pk=MASKED_IDS + 1, name="Chess")
    return stoma, sign, chess


@pytest.fixture
def register_beyond(employer_profile, open_job):
    stoma, sign, chess = beyond_the_masks()
    open_job.tasks.add(stoma)
    open_job.nice_skills.add(sign)
    employer_profile.interests.set([chess, *Interest.objects.filter(name="Gardening")])
    for number in range(12):
        profile = make_pa(
            name=f"PA {number}",
            interests=("Gardening",) if number % 2 else (),
            level=number % 5,
            days_inactive=number * 9,
        )
        if number % 3:
            profile.skills.add(stoma)
        if number % 4 == 1:
            profile.skills.add(sign)
        if number % 5 < 2:
            profile.interests.add(chess)
    return stoma


def test_skills_and_interests_beyond_the_masks_rank_as_the_naive_way(
    register_beyond, employer, open_job
):
    quick = matches_for_job(open_job, viewer=employer, limit=50)
    slow = naive_matches_for_job(open_job, viewer=employer, limit=50)

    assert len(quick) == 12
    assert [(r.profile.pk, r.match) for r in quick] == [(r.profile.pk, r.match) for r in slow]


def test_a_required_skill_beyond_the_mask_is_still_a_must_have(register_beyond, employer, open_job):
    open_job.required_skills.add(register_beyond)

    quick = matches_for_job(open_job, viewer=employer, limit=50)
    slow = naive_matches_for_job(open_job, viewer=employer, limit=50)

    assert len(quick) == 8  # the PAs who listed it
    assert [(r.profile.pk, r.match) for r in quick] == [(r.profile.pk, r.match) for r in slow]


def test_the_database_adds_up_points_beyond_the_masks_as_python_does(register_beyond, open_job):
    now = timezone.now()
    needs = job_needs(open_job)
    rows = dict(
        PAProfile.objects.annotate(partial=engine.partial_points(needs, now=now)).values_list(
            "pk", "partial"
        )
    )
    candidates = engine.candidates_for_profiles(list(rows), now=now)

    for pk, partial in rows.items():
        match = engine.score(needs, candidates[pk])
        python_partial = sum(part.points for part in match.parts if part.key != "distance")
        assert partial == pytest.approx(python_partial, abs=1e-9), pk


def test_a_required_skill_on_a_high_bit_is_found(employer, open_job):
    """Bits above 31 compared as "out of range" of a 32-bit integer on PostgreSQL once, and
    a job requiring such a skill matched nobody."""
    high = Skill.objects.create(
        pk=MASKED_IDS - 3,
        code="health.high_bit",
        category=SkillCategory.objects.first(),
        name="High bit",
        description="A skill on bit 59.",
    )
    holder = make_pa(name="Holder")
    holder.skills.add(high)
    make_pa(name="Without")
    open_job.required_skills.add(high)

    quick = matches_for_job(open_job, viewer=employer, limit=50)

    assert [result.profile.pk for result in quick] == [holder.pk]
    slow = naive_matches_for_job(open_job, viewer=employer, limit=50)
    assert [(r.profile.pk, r.match) for r in quick] == [(r.profile.pk, r.match) for r in slow]
