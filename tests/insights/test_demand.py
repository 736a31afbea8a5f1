"""The demand and supply dashboard: every figure equals the same count made naively from the
rows, for the scope's councils only, in a bounded number of queries."""

from collections import Counter, defaultdict
from datetime import time, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.accounts.models import Role
from pahub.cover.models import Booking, CoverRequest
from pahub.insights import summaries
from pahub.insights.dashboard import dashboard_for
from pahub.insights.facts import months_in
from pahub.jobs.models import Job
from pahub.matching.scoring import SLOT_HOURS
from pahub.places.distance import miles_between
from pahub.places.models import LocalAuthority
from pahub.register.availability import ALL_SLOTS, FULL_WEEK, PARTS
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Language, Skill
from tests.cover.conftest import make_request
from tests.factories import UserFactory, make_job
from tests.insights.dashboard_helpers import (
    ago,
    count_and_median,
    figures,
    month_label,
    month_of,
    scope_of,
    table,
)
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db

AREAS = ["Newcastle upon Tyne", "County Durham"]
SKILL_CODES = ["personal_care.dressing", "mobility.hoist", "food.meal_prep"]
grids = st.one_of(
    st.sampled_from([0, 0b111111, 0b000011 << 6, 1 << 1, 1 << 28]),
    st.integers(min_value=0, max_value=FULL_WEEK),
)
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def job_specs(draw) -> dict:
    gender = draw(st.sampled_from(["", "", "woman"]))
    return {
        "outcode": draw(st.sampled_from(["NE1", "NE3", "NE6", "DH1"])),
        "status": draw(st.sampled_from(["published", "published", "filled", "draft", "closed"])),
        "kind": draw(st.sampled_from(["regular", "cover"])),
        "hours_grid": draw(grids),
        "required_level": draw(st.sampled_from([0, 0, 1, 2])),
        "required_dbs_rank": draw(st.sampled_from([0, 0, 2])),
        "requires_driver": draw(st.sampled_from([False, False, True])),
        "required_gender": gender,
        "gender_reason": "Intimate personal care" if gender else "",
        "required_skills": draw(st.sampled_from([[], [], [SKILL_CODES[0]], SKILL_CODES[:2]])),
        "language": draw(st.sampled_from(["", "", "bfi"])),
        "published_days_ago": draw(st.integers(0, 70)),
        "days_to_fill": draw(st.integers(0, 30)),
    }


@st.composite
def pa_specs(draw) -> dict:
    return {
        "postcode": draw(st.sampled_from(["NE1 2AA", "NE3 2AA", "NE6 2AA", "DH1 2AA"])),
        "visibility": draw(st.sampled_from(["all", "all", "local", "hidden"])),
        "is_paused": draw(st.sampled_from([False, False, False, True])),
        "availability": draw(grids),
        "skills": tuple(draw(st.lists(st.sampled_from(SKILL_CODES), unique=True))),
        "languages": ("en", *draw(st.sampled_from([(), ("bfi",)]))),
        "level": draw(st.integers(0, 3)),
        "dbs_rank": draw(st.sampled_from([0, 2, 3])),
        "has_driving_licence": draw(st.booleans()),
        "has_own_car": draw(st.booleans()),
        "gender": draw(st.sampled_from(["", "woman", "man"])),
        "travel_miles": draw(st.sampled_from([1, 2, 5, 10, 30])),
    }


@st.composite
def cover_specs(draw) -> dict:
    return {
        "postcode": draw(st.sampled_from(["NE1 1AA", "DH1 1AA"])),
        "status": draw(st.sampled_from(["covered", "covered", "expired", "open", "cancelled"])),
        "days_ago": draw(st.integers(0, 70)),
        "hours_to_cover": draw(st.integers(0, 30)),
    }


def create_job(employer, number: int, spec: dict) -> Job:
    spec = dict(spec)
    published = ago(spec.pop("published_days_ago"), hours=number)
    days_to_fill = spec.pop("days_to_fill")
    grid = spec.pop("hours_grid")
    language = spec.pop("language")
    job = make_job(
        employer,
        published_at=published,
        required_language=Language.objects.get(code=language) if language else None,
        **spec,
    )
    filled = min(published + timedelta(days=days_to_fill), timezone.now())
    closed = filled if job.status in ("filled", "closed") else None
    Job.objects.filter(pk=job.pk).update(hours_grid=grid, closed_at=closed)
    job.refresh_from_db()
    return job


