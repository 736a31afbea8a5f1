"""`manage.py seed --jobs K`: employer profiles and open jobs that look real, lawful and
repeatable, which the matching engine can then find PAs for."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pahub.accounts.models import Role
from pahub.accounts.seeding import seed_users
from pahub.employers.models import EmployerProfile
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.matches.needs import job_needs
from pahub.jobs.matches.queries import matches_for_job
from pahub.jobs.models import Job
from pahub.matching import engine
from pahub.matching.scoring import unmet_must_haves
from pahub.register.models import Evidence, PAProfile
from pahub.register.queries import current_dbs_rank

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


def seeded_jobs(number: int):
    return Job.objects.filter(employer__in=seed_users(number))


def job_rows(number: int) -> list[tuple]:
    return list(
        seeded_jobs(number)
        .order_by("employer__email", "published_at", "title", "hours_grid")
        .values_list(
            "employer__email",
            "title",
            "hours_grid",
            "hours_per_week",
            "hourly_pay",
            "district_id",
            "required_dbs_rank",
            "requires_driver",
            "required_gender",
        )
    )


def test_seed_makes_an_employer_profile_for_each_employer_and_the_jobs_asked_for():
    output = seed("--pas", "50", "--employers", "20", "--jobs", "60", "--seed", "21")

    employers = seed_users(21).filter(roles__role=Role.EMPLOYER)
    assert EmployerProfile.objects.filter(user__in=employers).count() == 20
    assert seeded_jobs(21).count() == 60
    assert seeded_jobs(21).filter(status=Job.Status.PUBLISHED).count() == 60
    assert set(seeded_jobs(21).values_list("employer_id", flat=True)) == set(
        employers.values_list("pk", flat=True)
    )
    assert "20 employer profiles, 60 open jobs" in output
    assert "jobs/s" in output


def test_seeded_jobs_are_where_their_employer_lives_and_never_show_a_postcode():
    seed("--pas", "10", "--employers", "10", "--jobs", "30", "--seed", "22")

    for job in seeded_jobs(22).select_related("employer__employer_profile"):
        profile = job.employer.employer_profile
        assert job.district_id == profile.district_id == job.employer.district_id
        assert job.local_authority_id == profile.local_authority_id
        assert profile.postcode == job.employer.postcode
        assert profile.postcode not in job.description


def test_every_seeded_job_pays_at_least_the_legal_minimum_on_its_start_date():
    seed("--pas", "10", "--employers", "30", "--jobs", "200", "--seed", "23")

    for job in seeded_jobs(23):
        minimum = minimum_pay_on(job.start_date, is_apprenticeship=job.is_apprenticeship)
        assert job.hourly_pay >= minimum.hourly_rate, job.pk


def test_seeded_jobs_look_like_real_jobs():
    seed("--pas", "10", "--employers", "40", "--jobs", "400", "--seed", "24")

    jobs = list(seeded_jobs(24).prefetch_related("tasks", "required_skills"))
    for job in jobs:
        assert job.hours_grid != 0
        assert job.hours_per_week > 0
        assert 2 <= len(job.tasks.all()) <= 7
        assert {skill.pk for skill in job.required_skills.all()} <= {
            skill.pk for skill in job.tasks.all()
        }
        assert job.required_dbs_rank == Evidence.DBS_RANKS[job.required_dbs]
        # The database refuses a gender requirement without its reason, so this always holds.
        assert bool(job.required_gender) <= bool(job.gender_reason)
    asked = Counter()
    for job in jobs:
        asked["dbs"] += job.required_dbs_rank > 0
        asked["driver"] += job.requires_driver
        asked["gender"] += bool(job.required_gender)
        asked["none"] += not (job.required_dbs_rank or job.requires_driver or job.required_gender)
    assert 0.35 <= asked["dbs"] / len(jobs) <= 0.65
    assert 0.05 <= asked["driver"] / len(jobs) <= 0.25
    assert 0.03 <= asked["gender"] / len(jobs) <= 0.2
    assert asked["none"] > 0
    assert len({job.title for job in jobs}) >= 8


def test_the_same_seed_gives_the_same_jobs():
    seed("--pas", "5", "--employers", "10", "--jobs", "40", "--seed", "25")
    first = job_rows(25)

    seed("--pas", "5", "--employers", "10", "--jobs", "40", "--seed", "25", "--replace")

    assert job_rows(25) == first
    assert seeded_jobs(25).count() == 40


def test_replacing_a_seed_deletes_its_jobs_and_employer_profiles_too():
    seed("--pas", "5", "--employers", "10", "--jobs", "40", "--seed", "26")

    seed("--pas", "5", "--employers", "2", "--seed", "26", "--replace")

    assert seeded_jobs(26).count() == 0
    assert EmployerProfile.objects.filter(user__in=seed_users(26)).count() == 0


def test_jobs_without_employers_are_refused():
    with pytest.raises(CommandError, match="--jobs needs --employers"):
        seed("--pas", "1", "--employers", "0", "--jobs", "5", "--seed", "27")

    assert not seed_users(27).exists()


def test_seeded_pas_have_their_current_dbs_rank_and_a_realistic_gender():
    seed("--pas", "300", "--employers", "0", "--seed", "28")

    profiles = list(PAProfile.objects.filter(user__in=seed_users(28)))
    for profile in profiles:
        assert profile.dbs_rank == current_dbs_rank(profile), profile.pk
    genders = Counter(profile.gender for profile in profiles)
    assert genders["woman"] > genders["man"] > 0
    assert sum(profile.dbs_rank > 0 for profile in profiles) > 30


def test_seeded_jobs_find_seeded_pas_and_never_break_a_must_have():
    seed("--pas", "400", "--employers", "10", "--jobs", "30", "--seed", "29")

    found = 0
    for job in seeded_jobs(29).select_related("employer")[:10]:
        needs = job_needs(job)
        for result in matches_for_job(job, viewer=job.employer, limit=20):
            found += 1
            assert unmet_must_haves(needs, engine.pa_candidate(result.profile)) == []
    assert found > 0
