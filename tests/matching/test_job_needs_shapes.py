"""A job's needs (`jobs.matches.needs.needs_for_jobs`) are the same whether their two queries
were built for this call (a subquery of jobs) or once for the size of a list of ids
(`core.sql_shapes`), for one job, several, and more than the largest size."""

import pytest

from pahub.core import sql_shapes
from pahub.jobs.matches.needs import job_needs, needs_for_jobs
from pahub.jobs.models import Job
from pahub.taxonomy.models import Interest, Language, Skill
from tests.factories import make_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs(employer_profile):
    """Jobs whose needs use every column and every list, the driver's booleans both ways."""
    employer_profile.interests.set(Interest.objects.filter(name="Gardening"))
    employer = employer_profile.user
    skills = list(Skill.objects.order_by("code").values_list("code", flat=True)[:6])
    made = [
        make_job(
            employer,
            required_skills=skills[:2],
            nice_skills=skills[2:4],
            requires_driver=True,
            paid_by_direct_payment=True,
            required_language=Language.objects.order_by("pk").first(),
            required_gender="female",
            gender_reason="Intimate personal care (an occupational requirement).",
            nice_years_experience=2,
            required_dbs_rank=2,
        ),
        make_job(employer, tasks=skills[4:6], title="Evening PA"),
        make_job(employer, outcode="NE2", title="Weekend PA", hours_per_week=None),
    ]
    made[0].nice_interests.set(Interest.objects.order_by("pk")[:2])
    return made


def the_long_way(ids):
    return needs_for_jobs(Job.objects.filter(pk__in=ids))


def test_one_jobs_needs_are_the_same_both_ways(jobs):
    for job in jobs:
        assert job_needs(job) == the_long_way([job.pk])[job.pk]


def test_several_jobs_needs_are_the_same_both_ways_with_every_list_filled(jobs):
    ids = [job.pk for job in jobs]

    found = needs_for_jobs(ids)

    assert found == the_long_way(ids)
    first = found[jobs[0].pk]
    assert first.requires_driver is True and found[jobs[1].pk].requires_driver is False
    assert first.required_skill_ids and first.nice_skill_ids and first.required_language_ids
    assert len(first.interest_ids) == 3  # two of the job's own, and the employer's gardening
    assert found[jobs[1].pk].task_ids == frozenset(
        Skill.objects.order_by("code").values_list("pk", flat=True)[4:6]
    )


def test_more_jobs_than_the_largest_size_go_the_long_way_with_the_same_needs(jobs, monkeypatch):
    monkeypatch.setattr(sql_shapes, "ID_LIST_SIZES", (2,))
    ids = [job.pk for job in jobs]

    assert needs_for_jobs(ids) == the_long_way(ids)


def test_no_jobs_and_unknown_ids_have_no_needs():
    assert needs_for_jobs([]) == {}
    assert needs_for_jobs([-1, -2]) == {}


def test_a_jobs_needs_take_two_queries_and_the_rules(jobs, django_assert_max_num_queries):
    job_needs(jobs[0])  # the council's rules may be read once and kept

    with django_assert_max_num_queries(3):
        job_needs(jobs[1])