def create_pa(number: int, spec: dict) -> PAProfile:
    spec = dict(spec)
    availability = spec.pop("availability")
    profile = make_pa(name=f"PA {number}", email=f"demand{number}@example.org", **spec)
    PAProfile.objects.filter(pk=profile.pk).update(availability=availability)
    profile.refresh_from_db()
    return profile


def create_cover_request(number: int, spec: dict, pa) -> CoverRequest:
    employer = UserFactory(
        email=f"cover{number}@example.org", postcode=spec["postcode"], roles=[Role.EMPLOYER]
    )
    day = timezone.localdate() + timedelta(days=number + 1)
    request = make_request(employer, slots=[(day, time(8), time(11))])
    made = ago(spec["days_ago"], hours=number)
    CoverRequest.objects.filter(pk=request.pk).update(status=spec["status"], created_at=made)
    if spec["status"] == "covered":
        slot = request.slots.get()
        Booking.objects.create(
            slot=slot,
            pa=pa,
            employer=employer,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            confirmed_at=made + timedelta(hours=spec["hours_to_cover"], minutes=number),
        )
    request.refresh_from_db()
    return request


def within_reach(job: Job, profile: PAProfile) -> bool:
    place, home = job.district, profile.district
    if None in (place.latitude, place.longitude, home.latitude, home.longitude):
        return False
    miles = miles_between(place.latitude, place.longitude, home.latitude, home.longitude)
    return miles <= profile.travel_miles


def meets(job: Job, profile: PAProfile) -> bool:
    """The no-match definition, one job and one PA at a time."""
    return (
        within_reach(job, profile)
        and not profile.is_paused
        and profile.visibility != PAProfile.Visibility.HIDDEN
        and profile.user_id != job.employer_id
        and profile.level >= job.required_level
        and profile.dbs_rank >= job.required_dbs_rank
        and (not job.requires_driver or (profile.has_driving_licence and profile.has_own_car))
        and (not job.required_gender or profile.gender == job.required_gender)
        and (
            job.required_language_id is None
            or profile.languages.filter(language_id=job.required_language_id).exists()
        )
        and (job.hours_grid == 0 or bool(job.hours_grid & profile.availability))
        and set(job.required_skills.values_list("pk", flat=True))
        <= set(profile.skills.values_list("pk", flat=True))
    )


def floor_hour(moment):
    return timezone.localtime(moment).replace(minute=0, second=0, microsecond=0)


def naive_demand(scope, jobs: list[Job], profiles: list[PAProfile], requests) -> dict:
    areas = scope.local_authority_ids
    months = set(months_in(scope))
    names = dict(LocalAuthority.objects.values_list("gss_code", "name"))
    open_jobs = [
        job for job in jobs if job.status == "published" and job.local_authority_id in areas
    ]
    by_kind = Counter((job.local_authority_id, job.kind) for job in open_jobs)
    unmatched = Counter(
        job.local_authority_id
        for job in open_jobs
        if not any(meets(job, profile) for profile in profiles)
    )
    open_by_area = Counter(job.local_authority_id for job in open_jobs)
    fill_days = defaultdict(list)
    for job in jobs:
        if job.status == "filled" and job.local_authority_id in areas:
            days = (timezone.localdate(job.closed_at) - timezone.localdate(job.published_at)).days
            fill_days[month_of(job.closed_at)].append(days)
    outcomes = Counter()
    cover_hours = defaultdict(list)
    for request in requests:
        if request.local_authority_id not in areas:
            continue
        month = month_of(request.created_at)
        if request.status in ("covered", "expired"):
            outcomes[(month, "met" if request.status == "covered" else "unmet")] += 1
        if request.status == "covered":
            booked = Booking.objects.get(slot__request=request).confirmed_at
            elapsed = floor_hour(booked) - floor_hour(request.created_at)
            cover_hours[month].append(int(elapsed.total_seconds()) // 3600)
    hours = Counter()
    for job in open_jobs:
        for slot in ALL_SLOTS:
            if job.hours_grid & slot.bit:
                hours[(job.district_id, PARTS[slot.part][0])] += SLOT_HOURS[
                    slot.day * 6 + slot.part
                ]
    free = Counter()
    for profile in profiles:
        looking = not profile.is_paused and profile.visibility != PAProfile.Visibility.HIDDEN
        if looking and profile.user.local_authority_id in areas:
            for slot in ALL_SLOTS:
                if profile.availability & slot.bit:
                    free[(profile.district_id, PARTS[slot.part][0], profile.pk)] = 1
    free_pas = Counter((district, part) for district, part, _ in free)
    districts = sorted({district for district, _ in hours} | {district for district, _ in free_pas})
    return {
        "open-vacancies": {
            names[code]: (by_kind[(code, "regular")], by_kind[(code, "cover")]) for code in areas
        },
        "no-match": {names[code]: (open_by_area[code], unmatched[code]) for code in areas},
        "time-to-fill": {
            month_label(month): count_and_median(fill_days[month]) for month in months
        },
        "cover-requests": {
            month_label(month): (outcomes[(month, "met")], outcomes[(month, "unmet")])
            for month in months
        },
        "time-to-cover": {
            month_label(month): count_and_median(cover_hours[month])[1:] for month in months
        },
        "hours-needed": {
            district: tuple(hours[(district, key)] for key, _, _ in PARTS) for district in districts
        },
        "pas-free": {
            district: tuple(free_pas[(district, key)] for key, _, _ in PARTS)
            for district in districts
        },
    }


@EXAMPLES
@given(
    job_list=st.lists(job_specs(), min_size=1, max_size=12),
    pa_list=st.lists(pa_specs(), max_size=8),
    cover_list=st.lists(cover_specs(), max_size=8),
    areas=st.sampled_from([AREAS[:1], AREAS[1:], AREAS]),
)
def test_every_figure_equals_a_naive_count_of_the_rows(
    employer_profile, other_pa, job_list, pa_list, cover_list, areas
):
    with transaction.atomic():
        employer = employer_profile.user
        jobs = [create_job(employer, number, spec) for number, spec in enumerate(job_list)]
        profiles = [create_pa(number, spec) for number, spec in enumerate(pa_list)]
        requests = [
            create_cover_request(number, spec, other_pa) for number, spec in enumerate(cover_list)
        ]
        summaries.refresh(["demand"])
        scope = scope_of(*areas)

        shown = {
            found.key: figures(found) for found in dashboard_for("demand-and-supply").tables(scope)
        }

        assert shown == naive_demand(scope, jobs, profiles, requests)
        transaction.set_rollback(True)


def test_another_councils_vacancies_are_not_counted(employer_profile):
    employer = employer_profile.user
    make_job(employer, outcode="DH1")
    make_job(employer, outcode="DH1", kind="cover")
    summaries.refresh(["demand"])

    tables = dashboard_for("demand-and-supply").tables(scope_of("Newcastle upon Tyne"))

    assert figures(table(tables, "open-vacancies")) == {"Newcastle upon Tyne": (0, 0)}
    assert figures(table(tables, "hours-needed")) == {}


def test_a_vacancy_a_pa_nearby_meets_is_matched_and_one_nobody_meets_is_not(employer_profile):
    employer = employer_profile.user
    create_pa(1, {"postcode": "NE1 2AA", "skills": ("mobility.hoist",)} | {"availability": 1})
    make_job(employer, outcode="NE1", hours_grid=1)
    hoist = make_job(employer, outcode="NE1", hours_grid=1, required_skills=["mobility.hoist"])
    make_job(employer, outcode="NE1", hours_grid=2, required_skills=["mobility.hoist"])
    Job.objects.exclude(pk=hoist.pk).update(required_level=4)
    summaries.refresh(["demand"])

    tables = dashboard_for("demand-and-supply").tables(scope_of("Newcastle upon Tyne"))

    assert figures(table(tables, "no-match")) == {"Newcastle upon Tyne": (3, 2)}


def test_a_median_of_fewer_than_five_is_not_available(employer_profile):
    employer = employer_profile.user
    # The jobs are filled on the 15th of last month, hours apart: a fill a few days ago
    # would fall either side of a month's first midnight when the test runs just after it.
    today = timezone.localdate()
    filled_on = today.replace(day=1) - timedelta(days=1)
    filled_on = filled_on.replace(day=15)
    for number in range(4):
        create_job(
            employer,
            number,
            {
                "status": "filled",
                "published_days_ago": (today - filled_on).days + 3,
                "days_to_fill": 3,
                "hours_grid": 1,
                "language": "",
            },
        )
    summaries.refresh(["demand"])
    scope = scope_of("Newcastle upon Tyne")

    rows = figures(table(dashboard_for("demand-and-supply").tables(scope), "time-to-fill"))

    assert rows[month_label(month_of(filled_on))] == (4, None)


def test_the_tables_take_the_same_few_queries_whatever_the_data(employer_profile):
    employer = employer_profile.user
    scope = scope_of(*AREAS)
    summaries.refresh(["demand"])
    with CaptureQueriesContext(connection) as empty:
        dashboard_for("demand-and-supply").tables(scope)
    for number in range(30):
        create_job(
            employer,
            number,
            {
                "outcode": ["NE1", "NE3", "DH1"][number % 3],
                "status": ["published", "filled"][number % 2],
                "hours_grid": number * 12345 % FULL_WEEK,
                "published_days_ago": number,
                "days_to_fill": number % 7,
                "language": "",
            },
        )
    summaries.refresh(["demand"])
    with CaptureQueriesContext(connection) as full:
        dashboard_for("demand-and-supply").tables(scope)
    assert len(full) == len(empty) <= 12


def test_the_no_match_count_takes_a_query_per_district_not_per_job(
    employer_profile, django_assert_num_queries
):
    from pahub.jobs.insight_counts import open_jobs_without_a_match

    employer = employer_profile.user
    for _ in range(10):
        make_job(employer, required_skills=["mobility.hoist"])
    # The districts with open jobs, how far PAs travel, the districts' centroids, then NE1.
    with django_assert_num_queries(4):
        assert open_jobs_without_a_match() == [(employer_profile.local_authority_id, "NE1", 10)]


def test_skills_must_exist(db):
    assert Skill.objects.filter(code__in=SKILL_CODES).count() == len(SKILL_CODES)


def test_a_pa_who_would_travel_from_the_next_district_is_a_match(employer_profile):
    employer = employer_profile.user
    create_pa(1, {"postcode": "NE3 2AA", "travel_miles": 10, "availability": 1})
    create_pa(2, {"postcode": "DH1 2AA", "travel_miles": 1, "availability": 2})
    make_job(employer, outcode="NE1", hours_grid=1)
    make_job(employer, outcode="NE1", hours_grid=2)
    summaries.refresh(["demand"])

    tables = dashboard_for("demand-and-supply").tables(scope_of("Newcastle upon Tyne"))

    assert figures(table(tables, "no-match")) == {"Newcastle upon Tyne": (2, 1)}


def test_the_median_is_the_lower_middle_of_the_days_each_job_took(employer_profile):
    employer = employer_profile.user
    for number, days in enumerate([1, 2, 3, 4, 10, 20]):
        spec = {"status": "filled", "published_days_ago": days + 2, "days_to_fill": days}
        create_job(employer, number, spec | {"hours_grid": 1, "language": ""})
    summaries.refresh(["demand"])
    scope = scope_of("Newcastle upon Tyne")

    rows = figures(table(dashboard_for("demand-and-supply").tables(scope), "time-to-fill"))

    filled_month = month_label(month_of(Job.objects.filter(status="filled").first().closed_at))
    assert rows[filled_month] == (6, 3)


def test_the_median_time_to_cover_counts_whole_clock_hours(employer_profile, other_pa):
    made = timezone.localtime(ago(2)).replace(minute=0, second=0, microsecond=0)
    for number, hours in enumerate([0, 1, 2, 5, 9]):
        spec = {"postcode": "NE1 1AA", "status": "covered", "days_ago": 2, "hours_to_cover": 0}
        request = create_cover_request(number, spec, other_pa)
        CoverRequest.objects.filter(pk=request.pk).update(created_at=made)
        Booking.objects.filter(slot__request=request).update(
            confirmed_at=made + timedelta(hours=hours, minutes=59)
        )
    summaries.refresh(["demand"])
    scope = scope_of("Newcastle upon Tyne")

    rows = figures(table(dashboard_for("demand-and-supply").tables(scope), "time-to-cover"))

    assert rows[month_label(month_of(made))] == (2,)


def test_a_vacancy_in_a_district_with_no_known_centre_has_no_match(employer_profile, newcastle):
    from pahub.jobs.insight_counts import open_jobs_without_a_match
    from pahub.places.models import District

    District.objects.create(outcode="ZZ98", local_authority=newcastle)
    create_pa(1, {"postcode": "NE1 2AA", "availability": 1})
    make_job(employer_profile.user, outcode="ZZ98", hours_grid=1)

    assert open_jobs_without_a_match() == [(newcastle.pk, "ZZ98", 1)]
